package it.cabina.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import it.cabina.portal.AuditLog;
import it.cabina.portal.LoginThrottle;
import it.cabina.portal.Passwords;
import it.cabina.portal.PublishedData;
import it.cabina.portal.ReportFiles;
import it.cabina.portal.ReportIndex;
import it.cabina.portal.Sessions;
import it.cabina.portal.TerritoryAccess;
import it.cabina.portal.User;
import it.cabina.portal.UsersFile;
import it.cabina.warehouse.config.CabinaConfig;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The report portal: server-rendered pages over what the nightly writes in the reports folder. Every page but the login
 * form needs a session; every report and dashboard is checked against the user's scopes on the server.
 */
public final class PortalServer {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    static final String SESSION_COOKIE = "cabina_sessione";
    /** Before login there is no session: the login form's token is paired with this cookie instead. */
    static final String LOGIN_COOKIE = "cabina_accesso";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** What the server works on. */
    public record Setup(Path reportsDir, UsersFile users, TerritoryAccess access, Sessions sessions, LoginThrottle throttle,
                        AuditLog audit) {

        /** From the configuration, with the folders and files chosen on the command line. */
        public static Setup of(CabinaConfig config, Path reportsDir, Path usersFile, Path auditLog, Clock clock) {
            CabinaConfig.Portal p = config.portal();
            return new Setup(reportsDir, new UsersFile(usersFile), TerritoryAccess.of(config),
                    new Sessions(p.sessionLifetime(), clock),
                    new LoginThrottle(p.failuresBeforeDelay(), p.failureDelay(), p.maxFailureDelay(), clock),
                    new AuditLog(auditLog, clock));
        }
    }

    private final Setup setup;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final String css;
    private final ReportListPage listPage;
    private final DashboardRoute dashboardRoute;
    private final DownloadRoute downloadRoute;
    private Server server;
    private ServerConnector connector;

    public PortalServer(Setup setup) {
        this.setup = setup;
        ReportFiles files = new ReportFiles(setup.reportsDir());
        ReportIndex index = new ReportIndex(files.root());
        PublishedData data = new PublishedData(files);
        this.listPage = new ReportListPage(index, new StatusPanels(data, setup.access()));
        this.dashboardRoute = new DashboardRoute(data, index, setup.audit());
        this.downloadRoute = new DownloadRoute(index, files, setup.audit());
        try (InputStream in = PortalServer.class.getResourceAsStream("/portal/portal.css")) {
            this.css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("portal.css missing from the build", e);
        }
    }

    /** Starts listening; port 0 takes a free port (see {@link #port()}). */
    public PortalServer start(String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("portal");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                PortalServer.this.handle(new Exchange(request, response, callback));
                return true;
            }
        });
        // what Jetty itself refuses (malformed or ambiguous addresses) gets the same headers and an Italian message
        server.setErrorHandler((request, response, callback) -> {
            Exchange x = new Exchange(request, response, callback);
            securityHeaders(x);
            x.send("text/plain; charset=utf-8", "Richiesta non valida (" + response.getStatus() + ").");
            return true;
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("il portale non riesce ad ascoltare su " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return this;
    }

    public int port() { return connector.getLocalPort(); }

    public void stop() {
        try {
            if (server != null) server.stop();
        } catch (Exception e) {
            LOG.warn("portal stop: {}", e.getMessage());
        }
    }

    private void handle(Exchange x) {
        try {
            securityHeaders(x);
            route(x);
        } catch (LoginRequired e) {
            x.redirect(302, "/login");
        } catch (Refusal e) {
            errorPage(x, e.status(), e.title(), e.getMessage());
        } catch (Exception e) {
            if (x.done()) {
                LOG.info("portal: response to {} {} interrupted: {}", x.method(), x.path(), e.toString());
            } else {
                LOG.error("portal error on {} {}", x.method(), x.path(), e);
                errorPage(x, 500, "Errore del portale", "Si è verificato un errore: riprova più tardi.");
            }
        }
    }

    private void route(Exchange x) throws Exception {
        String path = x.path();
        boolean get = x.method().equals("GET") || x.method().equals("HEAD");
        boolean post = x.method().equals("POST");
        if (path.equals("/static/portal.css") && get) {
            x.header("Cache-Control", "public, max-age=3600").send("text/css; charset=utf-8", css);
            return;
        }
        x.header("Cache-Control", "no-store");
        x.viewer(currentViewer(x));
        if (path.equals("/login")) {
            if (get) loginForm(x);
            else if (post) login(x);
            else throw notAllowed();
            return;
        }
        Viewer viewer = x.viewer();
        if (viewer == null) throw new LoginRequired();
        if (path.equals("/logout") && post) {
            logout(x, viewer);
        } else if (path.equals("/") && get) {
            render(x, "reports.jte", listPage.render(viewer, new ReportListPage.Filters(
                    x.query("report"), x.query("period"), x.query("territory"))));
        } else if (path.startsWith("/cruscotto/") && get) {
            String[] parts = path.substring("/cruscotto/".length()).split("/", -1);
            if (parts.length != 3) throw Refusal.notFound();
            render(x, "cruscotto.jte", dashboardRoute.render(viewer, x.ip(), parts[0], parts[1], parts[2]));
        } else if (path.startsWith("/reports/") && get) {
            downloadRoute.serve(x, viewer, path.substring("/reports/".length()));
        } else if (path.equals("/logout") || path.equals("/")) {
            throw notAllowed();
        } else {
            throw Refusal.notFound();
        }
    }

    private static Refusal notAllowed() {
        return new Refusal(405, "Operazione non consentita", "Questa operazione non è consentita.");
    }

    private static void securityHeaders(Exchange x) {
        x.header("Content-Security-Policy", CSP);
        x.header("X-Content-Type-Options", "nosniff");
        x.header("X-Frame-Options", "DENY");
        x.header("Referrer-Policy", "no-referrer");
        x.header("Cross-Origin-Opener-Policy", "same-origin");
        if (x.secure()) x.header("Strict-Transport-Security", "max-age=31536000");
    }

    private Viewer currentViewer(Exchange x) {
        Sessions.Session session = x.cookie(SESSION_COOKIE).flatMap(id -> setup.sessions().find(id)).orElse(null);
        if (session == null) return null;
        User user = setup.users().find(session.username()).orElse(null);
        if (user == null) {
            setup.sessions().close(session.id());
            return null;
        }
        return new Viewer(user, session, setup.access());
    }

    private void loginForm(Exchange x) {
        if (x.viewer() != null) {
            x.redirect(302, "/");
            return;
        }
        renderLogin(x, null, "");
    }

    /**
     * The login form, with a token in a hidden field and in a cookie that a cross-site form cannot send. The token of an
     * earlier form is kept: another tab (or the browser's own requests) must not make an open form stale.
     */
    private void renderLogin(Exchange x, String message, String username) {
        String token = x.cookie(LOGIN_COOKIE).filter(t -> t.matches("[A-Za-z0-9_-]{43}")).orElseGet(Sessions::randomToken);
        x.addCookie(HttpCookie.build(LOGIN_COOKIE, token).path("/login").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure()).build());
        render(x, "login.jte", new Views.Login(new Views.PageContext("Accesso", null, null, token), message, username));
    }

    private void login(Exchange x) throws Exception {
        String username = trimmed(x.form("username"));
        String password = x.form("password");
        String from = x.ip();
        String token = x.form("_csrf");
        if (token == null || !token.equals(x.cookie(LOGIN_COOKIE).orElse(null))) {
            setup.audit().record("LOGIN_REFUSED", username, from, null, 403);
            x.status(403);
            renderLogin(x, "La pagina di accesso era scaduta: inserisci di nuovo le credenziali.", username);
            return;
        }
        Duration wait = setup.throttle().waitFor(username, from);
        if (!wait.isZero()) {
            setup.audit().record("LOGIN_THROTTLED", username, from, null, 429);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            x.status(429).header("Retry-After", String.valueOf(seconds));
            renderLogin(x, "Troppi tentativi non riusciti: riprova tra " + seconds + " secondi.", username);
            return;
        }
        User user = username.isEmpty() ? null : setup.users().find(username).orElse(null);
        if (!Passwords.matches(password, user == null ? null : user.passwordHash())) {
            setup.throttle().failed(username, from);
            setup.audit().record("LOGIN_FAILED", username, from, null, 401);
            x.status(401);
            renderLogin(x, "Nome utente o password non corretti.", username);
            return;
        }
        setup.throttle().succeeded(username);
        x.addCookie(HttpCookie.build(LOGIN_COOKIE, "").path("/login").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure()).maxAge(0).build());
        x.cookie(SESSION_COOKIE).ifPresent(previous -> setup.sessions().close(previous));
        Sessions.Session session = setup.sessions().open(user.username());
        x.addCookie(HttpCookie.build(SESSION_COOKIE, session.id())
                .path("/")
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure())
                .maxAge(setup.sessions().lifetime().toSeconds())
                .build());
        setup.audit().record("LOGIN", user.username(), from, null, 303);
        x.redirect(303, "/");
    }

    private void logout(Exchange x, Viewer viewer) throws Exception {
        if (!viewer.session().csrfToken().equals(x.form("_csrf"))) {
            setup.audit().record("LOGOUT_REFUSED", viewer.user().username(), x.ip(), null, 403);
            throw new Refusal(403, "Richiesta non valida", "La richiesta non proviene da una pagina del portale.");
        }
        setup.sessions().close(viewer.session().id());
        x.addCookie(HttpCookie.build(SESSION_COOKIE, "").path("/").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure()).maxAge(0).build());
        setup.audit().record("LOGOUT", viewer.user().username(), x.ip(), null, 303);
        x.redirect(303, "/login");
    }

    private void errorPage(Exchange x, int status, String title, String message) {
        Viewer v = x.viewer();
        Views.PageContext page = v == null ? new Views.PageContext(title, null, null, null) : v.page(title);
        x.status(status);
        render(x, "error.jte", new Views.ErrorPage(page, status, message));
    }

    private void render(Exchange x, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        x.html(out.toString());
    }

    private static String trimmed(String s) {
        if (s == null) return "";
        String t = s.strip();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}
