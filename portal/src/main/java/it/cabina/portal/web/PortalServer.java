package it.cabina.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The report portal: server-rendered pages over what the nightly writes in the reports folder. Every page but the login
 * form needs a session; every report and dashboard is checked against the user's scopes on the server.
 */
public final class PortalServer {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    static final String SESSION_COOKIE = "cabina_sessione";
    private static final String VIEWER = "viewer";
    private static final Set<String> PUBLIC_PATHS = Set.of("/login", "/static/portal.css");
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
    private final byte[] css;
    private final ReportListPage listPage;
    private final DashboardRoute dashboardRoute;
    private final DownloadRoute downloadRoute;
    private Javalin app;

    public PortalServer(Setup setup) {
        this.setup = setup;
        ReportFiles files = new ReportFiles(setup.reportsDir());
        ReportIndex index = new ReportIndex(files.root());
        PublishedData data = new PublishedData(files);
        this.listPage = new ReportListPage(index, new StatusPanels(data, setup.access()));
        this.dashboardRoute = new DashboardRoute(data, index);
        this.downloadRoute = new DownloadRoute(index, files, setup.audit());
        try (InputStream in = PortalServer.class.getResourceAsStream("/portal/portal.css")) {
            this.css = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("portal.css missing from the build", e);
        }
    }

    /** Starts listening; port 0 takes a free port (see {@link #port()}). */
    public PortalServer start(String host, int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 16 * 1024;
            config.routes.before(this::frame);
            config.routes.get("/static/portal.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "public, max-age=3600").result(css));
            config.routes.get("/login", this::loginForm);
            config.routes.post("/login", this::login);
            config.routes.post("/logout", this::logout);
            config.routes.get("/", ctx -> render(ctx, "reports.jte", listPage.render(viewer(ctx), new ReportListPage.Filters(
                    ctx.queryParam("report"), ctx.queryParam("period"), ctx.queryParam("territory")))));
            config.routes.get("/cruscotto/{year}/{level}/{code}", ctx -> render(ctx, "cruscotto.jte",
                    dashboardRoute.render(viewer(ctx), ctx.pathParam("year"), ctx.pathParam("level"), ctx.pathParam("code"))));
            config.routes.get("/reports/<path>", ctx -> downloadRoute.serve(ctx, viewer(ctx), ctx.pathParam("path")));
            config.routes.exception(LoginRequired.class, (e, ctx) -> ctx.redirect("/login", io.javalin.http.HttpStatus.FOUND));
            config.routes.exception(Refusal.class, (e, ctx) -> errorPage(ctx, e.status(), e.title(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("portal error on {} {}", ctx.method(), ctx.path(), e);
                errorPage(ctx, 500, "Errore del portale", "Si è verificato un errore: riprova più tardi.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute("refused") == null) {
                    errorPage(ctx, 404, Refusal.notFound().title(), Refusal.notFound().getMessage());
                }
            });
            config.routes.error(405, ctx -> errorPage(ctx, 405, "Operazione non consentita", "Questa operazione non è consentita."));
        });
        app.start(host, port);
        return this;
    }

    public int port() { return app.port(); }

    public void stop() {
        if (app != null) app.stop();
    }

    /** Before every request: security headers, then the session (required everywhere except the login form and the CSS). */
    private void frame(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().equals("/static/portal.css")) ctx.header("Cache-Control", "no-store");
        if (secure(ctx)) ctx.header("Strict-Transport-Security", "max-age=31536000");
        Viewer viewer = currentViewer(ctx);
        if (viewer != null) ctx.attribute(VIEWER, viewer);
        else if (!PUBLIC_PATHS.contains(ctx.path())) throw new LoginRequired();
    }

    private Viewer currentViewer(Context ctx) {
        Sessions.Session session = setup.sessions().find(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (session == null) return null;
        User user = setup.users().find(session.username()).orElse(null);
        if (user == null) {
            setup.sessions().close(session.id());
            return null;
        }
        return new Viewer(user, session, setup.access());
    }

    private static Viewer viewer(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        if (v == null) throw new LoginRequired();
        return v;
    }

    private void loginForm(Context ctx) {
        if (ctx.attribute(VIEWER) != null) {
            ctx.redirect("/");
            return;
        }
        render(ctx, "login.jte", new Views.Login(loginPage(), null, ""));
    }

    private void login(Context ctx) {
        String username = trimmed(ctx.formParam("username"));
        String password = ctx.formParam("password");
        String from = ctx.ip();
        Duration wait = setup.throttle().waitFor(username, from);
        if (!wait.isZero()) {
            setup.audit().record("LOGIN_THROTTLED", username, from, null, 429);
            ctx.status(429).header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            render(ctx, "login.jte", new Views.Login(loginPage(), "Troppi tentativi non riusciti: riprova tra "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " secondi.", username));
            return;
        }
        User user = username.isEmpty() ? null : setup.users().find(username).orElse(null);
        if (!Passwords.matches(password, user == null ? null : user.passwordHash())) {
            setup.throttle().failed(username, from);
            setup.audit().record("LOGIN_FAILED", username, from, null, 401);
            ctx.status(401);
            render(ctx, "login.jte", new Views.Login(loginPage(), "Nome utente o password non corretti.", username));
            return;
        }
        setup.throttle().succeeded(username);
        String previous = ctx.cookie(SESSION_COOKIE);
        if (previous != null) setup.sessions().close(previous);
        Sessions.Session session = setup.sessions().open(user.username());
        Cookie cookie = new Cookie(SESSION_COOKIE, session.id());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure(secure(ctx));
        cookie.setMaxAge((int) setup.sessions().lifetime().toSeconds());
        ctx.cookie(cookie);
        setup.audit().record("LOGIN", user.username(), from, null, 302);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.session().csrfToken().equals(ctx.formParam("_csrf"))) {
            setup.audit().record("LOGOUT_REFUSED", viewer.user().username(), ctx.ip(), null, 403);
            throw new Refusal(403, "Richiesta non valida", "La richiesta non proviene da una pagina del portale.");
        }
        setup.sessions().close(viewer.session().id());
        ctx.removeCookie(SESSION_COOKIE, "/");
        setup.audit().record("LOGOUT", viewer.user().username(), ctx.ip(), null, 303);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void errorPage(Context ctx, int status, String title, String message) {
        ctx.attribute("refused", Boolean.TRUE);
        Viewer v = ctx.attribute(VIEWER);
        Views.PageContext page = v == null ? new Views.PageContext(title, null, null, null) : v.page(title);
        ctx.status(status);
        render(ctx, "error.jte", new Views.ErrorPage(page, status, message));
    }

    private void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        try {
            templates.render(template, model, out);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("template " + template + " failed", e));
        }
        ctx.html(out.toString());
    }

    private static Views.PageContext loginPage() {
        return new Views.PageContext("Accesso", null, null, null);
    }

    private static boolean secure(Context ctx) {
        return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String trimmed(String s) {
        if (s == null) return "";
        String t = s.strip();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}
