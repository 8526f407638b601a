package it.cabina.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The command line through picocli's execute(), output captured: help, errors, and a small demo end to end. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {
    static Path demo;

    record Result(int code, String out, String err) {}

    /** Runs the command as main would, with System.out and System.err captured (picocli writes to them). */
    static Result run(String... args) {
        return captured(() -> Main.commandLine().execute(args));
    }

    /** Runs a command's code with the standard streams captured (the logging's console appenders follow them). */
    static Result captured(java.util.function.Supplier<Integer> command) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = command.get();
            System.out.flush();
            System.err.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nightly", "check", "status", "generate", "demo", "sql", "indicators", "explain", "report", "export", "housekeeping", "serve", "users"})
    void everyCommandHasHelp(String command) {
        Result r = run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: cabina " + command), "[" + r.out() + "] err=[" + r.err() + "]");
    }

    @Test
    void theVersionNamesTheVersionAndTheCommit() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("cabina \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{10,40}(, with uncommitted changes)?|unknown)\\)\\R"),
                "[" + r.out() + "]");
        assertEquals("cabina 1.2.0 (commit 0123456789)", it.cabina.warehouse.config.CodeVersion.describe("1.2.0", "0123456789"));
        assertEquals("cabina 1.2.0 (commit 0123456789, with uncommitted changes)", it.cabina.warehouse.config.CodeVersion.describe("1.2.0", "0123456789-dirty"));
        assertEquals("cabina 1.2.0 (commit unknown)", it.cabina.warehouse.config.CodeVersion.describe("1.2.0", ""));
        assertTrue(it.cabina.warehouse.config.CodeVersion.isCommit("0123456789"));
        assertFalse(it.cabina.warehouse.config.CodeVersion.isCommit("0123456789-dirty"));
        assertFalse(it.cabina.warehouse.config.CodeVersion.isCommit(""));
        assertEquals("cabina 1.2.0 (commit unknown)", it.cabina.warehouse.config.CodeVersion.describe("1.2.0", "fatal: not a git repository"));
        assertEquals("cabina (development build) (commit unknown)", it.cabina.warehouse.config.CodeVersion.describe("${project.version}", null));
    }

    @Test
    void reportHelpListsEveryRegisteredKind() {
        Result r = run("report", "--help");
        for (var kind : it.cabina.warehouse.published.ReportKind.values()) {
            assertTrue(r.out().contains(kind.slug() + " ") && r.out().contains(kind.title() + " (periodo: " + kind.period().description()),
                    kind.slug() + " in [" + r.out() + "]");
        }
        Result wrong = run("report", "--report", "nessuno", "--period", "2026", "--level", "AMBITO", "--territory", "X", "--format", "pdf");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("i report sono " + String.join(", ", it.cabina.warehouse.published.ReportKind.slugs())), wrong.err());
        Result force = run("report", "--force", "--report", "semestrale", "--period", "2026-S1", "--level", "REGIONE", "--territory", "03",
                "--format", "pdf");
        assertEquals(2, force.code(), force.err());
        assertTrue(force.err().contains("--force vale soltanto con --all"), force.err());
    }

    @Test
    void demoNeverDeletesAFolderItDidNotMake() throws Exception {
        Path mine = Files.createTempDirectory("cabina-not-a-demo");
        Files.writeString(mine.resolve("tesi.docx"), "importante");
        Result r = run("demo", "--dir", mine.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("non è vuota e non è una demo"), r.err());
        assertTrue(Files.exists(mine.resolve("tesi.docx")), "untouched");
    }

    @Test
    void exitTwoIsForConfigurationAndArgumentsOnly() throws Exception {
        Result level = run("indicators", "--level", "COMUNE", "--warehouse", "/nonexistent");
        assertEquals(2, level.code(), level.err());
        assertTrue(level.err().contains("--level dev'essere AMBITO, ASST, ATS o REGIONE"), level.err());
        // a failure that is neither (a warehouse without indicator values) is exit 1
        Path empty = Files.createTempDirectory("cabina-empty-wh");
        Result none = run("indicators", "--warehouse", empty.toString());
        assertEquals(1, none.code(), none.err());
        assertTrue(none.err().startsWith("ERRORE: "), none.err());
    }

    @Test
    void aWrongOptionSaysSo() {
        Result r = run("status", "--colour", "blue");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown options: '--colour', 'blue'"), r.err());
    }

    @Test
    void theNightlyRefusesToStartWithoutTheKey() {
        Assumptions.assumeTrue(System.getenv("CABINA_PSEUDONYM_KEY") == null && System.getenv("CABINA_PSEUDONYM_KEY_FILE") == null);
        Result r = run("nightly", "--landing", "/nonexistent", "--warehouse", "/nonexistent");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ERRORE: chiave degli pseudonimi mancante: impostare CABINA_PSEUDONYM_KEY"), r.err());
        assertTrue(lastLine(r.out()).contains("ESITO: ERRORE (codice 2) — configurazione: 1 problema"), r.out());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    /** Runs the nightly as its command does after reading the key, output captured. */
    static Result nightly(it.cabina.warehouse.config.CabinaConfig config) {
        return captured(() -> NightlyCommand.run(config, it.cabina.etl.pseudonym.PseudonymKey::demoKey,
                it.cabina.etl.pipeline.NightlyOptions.defaults()));
    }

    static String lastLine(String s) {
        return s.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void aSecondNightlyOnABusyWarehouseExitsWith4AndSaysSo() throws Exception {
        Path root = Files.createTempDirectory("cabina-cli-busy");
        var config = it.cabina.warehouse.config.CabinaConfig.load().withPaths(root.resolve("landing").toString(),
                root.resolve("wh").toString(), null, root.resolve("export").toString());
        try (var held = it.cabina.etl.pipeline.RunLock.acquire(new org.apache.hadoop.conf.Configuration(), config.warehouse(),
                "run-HELD", config.operations(), line -> { })) {
            Result r = nightly(config);
            assertEquals(4, r.code(), r.out() + r.err());
            assertTrue(r.err().startsWith("ERRORE: un nightly è in corso sullo stesso warehouse: run-HELD"), r.err());
            assertTrue(lastLine(r.out()).contains("ESITO: OCCUPATO"), r.out());
        }
        assertFalse(Files.exists(root.resolve("wh/ops")), "nothing was written");
    }

    @Test
    void anUnusableWarehouseStopsTheNightlyWithExit2BeforeItStarts() throws Exception {
        Path file = Files.writeString(Files.createTempDirectory("cabina-cli-unwritable").resolve("a-file"), "x");
        var config = it.cabina.warehouse.config.CabinaConfig.load().withPaths(file.resolveSibling("landing").toString(),
                file.resolve("wh").toString(), null, file.resolveSibling("export").toString());
        Result r = nightly(config);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("ERRORE: percorsi: warehouse " + file.resolve("wh") + ": non esiste e non si può creare (" + file
                + " non è una cartella scrivibile)", r.err().strip());
        assertTrue(lastLine(r.out()).contains("ESITO: ERRORE (codice 2) — configurazione: 1 problema"), r.out());
    }

    @Test
    @Order(1)
    void demoThenStatusThenSql() throws Exception {
        demo = Files.createTempDirectory("cabina-cli-demo");
        // the demo's nightly with --log-format json: standard output carries only JSON lines, one per event
        Result d = run("demo", "--scale", "small", "--dir", demo.toString(), "--log-format", "json");
        assertEquals(0, d.code(), d.out() + d.err());
        assertTrue(d.out().contains("chiave degli pseudonimi DEMO"), "the demo says it uses the demo key");
        ObjectMapper mapper = new ObjectMapper();
        String runId = null;
        JsonNode outcome = null;
        for (String line : d.out().lines().toList()) {
            JsonNode e = mapper.readTree(line);
            assertTrue(e.isObject() && e.has("time") && e.has("level") && e.has("event") && e.has("message"), line);
            if (runId == null && e.has("run_id")) runId = e.get("run_id").asText();
            if (e.get("event").asText().equals("stage_end")) {
                assertTrue(e.get("run_id").asText().equals(runId) && e.has("stage") && e.get("seconds").isNumber()
                        && e.get("counts").isObject(), line);
            }
            if (e.get("event").asText().equals("outcome")) outcome = e;
        }
        assertTrue(runId != null && runId.startsWith("run-"), d.out());
        assertNotNull(outcome, d.out());
        assertEquals(3, outcome.get("exit_code").asInt(), "the generator rejects some deliveries on purpose: " + outcome);
        assertTrue(outcome.get("message").asText().startsWith("ESITO: PARZIALE"), outcome.toString());

        // the nightly published every report kind in both formats, each listed in index.json with a real file
        JsonNode index = new ObjectMapper().readTree(demo.resolve("reports/index.json").toFile());
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (JsonNode e : index.get("reports")) {
            assertTrue(Files.size(demo.resolve("reports").resolve(e.get("path").asText())) > 1000, e.toString());
            kinds.add(e.get("report").asText() + "." + e.get("format").asText());
        }
        assertEquals(java.util.Set.of("confronto.pdf", "confronto.xlsx", "cruscotto.pdf", "cruscotto.xlsx", "qualita.pdf", "qualita.xlsx",
                "rete-offerta.pdf", "rete-offerta.xlsx", "semestrale.pdf", "semestrale.xlsx"), kinds);
        // the explanation of every Ambito's figures beside the reports, and the esito of every delivery for its sender
        try (var spiegazioni = Files.walk(demo.resolve("reports/data/spiegazioni"))) {
            assertTrue(spiegazioni.filter(p -> p.toString().endsWith(".csv")).allMatch(p -> {
                try {
                    return Files.readAllLines(p).get(0).equals("indicator,year,level,territory,part,unit,contribution,sender,record_type,record_id,delivery,file,line");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }

        Result s = run("status", "--warehouse", demo.resolve("warehouse").toString(), "--format", "json");
        assertEquals(0, s.code(), s.err());
        JsonNode json = new ObjectMapper().readTree(s.out());
        assertTrue(json.get("deliveries").size() > 3);
        assertTrue(json.get("anomalies").isArray(), "the anomalies, an empty array on an ordinary night: " + json.get("anomalies"));
        for (JsonNode del : json.get("deliveries")) {
            assertTrue(Files.exists(demo.resolve("esiti").resolve(del.get("sender").asText()).resolve(del.get("delivery_name").asText() + ".esito.json")),
                    "an esito for " + del.get("delivery_name"));
            for (String f : new String[]{"delivery_id", "source", "sender", "status", "files"}) assertTrue(del.has(f), f + " in " + del);
            for (JsonNode f : del.get("files")) {
                assertEquals(f.get("received").asLong(), f.get("loaded").asLong() + f.get("set_aside").asLong(), f.toString());
            }
        }

        assertEquals("FINISHED", json.get("runs").get(0).get("status").asText(), json.get("runs").toString());
        assertTrue(json.get("runs").get(0).get("stages").size() >= 8, "every stage with its time: " + json.get("runs").get(0));
        Result text = run("status", "--warehouse", demo.resolve("warehouse").toString());
        assertTrue(text.out().startsWith("Esecuzioni del nightly (dalla più recente):"), text.out());
        assertTrue(text.out().contains("Caricamento bronze e scarti"), text.out());
        // the deliveries listed: the latest N, and how many are left out
        int registered = json.get("deliveries").size();
        Result latest = run("status", "--warehouse", demo.resolve("warehouse").toString(), "--runs", "0", "--deliveries", "1");
        assertTrue(latest.out().contains(String.format(java.util.Locale.ITALY, "Consegne: le ultime 1 di %,d registrate", registered)), latest.out());
        assertEquals(List.of(json.get("deliveries").get(registered - 1).get("delivery_name").asText()), latest.out().lines()
                .filter(l -> l.matches("[A-Z]+ +(AFAM|CSI|FLUSSO) .*")).map(l -> l.replaceAll(".*\\((.*)\\)$", "$1")).toList(), latest.out());
        assertEquals(2, run("status", "--warehouse", demo.resolve("warehouse").toString(), "--deliveries", "-1").code());

        Result q = run("sql", "--warehouse", demo.resolve("warehouse").toString(), "--format", "csv",
                "SELECT count(*) AS casi FROM fact_case");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().startsWith("casi\n"), q.out());
        assertTrue(Long.parseLong(q.out().lines().skip(1).findFirst().orElseThrow().trim()) > 0);

        Result bad = run("sql", "--warehouse", demo.resolve("warehouse").toString(), "SELECT nope FROM fact_case");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("ERRORE: ") && bad.err().contains("nope"), bad.err());
    }

    @Test
    @Order(2)
    void oneReportOnDemandAndClearRefusals() throws Exception {
        Assumptions.assumeTrue(demo != null, "needs the demo of the first test");
        String wh = demo.resolve("warehouse").toString();
        Path out = demo.resolve("regione.xlsx");
        Result r = run("report", "--warehouse", wh, "--report", "semestrale", "--period", "2026-S1", "--level", "REGIONE",
                "--territory", "03", "--format", "xlsx", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.size(out) > 1000);
        assertEquals('P', (char) Files.readAllBytes(out)[0], "an XLSX is a zip");

        Result badPeriod = run("report", "--warehouse", wh, "--report", "semestrale", "--period", "2026", "--level", "REGIONE",
                "--territory", "03", "--format", "pdf");
        assertEquals(2, badPeriod.code());
        assertTrue(badPeriod.err().contains("periodo '2026' non valido per semestrale"), badPeriod.err());
        Result noData = run("report", "--warehouse", wh, "--report", "cruscotto", "--period", "2026", "--level", "AMBITO",
                "--territory", "AMB-NOWHERE", "--format", "pdf");
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("AMB-NOWHERE"), noData.err());
        assertFalse(noData.err().contains("\tat "), "no stack trace");
    }
}
