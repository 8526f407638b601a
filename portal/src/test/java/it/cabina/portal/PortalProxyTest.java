package it.cabina.portal;

import it.cabina.portal.web.PortalServer;
import it.cabina.warehouse.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static it.cabina.portal.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The portal behind a reverse proxy: 127.0.0.2 is the trusted proxy, 127.0.0.1 a client that reaches the portal
 * directly. Forwarded headers change the client's address and scheme only when the proxy sends them.
 */
class PortalProxyTest {
    static final String PROXY = "127.0.0.2", DIRECT = "127.0.0.1";

    @TempDir
    static Path root;
    static TestClock clock = new TestClock();
    static PortalServer server;

    @BeforeAll
    static void start() throws IOException {
        server = Fixtures.server(root, clock, List.of(PROXY + "/32", "::1"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Failures of one test must not slow down the next (the longest wait is a minute). */
    @AfterEach
    void forgetFailures() {
        clock.advance(Duration.ofMinutes(2));
    }

    static RawHttp proxyFor(String client) {
        return RawHttp.from(PROXY, server.port()).with("X-Forwarded-For", client);
    }

    static RawHttp direct() {
        return RawHttp.from(DIRECT, server.port());
    }

    /** GET /login, then POST it with the form's token and cookie, as a browser does. */
    static RawHttp.Response login(RawHttp client, String user, String password) throws IOException {
        RawHttp.Response form = client.get("/login", null);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(token.find(), form.body());
        String cookie = form.setCookie("cabina_accesso").orElseThrow();
        return client.postForm("/login", cookie.substring(0, cookie.indexOf(';')), "username=" + user
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1));
    }

    static List<String> audit() throws IOException {
        return Files.readAllLines(root.resolve("portal/audit.log"));
    }

    @Test
    void theAuditLogNamesTheClientTheTrustedProxyForwardsAndIgnoresAForgedHeader() throws Exception {
        assertEquals(401, login(proxyFor("203.0.113.7"), "busto", "sbagliata-dal-proxy").status());
        assertEquals(401, login(direct().with("X-Forwarded-For", "203.0.113.99"), "busto", "sbagliata-diretta").status());
        List<String> failed = audit().stream().filter(l -> l.contains("\"event\":\"LOGIN_FAILED\"")).toList();
        assertTrue(failed.stream().anyMatch(l -> l.contains("\"from\":\"203.0.113.7\"")), "behind the proxy: the client's address " + failed);
        assertTrue(failed.stream().anyMatch(l -> l.contains("\"from\":\"127.0.0.1\"")), "directly: the connection's address " + failed);
        assertTrue(failed.stream().noneMatch(l -> l.contains("\"from\":\"" + PROXY + "\"")), "never the proxy's own address");
        assertTrue(audit().stream().noneMatch(l -> l.contains("203.0.113.99")), "a header forged by a client is ignored");
    }

    @Test
    void aProxyThatAppendsToXForwardedForStillNamesTheClientItSaw() throws Exception {
        RawHttp proxy = RawHttp.from(PROXY, server.port());
        login(proxy.with("X-Forwarded-For", "192.0.2.66, 203.0.113.70"), "accodato", "sbagliata");
        login(proxy.with("X-Forwarded-For", "203.0.113.71, " + PROXY), "due.salti", "sbagliata");
        login(proxy.with("X-Forwarded-For", "[2001:db8::5]"), "ipv6", "sbagliata");
        login(proxy.with("X-Forwarded-For", "203.0.113.72, unknown"), "sconosciuto", "sbagliata");
        assertEquals("203.0.113.70", failedFrom("accodato"), "what the client wrote on the left is not believed");
        assertEquals("203.0.113.71", failedFrom("due.salti"), "a trusted hop is skipped");
        assertEquals("2001:db8::5", failedFrom("ipv6").replaceAll("[\\[\\]]", ""));
        assertEquals(PROXY, failedFrom("sconosciuto"), "no address from the last hop: the proxy is the client");
    }

    static String failedFrom(String user) throws IOException {
        return audit().stream().filter(l -> l.contains("\"event\":\"LOGIN_FAILED\"") && l.contains("\"user\":\"" + user + "\""))
                .map(l -> l.replaceAll(".*\"from\":\"([^\"]*)\".*", "$1")).findFirst().orElseThrow();
    }

    @Test
    void failedLoginsSlowDownTheClientBehindTheProxyNotEveryone() throws Exception {
        RawHttp guesser = proxyFor("198.51.100.1");
        for (int i = 0; i < 3; i++) assertEquals(401, login(guesser, "ignoto" + i, "sbagliata").status());
        assertEquals(429, login(guesser, "regione", PASSWORD).status(), "the guessing client waits");
        assertEquals(303, login(proxyFor("198.51.100.2"), "insubria", PASSWORD).status(),
                "another client behind the same proxy is not slowed down");
    }

    @Test
    void aClientForgingXForwardedForIsStillSlowedDownByItsOwnAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(direct().with("X-Forwarded-For", "192.0.2." + (10 + i)), "ignoto" + i, "sbagliata").status());
        }
        assertEquals(429, login(direct().with("X-Forwarded-For", "192.0.2.99"), "admin", PASSWORD).status(),
                "a new forged address every time does not escape the slow-down");
    }

    @Test
    void xForwardedProtoMakesTheCookiesSecureOnlyFromTheTrustedProxy() throws Exception {
        RawHttp.Response behind = login(proxyFor("203.0.113.8").with("X-Forwarded-Proto", "https"), "busto", PASSWORD);
        assertEquals(303, behind.status());
        String session = behind.setCookie("cabina_sessione").orElseThrow();
        assertTrue(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
        assertTrue(behind.first("Strict-Transport-Security").isPresent());
        assertTrue(proxyFor("203.0.113.8").with("X-Forwarded-Proto", "https").get("/login", null)
                .setCookie("cabina_accesso").orElseThrow().contains("Secure"));

        RawHttp.Response forged = login(direct().with("X-Forwarded-Proto", "https"), "busto", PASSWORD);
        assertEquals(303, forged.status());
        assertFalse(forged.setCookie("cabina_sessione").orElseThrow().contains("Secure"), "a client cannot claim TLS");
        assertTrue(forged.first("Strict-Transport-Security").isEmpty());
        assertFalse(proxyFor("203.0.113.8").get("/login", null).setCookie("cabina_accesso").orElseThrow().contains("Secure"),
                "plain HTTP behind the proxy: no Secure flag");
    }

    @Test
    void onlyXForwardedForAndProtoAreReadEvenFromTheProxy() throws Exception {
        RawHttp rfc7239 = RawHttp.from(PROXY, server.port()).with("Forwarded", "for=192.0.2.60;proto=https");
        RawHttp.Response r = login(rfc7239, "busto", "sbagliata-rfc7239");
        assertEquals(401, r.status());
        assertFalse(r.setCookie("cabina_accesso").orElseThrow().contains("Secure"));
        assertTrue(audit().stream().noneMatch(l -> l.contains("192.0.2.60")));
        assertTrue(audit().stream().anyMatch(l -> l.contains("\"from\":\"" + PROXY + "\"")),
                "without X-Forwarded-For the proxy itself is the client");
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithTheRealClientAndNoSecrets() throws Exception {
        RawHttp client = proxyFor("203.0.113.44");
        RawHttp.Response in = login(client, "busto", PASSWORD);
        String session = in.setCookie("cabina_sessione").orElseThrow();
        String cookie = session.substring(0, session.indexOf(';'));
        assertEquals(200, client.get("/?report=cruscotto&period=2026", cookie).status());
        assertEquals(200, client.get("/reports/" + path("cruscotto", "2026", "AMBITO", BUSTO, "pdf"), cookie).status());
        direct().get("/login?token=segreto-nella-query", null);

        List<String> lines = accessLogLines(l -> l.contains("/reports/cruscotto/2026/AMBITO/" + BUSTO + ".pdf"));
        String ncsa = "^\\S+ - \\S+ \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] \"[A-Z]+ \\S+ HTTP/1\\.1\" \\d{3} \\d+ \\d+$";
        for (String line : lines) assertTrue(line.matches(ncsa), "NCSA-like: " + line);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("203.0.113.44 - - ") && l.contains("\"POST /login HTTP/1.1\" 303")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("203.0.113.44 - busto ") && l.contains("\"GET / HTTP/1.1\" 200")),
                "the list, without its query string, with the portal user: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("203.0.113.44 - busto ") && l.contains(".pdf HTTP/1.1\" 200")));
        String all = String.join("\n", accessLogLines(l -> l.contains("/login HTTP/1.1\" 200") && l.startsWith(DIRECT)));
        for (String secret : List.of(PASSWORD, cookie.substring(cookie.indexOf('=') + 1), "period=", "segreto-nella-query", "_csrf")) {
            assertFalse(all.contains(secret), "the access log never holds " + secret);
        }
        assertTrue(Files.readAllLines(root.resolve("portal/audit.log")).stream().noneMatch(l -> l.contains("GET /")),
                "the access log is a file of its own");
    }

    /** Jetty writes a request's line once its response is complete: wait (a little) for the line expected. */
    static List<String> accessLogLines(java.util.function.Predicate<String> expected) throws Exception {
        Path log = root.resolve("portal/access.log");
        Instant until = Instant.now().plusSeconds(5);
        while (true) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (lines.stream().anyMatch(expected) || Instant.now().isAfter(until)) return lines;
            Thread.sleep(20);
        }
    }

    @Test
    void trustedProxiesMustBeAddressesOrBlocks() {
        for (String wrong : List.of("proxy.example.org", "10.0.0.0/abc", "tutti")) {
            PortalServer.Setup setup = PortalServer.Setup.of(Fixtures.config(root, List.of(wrong)), root.resolve("reports"),
                    root.resolve("portal/users.json"), root.resolve("portal/audit.log"), clock);
            ConfigException e = assertThrows(ConfigException.class, () -> new PortalServer(setup), wrong);
            assertTrue(e.getMessage().contains("portal.trusted_proxies") && e.getMessage().contains(wrong), e.getMessage());
        }
    }
}
