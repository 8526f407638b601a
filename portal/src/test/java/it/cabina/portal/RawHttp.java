package it.cabina.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 requests over a socket opened from a chosen loopback address: 127.0.0.2 plays a reverse proxy, 127.0.0.1 a
 * client that reaches the portal directly (java.net.http cannot choose the local address on Java 17).
 */
final class RawHttp {
    record Response(int status, List<Map.Entry<String, String>> headers, String body) {
        List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        Optional<String> first(String name) { return all(name).stream().findFirst(); }

        /** The value a Set-Cookie header gives this cookie, and the attributes after it. */
        Optional<String> setCookie(String cookie) {
            return all("Set-Cookie").stream().filter(c -> c.startsWith(cookie + "=")).findFirst();
        }
    }

    private final int port;
    private final String from;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** Requests to the portal on this port, sent from this local address. */
    static RawHttp from(String localAddress, int port) {
        return new RawHttp(port, localAddress);
    }

    /** A header sent with every request of this client (a proxy's X-Forwarded-For, a client's forged one). */
    RawHttp with(String name, String value) {
        RawHttp copy = new RawHttp(port, from);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    Response get(String target, String cookies) throws IOException {
        return send("GET", target, cookies, null);
    }

    Response postForm(String target, String cookies, String form) throws IOException {
        return send("POST", target, cookies, form);
    }

    private Response send(String method, String target, String cookies, String form) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            s.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (cookies != null) request.append("Cookie: ").append(cookies).append("\r\n");
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            if (form != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(s.getInputStream().readAllBytes());
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding") && h.getValue().contains("chunked"));
        return new Response(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(body, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) return out.toByteArray();
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        throw new IllegalStateException("truncated chunked body");
    }

}
