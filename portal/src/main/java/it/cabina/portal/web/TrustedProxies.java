package it.cabina.portal.web;

import it.cabina.warehouse.config.ConfigException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jetty's forwarded-request support, applied only to connections from the proxies of {@code portal.trusted_proxies}:
 * from them, {@code X-Forwarded-For} becomes the client's address and {@code X-Forwarded-Proto: https} makes the request
 * secure; from any other address both headers are ignored. No other forwarding header is read (not {@code Forwarded},
 * not {@code X-Forwarded-Host}...), so a proxy that passes a client's own header through cannot be fooled by it.
 *
 * <p>Jetty takes the left-most address of {@code X-Forwarded-For}, which a client writes itself when the proxy appends
 * to the header (nginx's {@code $proxy_add_x_forwarded_for}). The header is first cut down to the right-most address
 * that is not a trusted proxy: the one the last trusted proxy saw.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {
    /** Literal addresses with an optional prefix length: never a host name, which would need a DNS lookup. */
    private static final String LITERAL = "\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*";
    private static final Pattern ADDRESS = Pattern.compile("(" + LITERAL + ")(/\\d{1,3})?");
    private static final Pattern FORWARDED_ADDRESS = Pattern.compile(LITERAL);

    private final InetAddressSet trusted = new InetAddressSet();
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    TrustedProxies(List<String> proxies) {
        for (String proxy : proxies) {
            if (!ADDRESS.matcher(proxy).matches()) throw invalid(proxy, null);
            try {
                trusted.add(proxy);
            } catch (RuntimeException e) {
                throw invalid(proxy, e);
            }
        }
        forwarded.setForwardedHeader("");
        forwarded.setForwardedHostHeader("");
        forwarded.setForwardedServerHeader("");
        forwarded.setForwardedPortHeader("");
        forwarded.setForwardedHttpsHeader("");
        forwarded.setForwardedCipherSuiteHeader("");
        forwarded.setForwardedSslSessionIdHeader("");
    }

    boolean isEmpty() { return trusted.isEmpty(); }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null && trusted.test(inet.getAddress())) {
            return forwarded.customize(withClientOnly(request), responseHeaders);
        }
        return request;
    }

    /** The request with X-Forwarded-For reduced to the client (none when the last hop gave no address). */
    private Request withClientOnly(Request request) {
        List<String> chain = request.getHeaders().getCSV(HttpHeader.X_FORWARDED_FOR, false);
        if (chain.isEmpty()) return request;
        String client = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress address = literal(chain.get(i));
            if (address == null) break;
            client = chain.get(i);
            if (!trusted.test(address)) break;
        }
        HttpFields.Mutable headers = HttpFields.build(request.getHeaders()).remove(HttpHeader.X_FORWARDED_FOR);
        if (client != null) headers.put(HttpHeader.X_FORWARDED_FOR, client);
        HttpFields reduced = headers.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() { return reduced; }
        };
    }

    /** An address written as such (never a name to look up), else null. */
    private static InetAddress literal(String value) {
        String v = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (!FORWARDED_ADDRESS.matcher(v).matches()) return null;
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static ConfigException invalid(String proxy, Exception cause) {
        String message = "portal.trusted_proxies: '" + proxy + "' is not an address or a CIDR block (e.g. 127.0.0.1, 10.0.0.0/8, ::1)";
        return new ConfigException(cause == null ? message : message + ": " + cause.getMessage());
    }
}
