package it.cabina.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.portal.AuditLog;
import it.cabina.portal.IndexHealth;
import it.cabina.portal.LoginThrottle;
import it.cabina.portal.PublishedData;
import it.cabina.portal.ReportFiles;
import it.cabina.portal.ReportIndex;
import it.cabina.portal.Sessions;
import it.cabina.portal.TerritoryAccess;
import it.cabina.portal.User;
import it.cabina.portal.UsersFile;
import it.cabina.warehouse.config.CabinaConfig;
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
import java.util.List;

/**
 * The report portal: server-rendered pages over what the nightly writes in the reports folder. Every page but the login
 * form needs a session; every report and dashboard is checked against the user's scopes on the server.
 */
public final class PortalServer {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    static final String SESSION_COOKIE = "cabina_sessione";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** What the server works on. */
    public record Setup(Path reportsDir, Path esitiDir, UsersFile users, TerritoryAccess access, Sessions sessions, LoginThrottle throttle,
                        AuditLog audit, Path accessLog, List<String> trustedProxies, Clock clock) {

        /** From the configuration (the esiti of {@code paths.esiti}), with the folders and files chosen on the command line. */
        public static Setup of(CabinaConfig config, Path reportsDir, Path usersFile, Path auditLog, Clock clock) {
            return of(config, reportsDir, localPath(config.esiti()), usersFile, auditLog, clock);
        }

        public static Setup of(CabinaConfig config, Path reportsDir, Path esitiDir, Path usersFile, Path auditLog, Clock clock) {
            CabinaConfig.Portal p = config.portal();
            return new Setup(reportsDir, esitiDir, new UsersFile(usersFile), TerritoryAccess.of(config),
                    new Sessions(p.sessionLifetime(), clock),
                    new LoginThrottle(p.failuresBeforeDelay(), p.failureDelay(), p.maxFailureDelay(), p.maxTrackedFailures(), clock),
                    new AuditLog(auditLog, clock), p.accessLog(), p.trustedProxies(), clock);
        }
    }

    /** The portal reads local folders only: a folder given as a file: URI or a plain path; null for another file system. */
    public static Path localPath(String configured) {
        if (configured == null) return null;
        if (configured.startsWith("file:")) return Path.of(java.net.URI.create(configured));
        if (configured.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) return null;
        return Path.of(configured);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Setup setup;
    private final Pages pages = new Pages();
    private final LoginRoutes loginRoutes;
    private final String css;
    private final ReportListPage listPage;
    private final DashboardRoute dashboardRoute;
    private final ComparisonRoute comparisonRoute;
    private final ExplanationRoute explanationRoute;
    private final EsitiRoutes esitiRoutes;
    private final DownloadRoute downloadRoute;
    private final ReportIndex index;
    private final TrustedProxies proxies;
    private Server server;
    private ServerConnector connector;

    public PortalServer(Setup setup) {
        this.setup = setup;
        ReportFiles files = new ReportFiles(setup.reportsDir());
        this.index = new ReportIndex(files.root());
        this.proxies = new TrustedProxies(setup.trustedProxies());
        PublishedData data = new PublishedData(files);
        this.listPage = new ReportListPage(index, new StatusPanels(data, setup.access()));
        this.dashboardRoute = new DashboardRoute(data, index, setup.audit());
        this.comparisonRoute = new ComparisonRoute(data, index, setup.audit());
        this.explanationRoute = new ExplanationRoute(data, setup.audit());
        this.esitiRoutes = new EsitiRoutes(setup.esitiDir(), setup.access(), setup.audit());
        this.downloadRoute = new DownloadRoute(index, files, setup.audit());
        this.loginRoutes = new LoginRoutes(setup, pages);
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
        if (!proxies.isEmpty()) http.addCustomizer(proxies);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setRequestLog(AccessLog.to(setup.accessLog()));
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
            pages.error(x, e.status(), e.title(), e.getMessage());
        } catch (Exception e) {
            if (x.done()) {
                LOG.info("portal: response to {} {} interrupted: {}", x.method(), x.path(), e.toString());
            } else {
                LOG.error("portal error on {} {}", x.method(), x.path(), e);
                pages.error(x, 500, "Errore del portale", "Si è verificato un errore: riprova più tardi.");
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
        if (path.equals("/health") && get) {
            health(x);
            return;
        }
        x.viewer(currentViewer(x));
        if (x.viewer() != null) x.identify(x.viewer().user().username());
        if (path.equals("/login")) {
            if (get) loginRoutes.form(x);
            else if (post) loginRoutes.login(x);
            else throw notAllowed();
            return;
        }
        Viewer viewer = x.viewer();
        if (viewer == null) throw new LoginRequired();
        if (path.equals("/logout") && post) {
            loginRoutes.logout(x, viewer);
        } else if (path.equals("/") && get) {
            pages.render(x, "reports.jte", listPage.render(viewer, new ReportListPage.Filters(
                    x.query("report"), x.query("period"), x.query("territory"))));
        } else if (path.startsWith(DashboardRoute.PREFIX) && get) {
            pages.render(x, "cruscotto.jte", dashboardRoute.render(viewer, x.ip(), path.substring(DashboardRoute.PREFIX.length())));
        } else if (path.startsWith(ComparisonRoute.PREFIX) && get) {
            pages.render(x, "confronto.jte", comparisonRoute.render(viewer, x.ip(), path.substring(ComparisonRoute.PREFIX.length())));
        } else if (path.startsWith(ExplanationRoute.PREFIX) && get) {
            explanationRoute.serve(x, viewer, path.substring(ExplanationRoute.PREFIX.length()));
        } else if (path.equals(EsitiRoutes.PAGE) && get) {
            pages.render(x, "esiti.jte", esitiRoutes.list(viewer));
        } else if (path.startsWith(EsitiRoutes.PREFIX) && get) {
            esitiRoutes.download(x, viewer, path.substring(EsitiRoutes.PREFIX.length()));
        } else if (path.startsWith("/reports/") && get) {
            downloadRoute.serve(x, viewer, path.substring("/reports/".length()));
        } else if (path.equals("/logout") || path.equals("/")) {
            throw notAllowed();
        } else {
            throw Refusal.notFound();
        }
    }

    /** For monitoring, without login: whether index.json can be read and how old it is; 503 when it cannot. */
    private void health(Exchange x) throws IOException {
        IndexHealth health = IndexHealth.of(index, setup.clock());
        x.status(health.readable() ? 200 : 503).send("application/json", JSON.writeValueAsString(health.asJson()));
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

}
