package it.cabina.portal;

import it.cabina.portal.web.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static it.cabina.portal.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The Cabina di Regia at work in the portal, over HTTP: the comparison of the Ambiti for the territories above them, the
 * records behind an Ambito's figures (its scope only, never above the Ambito, every download audited), the esiti of the
 * user's Ambiti, and the anomalies of their deliveries in the load status.
 */
class PortalCabinaAtWorkTest {
    @TempDir
    static Path root;
    static PortalServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = Fixtures.server(root, new TestClock());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (session != null) b.header("Cookie", "cabina_sessione=" + session);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String login(String user) throws Exception {
        HttpResponse<String> form = get("/login", null);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(m.find());
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_accesso=")).findFirst().orElseThrow();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cabina_sessione=")).findFirst().orElseThrow();
        return session.substring("cabina_sessione=".length(), session.indexOf(';'));
    }

    static List<String> audit() throws Exception {
        return Files.readAllLines(root.resolve("portal/audit.log"));
    }

    @Test
    void theComparisonIsAPageForTheTerritoriesAboveTheAmbito() throws Exception {
        String asst = login("pianificatore.valleolona");
        HttpResponse<String> page = get("/confronto/2026/ASST/" + VALLE_OLONA, asst);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("Confronto tra Ambiti 2026") && body.contains("Busto Arsizio") && body.contains("Saronno"), body);
        assertTrue(body.contains("80,0% ✓") && body.contains("40,0% ✗") && body.contains("1 su 2"), "values, marks and Ambiti on target");
        assertTrue(body.contains("<th scope=\"col\" class=\"num\">Busto Arsizio</th>"), "the Ambiti are column headings");
        assertTrue(body.contains("class=\"sr\"> Raggiunto"), "the status in words, not in colour alone");
        assertTrue(get("/", asst).body().contains("Apri il confronto"), "the list links the comparison's page");
        assertTrue(get("/cruscotto/2026/ASST/" + VALLE_OLONA, asst).body().contains("href=\"/confronto/2026/ASST/" + VALLE_OLONA + "\""));

        String busto = login("busto");
        assertEquals(403, get("/confronto/2026/ASST/" + VALLE_OLONA, busto).statusCode(), "an Ambito's planner does not see its ASST's");
        assertEquals(403, get("/confronto/2026/ATS/" + MILANO, asst).statusCode());
        assertEquals(404, get("/confronto/2026/AMBITO/" + BUSTO, busto).statusCode(), "no comparison of one Ambito");
        assertEquals(200, get("/confronto/2026/REGIONE/03", login("regione")).statusCode());
        assertTrue(audit().stream().anyMatch(l -> l.contains("\"event\":\"COMPARISON_REFUSED\"") && l.contains("confronto/2026/ASST/" + VALLE_OLONA)));
    }

    @Test
    void anAmbitosFiguresLinkToTheirRecordsAndNothingAboveTheAmbitoDoes() throws Exception {
        String busto = login("busto");
        String page = get("/cruscotto/2026/AMBITO/" + BUSTO, busto).body();
        assertTrue(page.contains("href=\"/spiegazioni/2026/AMBITO/" + BUSTO + "?indicatore=SAD-01&amp;parte=numerator\""), page);
        assertTrue(page.contains("href=\"/spiegazioni/2026/AMBITO/" + BUSTO + "?indicatore=SAD-01&amp;parte=denominator\""));
        String regione = login("regione");
        for (String above : List.of("/cruscotto/2026/ASST/" + VALLE_OLONA, "/cruscotto/2026/REGIONE/03")) {
            String body = get(above, regione).body();
            assertFalse(body.contains("/spiegazioni/"), above + " lists no records");
            assertTrue(body.contains("Ambiti che raggiungono l'obiettivo: 2 su 3"), above);
        }
        assertEquals(404, get("/spiegazioni/2026/ASST/" + VALLE_OLONA + "?indicatore=SAD-01&parte=numerator", regione).statusCode(),
                "no record list above the Ambito");
    }

    @Test
    void theRecordsOfAFigureAreForTheAmbitosScopeOnlyAndEveryDownloadIsAudited() throws Exception {
        String busto = login("busto");
        HttpResponse<String> own = get("/spiegazioni/2026/AMBITO/" + BUSTO + "?indicatore=SAD-01&parte=denominator", busto);
        assertEquals(200, own.statusCode());
        assertTrue(own.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        List<String> lines = own.body().lines().toList();
        assertEquals("indicator,year,level,territory,part,unit,contribution,sender,record_type,record_id,delivery,file,line", lines.get(0));
        assertEquals(4, lines.size(), "the three records of the denominator only: " + lines);
        assertTrue(lines.get(3).contains("\"PR,9\""), "a quoted id stays whole");

        HttpResponse<String> other = get("/spiegazioni/2026/AMBITO/" + SARONNO + "?indicatore=SAD-01&parte=numerator", busto);
        assertEquals(403, other.statusCode());
        assertFalse(other.body().contains("progetti.csv"));
        assertEquals(200, get("/spiegazioni/2026/AMBITO/" + SARONNO + "?indicatore=SAD-01&parte=numerator", login("insubria")).statusCode(),
                "the ATS covers the Ambito");
        assertEquals(404, get("/spiegazioni/2026/AMBITO/" + BUSTO + "?indicatore=SAD-01&parte=tutto", busto).statusCode());
        assertEquals(404, get("/spiegazioni/2025/AMBITO/" + BUSTO + "?indicatore=SAD-01&parte=numerator", busto).statusCode(), "not produced");
        List<String> log = audit();
        assertTrue(log.stream().anyMatch(l -> l.contains("\"event\":\"EXPLANATION\"") && l.contains("\"user\":\"busto\"")
                && l.contains("spiegazioni/2026/AMBITO/" + BUSTO + "/SAD-01/denominator")));
        assertTrue(log.stream().anyMatch(l -> l.contains("\"event\":\"EXPLANATION_REFUSED\"") && l.contains(SARONNO) && l.contains("403")));
    }

    @Test
    void theEsitiOfTheUsersAmbitiNewestFirstWithTheirDownloads() throws Exception {
        String busto = login("busto");
        String page = get("/esiti", busto).body();
        String newer = "CSI_" + BUSTO + "_20261115T020000", older = "CSI_" + BUSTO + "_20261015T020000";
        assertTrue(page.contains("Esiti delle consegne") && page.contains(newer) && page.contains(older));
        assertTrue(page.indexOf(newer) < page.indexOf(older), "newest first");
        assertFalse(page.contains(SARONNO) || page.contains("AFAM_RL"), "only the user's Ambiti");
        assertTrue(page.contains(newer + ".scarti.csv"), "the rows set aside, when there are some");

        HttpResponse<String> esito = get("/esiti/" + BUSTO + "/" + newer + ".esito.json", busto);
        assertEquals(200, esito.statusCode());
        assertTrue(esito.body().contains("\"status\" : \"LOADED\""));
        HttpResponse<String> scarti = get("/esiti/" + BUSTO + "/" + newer + ".scarti.csv", busto);
        assertTrue(scarti.body().startsWith("file,line,field,rule,value,message"));
        assertEquals(403, get("/esiti/" + SARONNO + "/CSI_" + SARONNO + "_20261115T020000.esito.json", busto).statusCode());
        assertEquals(403, get("/esiti/RL/AFAM_RL_20260630T200000.esito.json", busto).statusCode());
        assertEquals(404, get("/esiti/" + BUSTO + "/nascosto.txt", busto).statusCode(), "only esiti are served");
        assertNotEquals(200, get("/esiti/" + BUSTO + "/../" + SARONNO + "/CSI_" + SARONNO + "_20261115T020000.esito.json", busto).statusCode());

        String regione = get("/esiti", login("regione")).body();
        assertTrue(regione.contains("AFAM_RL_20260630T200000") && regione.contains(SARONNO) && regione.contains("respinta"));
        assertTrue(audit().stream().anyMatch(l -> l.contains("\"event\":\"ESITO\"") && l.contains(newer)));
        assertTrue(audit().stream().anyMatch(l -> l.contains("\"event\":\"ESITO_REFUSED\"") && l.contains("403")));
    }

    @Test
    void theLoadStatusShowsTheAnomaliesOfTheUsersTerritories() throws Exception {
        String busto = get("/", login("busto")).body();
        assertTrue(busto.contains("Anomalie rispetto allo storico: 1") && busto.contains("Spesa del FLUSSO dimezzata"), busto);
        assertFalse(busto.contains("un decimo delle righe") || busto.contains("Posti AFAM"), "not the others'");
        String insubria = get("/", login("insubria")).body();
        assertTrue(insubria.contains("Anomalie rispetto allo storico: 2") && insubria.contains("Posti AFAM"));
    }
}
