package it.cabina.portal.web;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One request and its response, with the few operations the portal needs over Jetty's core API. */
final class Exchange {
    private static final int MAX_FORM_FIELDS = 10, MAX_FORM_LENGTH = 8 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private Fields form;
    private Viewer viewer;
    private boolean done;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() { return request.getMethod(); }

    /** The decoded path, without the query. */
    String path() { return Request.getPathInContext(request); }

    String query(String name) {
        return Request.extractQueryParameters(request).getValue(name);
    }

    String form(String name) throws Exception {
        if (form == null) form = FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_LENGTH);
        return form.getValue(name);
    }

    Optional<String> cookie(String name) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** The client's address: the connection's, or the one a trusted proxy forwarded ({@link TrustedProxies}). */
    String ip() { return Request.getRemoteAddr(request); }

    /** Over TLS, directly or behind a trusted proxy that says so ({@link TrustedProxies}). */
    boolean secure() {
        return request.isSecure();
    }

    /** The portal user, for the access log. */
    void identify(String username) {
        AccessLog.identify(request, username);
    }

    Viewer viewer() { return viewer; }

    void viewer(Viewer v) { this.viewer = v; }

    boolean done() { return done; }

    Exchange header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    Exchange status(int status) {
        response.setStatus(status);
        return this;
    }

    void addCookie(HttpCookie cookie) {
        Response.addCookie(response, cookie);
    }

    void html(String html) {
        send("text/html; charset=utf-8", html);
    }

    void send(String contentType, String body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        done = true;
        Content.Sink.write(response, true, body, callback);
    }

    void redirect(int status, String location) {
        done = true;
        Response.sendRedirect(request, response, callback, status, location, true);
    }

    void file(Path file, String contentType) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
        done = true;
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            Files.copy(file, out);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            throw e;
        }
        callback.succeeded();
    }
}
