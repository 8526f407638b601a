package it.cabina.portal;

import it.cabina.portal.web.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static it.cabina.portal.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The portal over HTTP, as a client outside the browser sees it: logins, scopes, downloads and every refusal. */
class PortalHttpTest {
    @TempDir
    static Path root;
    static TestClock clock = new TestClock();
    static PortalServer server;
    static HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        server = Fixtures.server(root, clock);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (session != null) b.header("Cookie", "cabina_sessione=" + session);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String session, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (session != null) b.header("Cookie", "cabina_sessione=" + session);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The login form's token and the cookie paired with it, as a browser gets them from GET /login. */
    record LoginForm(String token, String cookie) {}

    static LoginForm loginForm() throws Exception {
        HttpResponse<String> form = get("/login", null);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(m.find(), "the login form carries a token");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_accesso=")).findFirst().orElseThrow();
        return new LoginForm(m.group(1), cookie.substring("cabina_accesso=".length(), cookie.indexOf(';')));
    }

    static HttpResponse<String> loginResponse(String user, String password, String proto) throws Exception {
        return postLogin(loginForm(), user, password, proto);
    }

    static HttpResponse<String> postLogin(LoginForm form, String user, String password, String proto) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + (form.token() == null ? "" : "&_csrf=" + form.token())));
        if (form.cookie() != null) r.header("Cookie", "cabina_accesso=" + form.cookie());
        if (proto != null) r.header("X-Forwarded-Proto", proto);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in and returns the session cookie's value. */
    static String login(String user) throws Exception {
        HttpResponse<String> r = loginResponse(user, PASSWORD, null);
        assertEquals(303, r.statusCode(), r.body());
        return sessionCookie(r);
    }

    static String sessionCookie(HttpResponse<?> r) {
        String header = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_sessione=")).findFirst().orElseThrow();
        return header.substring("cabina_sessione=".length(), header.indexOf(';'));
    }

    static String report(String level, String code) {
        return "/reports/" + path("cruscotto", "2026", level, code, "pdf");
    }

    /** Sends a request line exactly as written, without any client-side normalisation of the path. */
    static String raw(String requestTarget, String session) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (session == null ? "" : "Cookie: cabina_sessione=" + session + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void withoutASessionEveryPageAndReportLeadsToTheLoginForm() throws Exception {
        for (String path : List.of("/", report("AMBITO", BUSTO), "/cruscotto/2026/AMBITO/" + BUSTO, "/qualunque")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(302, r.statusCode(), path);
            assertEquals("/login", r.headers().firstValue("Location").orElse(""), path);
            assertFalse(r.body().contains("%PDF"), path);
        }
        assertEquals(302, get(report("AMBITO", BUSTO), "sessione-inventata").statusCode());
        HttpResponse<String> form = get("/login", null);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"username\"") && form.body().contains("name=\"password\""));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndAClientCannotClaimTls() throws Exception {
        HttpResponse<String> r = loginResponse("busto", PASSWORD, null);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_sessione=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop the cookie");
        HttpResponse<String> claimed = loginResponse("busto", PASSWORD, "https");
        String notSecure = claimed.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("cabina_sessione=")).findFirst().orElseThrow();
        assertFalse(notSecure.contains("Secure"), "X-Forwarded-Proto from an address that is no trusted proxy is ignored: " + notSecure);
        assertTrue(claimed.headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    void anAmbitoPlannerListsOnlyTheirAmbito() throws Exception {
        String body = get("/", login("busto")).body();
        assertTrue(body.contains("Busto Arsizio"));
        assertTrue(body.contains(report("AMBITO", BUSTO)));
        for (String other : List.of("Saronno", "Alto Milanese", "Valle Olona", "Insubria", "Regione Lombardia", SARONNO, VALLE_OLONA)) {
            assertFalse(body.contains(other), other + " must not appear");
        }
        assertTrue(body.contains("FLUSSO"), "the Ambito's missing delivery is shown");
        assertFalse(body.contains("267 giorni"), "Saronno's missing delivery is not");
    }

    @Test
    void higherLevelsSeeTheTerritoriesBelowThem() throws Exception {
        String asst = get("/", login("pianificatore.valleolona")).body();
        assertTrue(asst.contains(report("ASST", VALLE_OLONA)) && asst.contains(report("AMBITO", BUSTO)) && asst.contains(report("AMBITO", SARONNO)));
        assertFalse(asst.contains(report("AMBITO", ALTO_MILANESE)) || asst.contains(report("ATS", INSUBRIA)) || asst.contains(report("ASST", OVEST_MILANESE)));
        String ats = get("/", login("insubria")).body();
        assertTrue(ats.contains(report("ATS", INSUBRIA)) && ats.contains(report("ASST", VALLE_OLONA)) && ats.contains(report("AMBITO", SARONNO)));
        assertFalse(ats.contains(report("ATS", MILANO)) || ats.contains(report("AMBITO", ALTO_MILANESE)) || ats.contains(report("REGIONE", "03")));
        for (String user : List.of("regione", "admin")) {
            String all = get("/", login(user)).body();
            for (Fixtures.Territory t : TERRITORIES) assertTrue(all.contains(report(t.level(), t.code())), user + " sees " + t.code());
        }
    }

    @Test
    void theListIsFilteredAndNewestFirst() throws Exception {
        String s = login("busto");
        String all = get("/", s).body();
        assertTrue(all.indexOf("/reports/cruscotto/2026/") < all.indexOf("/reports/cruscotto/2025/"), "2026 before 2025");
        String only2025 = get("/?report=cruscotto&period=2025", s).body();
        assertTrue(only2025.contains("/reports/cruscotto/2025/AMBITO/" + BUSTO + ".pdf"));
        assertFalse(only2025.contains("/reports/cruscotto/2026/") || only2025.contains("semestrale/"));
        String otherTerritory = get("/?territory=AMBITO:" + SARONNO, s).body();
        assertFalse(otherTerritory.contains("/reports/"), "filtering on another territory shows nothing");
    }

    @Test
    void aPlannerDownloadsTheirReportAndNothingElse() throws Exception {
        String s = login("busto");
        HttpResponse<String> own = get(report("AMBITO", BUSTO), s);
        assertEquals(200, own.statusCode());
        assertEquals(PDF_HEAD + path("cruscotto", "2026", "AMBITO", BUSTO, "pdf"), own.body());
        assertEquals("application/pdf", own.headers().firstValue("Content-Type").orElse(""));
        assertTrue(own.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        for (String other : List.of(report("AMBITO", SARONNO), report("ASST", VALLE_OLONA), report("ATS", INSUBRIA), report("REGIONE", "03"),
                "/reports/" + path("semestrale", "2026-S1", "AMBITO", ALTO_MILANESE, "pdf"))) {
            HttpResponse<String> r = get(other, s);
            assertEquals(403, r.statusCode(), other);
            assertFalse(r.body().contains("%PDF"), other);
        }
        HttpResponse<String> notIndexed = get("/reports/cruscotto/2026/AMBITO/non-indicizzato.pdf", s);
        assertEquals(404, notIndexed.statusCode(), "a file on disk that index.json does not list is never served");
        assertFalse(notIndexed.body().contains("%PDF"));
        assertEquals(404, get("/reports/index.json", s).statusCode());
        assertEquals(404, get("/reports/data/stato.json", s).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/../fuori.txt", "/reports/%2e%2e/fuori.txt", "/reports/..%2ffuori.txt", "/reports/%2e%2e%2ffuori.txt",
            "/reports/cruscotto/../../fuori.txt", "/reports//etc/passwd", "/reports/%2fetc%2fpasswd", "/reports/..%5c..%5cfuori.txt",
            "/reports/cruscotto/2026/AMBITO/%2e%2e/%2e%2e/%2e%2e/%2e%2e/fuori.txt", "/reports/..;/fuori.txt", "/reports/%00/etc/passwd",
            "/reports/cruscotto/2026/AMBITO/AMB-SARONNO.pdf%00.pdf", "/reports/./cruscotto/2026/AMBITO/AMB-SARONNO.pdf"})
    void traversalAndAbsolutePathsAreRefused(String target) throws Exception {
        String response = raw(target, login("busto"));
        String status = response.substring(0, response.indexOf("\r\n"));
        assertFalse(status.contains(" 200 "), target + " → " + status);
        assertFalse(response.contains("SEGRETO") || response.contains("root:") || response.contains("%PDF"), target);
    }

    @Test
    void theDashboardIsShownOnlyForCoveredTerritories() throws Exception {
        String s = login("busto");
        HttpResponse<String> own = get("/cruscotto/2026/AMBITO/" + BUSTO, s);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("SAD-01") && own.body().contains("60,0%") && own.body().contains("≥ 75%"));
        assertTrue(own.body().contains("status-non-raggiunto") && own.body().contains("status-raggiunto"));
        assertTrue(own.body().contains("<svg") && own.body().contains("<polyline"));
        assertTrue(own.body().contains("Denominatore zero"), "the reason of a NON_CALCOLABILE is shown");
        assertTrue(own.body().contains("&lt;3"), "a protected count is shown as text, escaped");
        assertTrue(own.body().contains("I conteggi inferiori a 3"), "the threshold of the data is explained");
        assertTrue(own.body().contains("class=\"target\""), "targets are drawn");
        for (String other : List.of("/cruscotto/2026/AMBITO/" + SARONNO, "/cruscotto/2026/ASST/" + VALLE_OLONA, "/cruscotto/2026/REGIONE/03")) {
            HttpResponse<String> r = get(other, s);
            assertEquals(403, r.statusCode(), other);
            assertFalse(r.body().contains("SAD-01"), other);
        }
        assertEquals(404, get("/cruscotto/2027/AMBITO/" + BUSTO, s).statusCode(), "not produced yet");
        assertEquals(404, get("/cruscotto/2026/ambito/" + BUSTO, s).statusCode());
        assertEquals(404, get("/cruscotto/26/AMBITO/" + BUSTO, s).statusCode());
        assertEquals(200, get("/cruscotto/2026/AMBITO/" + SARONNO, login("pianificatore.valleolona")).statusCode());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        String s = login("busto");
        for (HttpResponse<String> r : List.of(get("/login", null), get("/", s), get(report("AMBITO", BUSTO), s), get("/inesistente", s),
                get(report("AMBITO", SARONNO), s), get("/", null))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
                    r.uri() + " " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.uri().toString());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), r.uri().toString());
        }
        assertFalse(get("/", s).body().contains("<script"), "no scripts at all");
    }

    @Test
    void aLoginPostedFromElsewhereIsRefused() throws Exception {
        LoginForm form = loginForm();
        for (LoginForm forged : List.of(new LoginForm(null, null), new LoginForm(form.token(), null), new LoginForm(null, form.cookie()),
                new LoginForm(otherFirstCharacter(form.token()), form.cookie()))) {
            HttpResponse<String> r = postLogin(forged, "busto", PASSWORD, null);
            assertEquals(403, r.statusCode(), forged.toString());
            assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("cabina_sessione=")), forged.toString());
        }
        assertEquals(303, postLogin(form, "busto", PASSWORD, null).statusCode());
    }

    /** A token that differs from the given one (replacing its first character by "x" left one in 64 unchanged). */
    private static String otherFirstCharacter(String token) {
        return (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
    }

    @Test
    void whatJettyRefusesItselfCarriesTheHeadersToo() throws Exception {
        String response = raw("/reports/%2e%2e/fuori.txt", null);
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("Content-Security-Policy: default-src 'self'") && response.contains("X-Frame-Options: DENY"), response);
    }

    @Test
    void repeatedFailedLoginsAreSlowedDown() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(401, loginResponse("insubria", "sbagliata-" + i, null).statusCode());
        HttpResponse<String> blocked = loginResponse("insubria", PASSWORD, null);
        assertEquals(429, blocked.statusCode(), "even the right password waits");
        assertTrue(blocked.body().contains("Troppi tentativi"));
        assertTrue(blocked.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("cabina_sessione=")));
        clock.advance(Duration.ofSeconds(11));
        assertEquals(303, loginResponse("insubria", PASSWORD, null).statusCode());
        forgetFailures();
    }

    /** Every test logs in from 127.0.0.1: failures of one test must not slow down the next. */
    static void forgetFailures() {
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws Exception {
        HttpResponse<String> unknown = loginResponse("nessuno", PASSWORD, null);
        HttpResponse<String> wrong = loginResponse("admin", "password-sbagliata", null);
        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrong.statusCode());
        assertTrue(unknown.body().contains("Nome utente o password non corretti"));
        assertTrue(wrong.body().contains("Nome utente o password non corretti"));
        forgetFailures();
    }

    @Test
    void logoutNeedsTheFormTokenAndEndsTheSession() throws Exception {
        String s = login("regione");
        assertEquals(403, post("/logout", s).statusCode(), "no token");
        assertEquals(403, post("/logout", s, "_csrf", "inventato").statusCode());
        String page = get("/", s).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page carries the token");
        HttpResponse<String> out = post("/logout", s, "_csrf", m.group(1));
        assertEquals(303, out.statusCode());
        assertEquals(302, get("/", s).statusCode(), "the old cookie is worth nothing");
        assertEquals(302, get(report("REGIONE", "03"), s).statusCode());
    }

    @Test
    void aSessionEndsAfterItsLifetimeAndWithItsUser() throws Exception {
        String s = login("pianificatore.valleolona");
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, get("/", s).statusCode());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(302, get("/", s).statusCode());

        String busto = login("busto");
        Path usersFile = root.resolve("portal/users.json");
        UserStore store = UserStore.open(usersFile);
        store.remove("busto");
        store.save();
        Files.setLastModifiedTime(usersFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        try {
            assertEquals(302, get("/", busto).statusCode(), "a removed user's session stops working");
        } finally {
            Fixtures.users(root, TerritoryAccess.of(Fixtures.config()));
        }
    }

    @Test
    void theAuditLogRecordsWhoWhatWhenAndFromWhereWithoutPasswords() throws Exception {
        String s = login("busto");
        get(report("AMBITO", BUSTO), s);
        get(report("AMBITO", SARONNO), s);
        get("/cruscotto/2026/AMBITO/" + SARONNO, s);
        loginResponse("busto", "tentativo-sbagliato", null);
        List<String> lines = Files.readAllLines(root.resolve("portal/audit.log"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"LOGIN\"") && l.contains("\"user\":\"busto\"") && l.contains("\"from\":\"127.0.0.1\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"DOWNLOAD\"") && l.contains(path("cruscotto", "2026", "AMBITO", BUSTO, "pdf"))));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"DOWNLOAD_REFUSED\"") && l.contains(SARONNO) && l.contains("403")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"LOGIN_FAILED\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"DASHBOARD_REFUSED\"") && l.contains("cruscotto/2026/AMBITO/" + SARONNO)));
        assertTrue(lines.stream().allMatch(l -> l.contains("\"at\":\"2026-")));
        String all = String.join("\n", lines);
        assertFalse(all.contains(PASSWORD) || all.contains("tentativo-sbagliato"), "no password is ever written");
        forgetFailures();
    }

    @Test
    void beforeTheFirstNightlyTheListSaysThereIsNothingYet() throws Exception {
        PortalServer empty = new PortalServer(PortalServer.Setup.of(Fixtures.config(root, List.of()), Files.createDirectories(root.resolve("vuota")),
                root.resolve("portal/users.json"), root.resolve("portal/audit-vuota.log"), clock)).start("127.0.0.1", 0);
        PortalServer main = server;
        server = empty;
        try {
            String body = get("/", login("busto")).body();
            assertTrue(body.contains("Non ci sono ancora report"), body);
            assertTrue(body.contains("Lo stato dei caricamenti non è ancora disponibile"), body);
            assertEquals(404, get(report("AMBITO", BUSTO), login("busto")).statusCode());
        } finally {
            server = main;
            empty.stop();
        }
    }

    @Test
    void healthSaysWithoutLoginThatTheIndexIsReadableAndHowOldItIs() throws Exception {
        Path index = root.resolve("reports/index.json");
        Files.setLastModifiedTime(index, java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofHours(2))));
        HttpResponse<String> r = get("/health", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        com.fasterxml.jackson.databind.JsonNode json = Fixtures.JSON.readTree(r.body());
        assertEquals("ok", json.path("status").asText());
        assertTrue(json.path("index_readable").asBoolean());
        assertEquals(7200, json.path("index_age_seconds").asLong(), r.body());
        assertEquals(TERRITORIES.size() * 5 + 5, json.path("reports").asInt(), "five of each territory, a comparison above the Ambito: " + r.body());
        assertFalse(r.body().contains(root.toString()), "no path of the server");
    }

    @Test
    void healthAnswers503WhenTheIndexIsMissingOrBroken() throws Exception {
        Path folder = Files.createDirectories(root.resolve("senza-indice"));
        PortalServer other = new PortalServer(PortalServer.Setup.of(Fixtures.config(root, List.of()), folder,
                root.resolve("portal/users.json"), root.resolve("portal/audit-senza-indice.log"), clock)).start("127.0.0.1", 0);
        PortalServer main = server;
        server = other;
        try {
            HttpResponse<String> missing = get("/health", null);
            assertEquals(503, missing.statusCode());
            assertEquals("unavailable", Fixtures.JSON.readTree(missing.body()).path("status").asText());
            assertFalse(Fixtures.JSON.readTree(missing.body()).path("index_readable").asBoolean(true));
            Fixtures.write(folder.resolve("index.json"), "{\"reports\": [ troncato");
            HttpResponse<String> broken = get("/health", null);
            assertEquals(503, broken.statusCode(), broken.body());
            assertTrue(broken.body().contains("not valid"), broken.body());
            Fixtures.write(folder.resolve("index.json"), "{\"reports\": []}");
            assertEquals(200, get("/health", null).statusCode(), "readable again once the nightly has written it");
        } finally {
            server = main;
            other.stop();
        }
    }

    @Test
    void withoutAUsersFileThereIsNoServer() {
        Path missing = root.resolve("nessuno/users.json");
        Exception e = assertThrows(Exception.class, () -> PortalServer.Setup.of(Fixtures.config(root, List.of()), root.resolve("reports"), missing,
                root.resolve("audit.log"), clock));
        assertTrue(e.getMessage().contains("utenti"), e.getMessage());
    }
}
