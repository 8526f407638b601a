package it.cabina.cli;

import it.cabina.etl.pipeline.RunLock;
import it.cabina.warehouse.config.CabinaConfig;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What an operator relies on, through the command line: a wrong configuration stops `check` and the nightly with exit 2
 * and the key's path; the commands that write take the run lock. (A nightly in JSON: CliTest's demo; its metrics file:
 * FaultToleranceTest.)
 */
class OperationsCliTest {
    static final Path HOME = CabinaConfig.locateHome();

    @TempDir
    Path tmp;

    /** Runs the command line with another configuration file (-Dcabina.config, as CABINA_CONFIG would). */
    static CliTest.Result withConfig(Path file, String... args) {
        String old = System.getProperty(CabinaConfig.CONFIG_PROPERTY);
        System.setProperty(CabinaConfig.CONFIG_PROPERTY, file.toString());
        try {
            return CliTest.run(args);
        } finally {
            if (old == null) System.clearProperty(CabinaConfig.CONFIG_PROPERTY);
            else System.setProperty(CabinaConfig.CONFIG_PROPERTY, old);
        }
    }

    /** A site configuration over the tests' own, as an installation keeps one outside the release. */
    Path site(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("site.yaml"), "extends: " + HOME.resolve("conf/cabina-test.yaml") + "\n" + yaml);
    }

    @Test
    void aMisspeltKeyOrAWrongTypeStopsCheckAndTheNightlyWithExit2AndTheKeysPath() throws Exception {
        Path site = site("operations:\n  lock: {stale_after_minute: 5}\n  housekeeping: {audit_days: trenta}\n");
        // a file inside the project is named relative to it (the test JVMs' temporary folders are in target/tmp)
        Path abs = site.toAbsolutePath().normalize();
        String shown = abs.startsWith(HOME) ? HOME.relativize(abs).toString() : abs.toString();
        String misspelt = shown + ": operations.lock.stale_after_minute: chiave sconosciuta (ammesse: heartbeat_seconds, stale_after_minutes)";
        String wrongType = shown + ": operations.housekeeping.audit_days: atteso un numero intero, trovato il testo \"trenta\"";

        CliTest.Result check = withConfig(site, "check");
        assertEquals(2, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("ERRORE  configurazione") && check.out().contains("- " + misspelt)
                && check.out().contains("- " + wrongType), check.out());
        assertTrue(CliTest.lastLine(check.out()).contains("ESITO: ERRORE (codice 2) — 2 problemi"), check.out());

        Path wh = tmp.resolve("wh");
        CliTest.Result nightly = withConfig(site, "nightly", "--landing", tmp.resolve("landing").toString(), "--warehouse", wh.toString());
        assertEquals(2, nightly.code(), nightly.out() + nightly.err());
        assertEquals(List.of("ERRORE: " + misspelt, "ERRORE: " + wrongType), nightly.err().lines().toList());
        assertTrue(CliTest.lastLine(nightly.out()).contains("ESITO: ERRORE (codice 2) — configurazione: 2 problemi"), nightly.out());
        assertFalse(Files.exists(wh), "nothing touched");
    }

    @Test
    void checkTellsEveryPartWithoutTouchingDataAndNeverShowsTheKey() throws Exception {
        Assumptions.assumeTrue(System.getenv("CABINA_PSEUDONYM_KEY") == null && System.getenv("CABINA_PSEUDONYM_KEY_FILE") == null);
        Path wh = tmp.resolve("not-yet/wh");
        CliTest.Result r = CliTest.run("check", "--warehouse", wh.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        for (String part : List.of("configurazione: conf/cabina-test.yaml", "territorio e liste di codici: ", "regole delle fonti: AFAM, CSI, FLUSSO",
                "catalogo degli indicatori e viste: ", "controlli delle anomalie: 5 controlli", "modelli gold e aggregati: ", "report (template e conf/reports.yaml): ", "percorsi: ")) {
            assertTrue(r.out().contains("OK      " + part), part + " in " + r.out());
        }
        assertTrue(r.out().contains("ERRORE  chiave degli pseudonimi\n            - chiave degli pseudonimi mancante: impostare CABINA_PSEUDONYM_KEY"),
                r.out());
        assertTrue(CliTest.lastLine(r.out()).contains("ESITO: ERRORE (codice 2) — 1 problema"), r.out());
        assertFalse(Files.exists(wh.getParent()), "nothing created");
    }

    @Test
    void exportReportAllAndHousekeepingTakeTheNightlysLock() throws Exception {
        String wh = tmp.resolve("wh").toString();
        CabinaConfig config = CabinaConfig.load();
        try (RunLock held = RunLock.acquire(new Configuration(), wh, "run-HELD", config.operations(), line -> { })) {
            for (String[] command : List.of(new String[]{"export", "--warehouse", wh, "--out", tmp.resolve("export").toString()},
                    new String[]{"report", "--all", "--warehouse", wh, "--reports", tmp.resolve("reports").toString()},
                    new String[]{"housekeeping", "--warehouse", wh, "--landing", tmp.resolve("landing").toString()})) {
                CliTest.Result r = CliTest.run(command);
                assertEquals(4, r.code(), command[0] + ": " + r.out() + r.err());
                assertTrue(r.err().startsWith("ERRORE: un nightly è in corso sullo stesso warehouse: run-HELD"), r.err());
                assertEquals("ESITO: OCCUPATO — un nightly è in corso (run-HELD): nulla è stato fatto",
                        CliTest.lastLine(r.out()).replaceFirst("^\\[ *[0-9.]+s\\] ", ""), r.out());
                assertTrue(CliTest.run(command[0], "--help").out().contains("lo stesso lucchetto del nightly: codice 4"), command[0]);
            }
        }
        assertFalse(Files.exists(tmp.resolve("export")) || Files.exists(tmp.resolve("reports")), "nothing written");
    }
}
