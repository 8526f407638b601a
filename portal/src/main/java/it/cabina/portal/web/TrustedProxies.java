package it.cabina.portal.web;

import it.cabina.warehouse.config.ConfigException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jetty's forwarded-request support, applied only to connections from the proxies of {@code portal.trusted_proxies}:
 * from them, {@code X-Forwarded-For} becomes the client's address and {@code X-Forwarded-Proto: https} makes the request
 * secure; from any other address both headers are ignored. No other forwarding header is read (not {@code Forwarded},
 * not {@code X-Forwarded-Host}...), so a proxy that passes a client's own header through cannot be fooled by it.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {
    /** Literal addresses with an optional prefix length: never a host name, which would need a DNS lookup. */
    private static final Pattern ADDRESS = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(/\\d{1,3})?");

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
            return forwarded.customize(request, responseHeaders);
        }
        return request;
    }

    private static ConfigException invalid(String proxy, Exception cause) {
        String message = "portal.trusted_proxies: '" + proxy + "' is not an address or a CIDR block (e.g. 127.0.0.1, 10.0.0.0/8, ::1)";
        return new ConfigException(cause == null ? message : message + ": " + cause.getMessage());
    }
}
