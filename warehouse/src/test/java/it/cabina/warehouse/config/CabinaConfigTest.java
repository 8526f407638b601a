package it.cabina.warehouse.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** conf/cabina.yaml bound to typed records: unknown keys and wrong types refused with their paths and files, all at once. */
class CabinaConfigTest {
    static final String MINIMAL = """
            paths: {landing: data/landing, warehouse: data/warehouse, reports: data/reports}
            territory: {comuni: c.csv, ats_asst: a.csv, ambiti: b.csv}
            spark: {master: "local[1]"}
            """;

    @TempDir
    Path home;

    Path write(String name, String yaml) throws IOException {
        Path file = home.resolve("conf").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    List<String> problems(Path file) {
        return assertThrows(ConfigException.class, () -> CabinaConfig.load(home, file)).problems();
    }

    @Test
    void theProjectsOwnFilesLoad() {
        Path project = CabinaConfig.locateHome();
        for (String f : List.of("cabina.yaml", "cabina-test.yaml", "cabina-lombardia.yaml")) {
            CabinaConfig c = CabinaConfig.load(project, project.resolve("conf").resolve(f));
            assertEquals(project.resolve("data/warehouse").toString(), c.warehouse(), f);
        }
        CabinaConfig test = CabinaConfig.load(project, project.resolve("conf/cabina-test.yaml"));
        assertEquals("local[2]", test.sparkMaster(), "the test file's own value");
        assertEquals("Europe/Rome", test.sparkSettings().get("spark.sql.session.timeZone"), "the base's, merged key by key");
        assertFalse(test.operations().housekeepingInNightly());
        assertEquals(10, test.operations().lockStaleMinutes());
    }

    @Test
    void theValuesWrittenInCabinaYamlAreTheDefaults() throws IOException {
        Path project = CabinaConfig.locateHome();
        CabinaConfig written = CabinaConfig.load(project, project.resolve("conf/cabina.yaml"));
        CabinaConfig defaults = CabinaConfig.load(project, write("minimal.yaml", MINIMAL));
        assertEquals(defaults.operations(), written.operations());
        assertEquals(defaults.portal(), written.portal());
        assertEquals(defaults.logFormat(), written.logFormat());
        assertEquals(List.of(defaults.pseudonymKeyEnv(), defaults.pseudonymKeyFileEnv(), defaults.regionCode(), defaults.flussoDeadlineDays(),
                        defaults.export(), defaults.esiti(), defaults.codelistsDir(), defaults.rulesDir(), defaults.sparkAppName()),
                List.of(written.pseudonymKeyEnv(), written.pseudonymKeyFileEnv(), written.regionCode(), written.flussoDeadlineDays(),
                        written.export(), written.esiti(), written.codelistsDir(), written.rulesDir(), written.sparkAppName()));
    }

    @Test
    void absentKeysTakeTheirDefaults() throws IOException {
        CabinaConfig c = CabinaConfig.load(home, write("cabina.yaml", MINIMAL));
        assertEquals(new CabinaConfig.Export(home.resolve("data/export/riservato").toString(), home.resolve("data/export/aperto").toString(), 3),
                c.export());
        assertEquals(home.resolve("data/esiti").toString(), c.esiti());
        assertEquals("CABINA_PSEUDONYM_KEY", c.pseudonymKeyEnv());
        assertEquals("CABINA_PSEUDONYM_KEY_FILE", c.pseudonymKeyFileEnv());
        assertEquals("03", c.regionCode());
        assertEquals(60, c.flussoDeadlineDays());
        assertEquals(Map.of(), c.senders());
        assertEquals(new CabinaConfig.Operations(30, 10, 30, 90, 90, 16, true, 7), c.operations());
        assertNull(c.operations().metricsFile(), "no metrics file unless one is named");
        assertEquals(Duration.ofMinutes(480), c.portal().sessionLifetime());
        assertEquals(10_000, c.portal().maxTrackedFailures());
        assertEquals(List.of(), c.portal().trustedProxies());
        assertEquals(CabinaConfig.LogFormat.TEXT, c.logFormat());
    }

    @Test
    void valuesAreBoundWithTheirTypes() throws IOException {
        CabinaConfig c = CabinaConfig.load(home, write("cabina.yaml", MINIMAL + """
                senders: {CSI: AMBITI, AFAM: [RL, XX]}
                portal: {trusted_proxies: [127.0.0.1, " ::1 "], failed_login_max_tracked: 50}
                operations: {lock: {stale_after_minutes: 5}, metrics_file: data/metrics/cabina.prom}
                logging: {format: json}
                """));
        assertEquals(Map.of("CSI", List.of("AMBITI"), "AFAM", List.of("RL", "XX")), c.senders());
        assertEquals(List.of("127.0.0.1", "::1"), c.portal().trustedProxies());
        assertEquals(50, c.portal().maxTrackedFailures());
        assertEquals(5, c.operations().lockStaleMinutes());
        assertEquals(home.resolve("data/metrics/cabina.prom"), c.operations().metricsFile());
        assertEquals(CabinaConfig.LogFormat.JSON, c.logFormat());
    }

    @Test
    void aMisspeltKeyIsRefusedWithItsPathAndFile() throws IOException {
        List<String> p = problems(write("cabina.yaml", MINIMAL + "operations: {lock: {stale_after_minute: 5}}\n"));
        assertEquals(List.of("conf/cabina.yaml: operations.lock.stale_after_minute: chiave sconosciuta"
                + " (ammesse: heartbeat_seconds, stale_after_minutes)"), p);
    }

    @Test
    void aWrongTypeIsRefusedNotReplacedByTheDefault() throws IOException {
        List<String> p = problems(write("cabina.yaml", MINIMAL + "operations: {lock: {stale_after_minutes: dieci}}\n"));
        assertEquals(List.of("conf/cabina.yaml: operations.lock.stale_after_minutes: atteso un numero intero, trovato il testo \"dieci\""), p);
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() throws IOException {
        List<String> p = problems(write("cabina.yaml", """
                paths: {landing: data/landing, reports: data/reports, wherehouse: x}
                territory: {comuni: c.csv, ats_asst: a.csv, ambiti: b.csv}
                spark: {master: "local[1]", settings: {spark.ui.enabled: false, spark.x: [1, 2]}}
                portal: {session_minutes: 0, trusted_proxies: {a: 1}, failed_login_delay_seconds: 10, failed_login_max_delay_seconds: 5}
                operations:
                  housekeeping: {in_nightly: "sì", compact_min_files: 1.5}
                  lock: {heartbeat_seconds: 60, stale_after_minutes: 1}
                logging: {format: xml}
                unknown_section: 1
                """));
        assertEquals(List.of(
                "conf/cabina.yaml: paths.wherehouse: chiave sconosciuta (ammesse: landing, warehouse, reports, export, export_riservato, export_aperto, esiti)",
                "conf/cabina.yaml: paths.warehouse: valore obbligatorio mancante",
                "conf/cabina.yaml: spark.settings[\"spark.x\"]: atteso un testo, trovato una lista",
                "conf/cabina.yaml: portal.trusted_proxies: atteso una lista, trovato una sezione",
                "conf/cabina.yaml: operations.housekeeping.in_nightly: atteso true o false, trovato il testo \"sì\"",
                "conf/cabina.yaml: operations.housekeeping.compact_min_files: atteso un numero intero, trovato \"1.5\"",
                "conf/cabina.yaml: logging.format: atteso uno tra json, text, trovato il testo \"xml\"",
                "conf/cabina.yaml: unknown_section: chiave sconosciuta (ammesse: paths, pseudonym, territory, codelists, rules, senders,"
                        + " deadlines, spark, portal, operations, logging, export)"), p.subList(0, 8));
        assertEquals(8, p.size(), "the ranges are checked once the binding is possible: " + p);
    }

    @Test
    void anEntryWithoutAValueIsRefusedAKeyWithoutOneTakesItsDefault() throws IOException {
        assertEquals(List.of("conf/cabina.yaml: spark.settings[\"spark.ui.enabled\"]: valore mancante",
                        "conf/cabina.yaml: portal.trusted_proxies[1]: valore mancante"),
                problems(write("cabina.yaml", MINIMAL.replace("spark: {master: \"local[1]\"}", "spark: {settings: {spark.ui.enabled: }}")
                        + "portal: {trusted_proxies: [127.0.0.1, ~], session_minutes: }\n")));
    }

    @Test
    void valuesOutOfRangeAreListedTogether() throws IOException {
        List<String> p = problems(write("cabina.yaml", MINIMAL + """
                portal: {session_minutes: 0, failed_login_delay_seconds: 10, failed_login_max_delay_seconds: 5}
                operations: {lock: {heartbeat_seconds: 60, stale_after_minutes: 1}, housekeeping: {audit_days: -1}}
                """));
        assertEquals(List.of(
                "conf/cabina.yaml: portal.session_minutes: deve essere almeno 1, è 0",
                "conf/cabina.yaml: portal.failed_login_max_delay_seconds: deve essere almeno failed_login_delay_seconds (10), è 5",
                "conf/cabina.yaml: operations.lock.stale_after_minutes: deve superare due battiti (2 × heartbeat_seconds = 120 s), è 1 min",
                "conf/cabina.yaml: operations.housekeeping.audit_days: deve essere almeno 0, è -1"), p);
    }

    @Test
    void aFileThatExtendsAnotherNamesTheFileEachKeyCameFrom() throws IOException {
        write("cabina.yaml", MINIMAL + "operations: {lock: {heartbeat_seconds: mezzo}}\n");
        Path site = write("site.yaml", """
                extends: cabina.yaml
                paths: {landing: /srv/landing}
                operations: {lock: {stale_after_minute: 5}}
                """);
        assertEquals(List.of(
                "conf/cabina.yaml: operations.lock.heartbeat_seconds: atteso un numero intero, trovato il testo \"mezzo\"",
                "conf/site.yaml: operations.lock.stale_after_minute: chiave sconosciuta (ammesse: heartbeat_seconds, stale_after_minutes)"),
                problems(site));

        write("cabina.yaml", MINIMAL);
        CabinaConfig c = CabinaConfig.load(home, write("site.yaml", "extends: cabina.yaml\npaths: {landing: /srv/landing}\n"));
        assertEquals("/srv/landing", c.landing());
        assertEquals(home.resolve("data/warehouse").toString(), c.warehouse(), "the base's value");
    }

    @Test
    void aFileOutsideTheProjectIsNamedInFullAndAnUnreadableOneSaysWhy() throws IOException {
        Path outside = Files.createTempFile("cabina-site", ".yaml");
        try {
            Files.writeString(outside, MINIMAL + "deadlines: {flusso_giorni: 3}\n");
            assertEquals(List.of(outside.toAbsolutePath() + ": deadlines.flusso_giorni: chiave sconosciuta (ammesse: flusso_days)"),
                    problems(outside));
            Files.writeString(outside, "paths: [a\n");
            assertTrue(problems(outside).get(0).startsWith(outside.toAbsolutePath() + ": non leggibile come YAML: "));
        } finally {
            Files.delete(outside);
        }
    }
}
