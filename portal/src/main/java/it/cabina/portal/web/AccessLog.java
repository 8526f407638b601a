package it.cabina.portal.web;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;

/**
 * The access log ({@code portal.access_log}), apart from the audit log: one NCSA-like line per request, written by Jetty
 * when the response is complete, e.g.
 * {@code 203.0.113.7 - m.rossi [23/Nov/2026:08:00:00 +0000] "GET /cruscotto/2026/AMBITO/AMB-SARONNO HTTP/1.1" 200 5120 12}
 * (client address — the one a trusted proxy forwarded —, portal user or "-", time, method, path, protocol, status,
 * bytes sent, milliseconds). The path is logged without its query string, and neither headers nor form fields are logged:
 * no password, session id or token can end up in it.
 */
final class AccessLog {
    static final String FORMAT = "%{client}a - %u %t \"%m %U %H\" %s %O %{ms}T";

    private AccessLog() {}

    static RequestLog to(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("registro delle richieste non scrivibile: " + file, e);
        }
        RequestLogWriter writer = new RequestLogWriter(file.toString());
        writer.setAppend(true);
        return new CustomRequestLog(writer, FORMAT);
    }

    /** Names the portal user of a request in its access-log line. */
    static void identify(Request request, String username) {
        Principal user = () -> username;
        Request.setAuthenticationState(request, new Request.AuthenticationState() {
            @Override
            public Principal getUserPrincipal() { return user; }
        });
    }
}
