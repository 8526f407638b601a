package it.cabina.etl.anomalies;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.etl.pipeline.StageId;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.IndicatorFixture;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TestDeliveries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checks of conf/anomalies.yaml on one night over two senders' histories: Gallarate's are ordinary (deliveries and
 * semesters of the usual size, give or take a few rows) and nothing of theirs is flagged; Saronno's last CSI delivery has a
 * tenth of the usual rows and its last FLUSSO semester half the usual spending, and exactly those are flagged. The night
 * goes on: anomalies are shown, never blocking. The arithmetic of the comparisons is in {@link JudgeTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnomaliesTest {
    static final String S = "AMB-SARONNO", G = "AMB-GALLARATE";
    /** Rows of the activities file of each monthly CSI delivery: the usual ones, then Saronno's last (a tenth). */
    static final int[] USUAL = {100, 96, 104, 99, 101};
    CabinaContext ctx;
    NightlyResult result;
    List<Anomaly> found;

    @BeforeAll
    void night() throws Exception {
        Path tmp = Files.createTempDirectory("cabina-anomalies");
        Path landing = tmp.resolve("landing");
        ctx = CabinaContext.create(SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(), null), SparkTestSession.get());
        for (String ambito : List.of(S, G)) {
            for (int m = 0; m < 6; m++) {
                int rows = m < USUAL.length ? USUAL[m] : ambito.equals(S) ? 10 : 98;
                csi(landing, ambito, 2026, m + 2, rows);
            }
            semester(landing, ambito, 2025, 2, 1500);
            semester(landing, ambito, 2026, 1, 1530);
            semester(landing, ambito, 2026, 2, ambito.equals(S) ? 750 : 1485);
        }
        result = new Nightly(ctx, new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8)), Progress.silent())
                .run(new NightlyOptions(LocalDate.of(2027, 1, 20), false).until(StageId.ANOMALIES));
        found = Anomalies.latest(ctx.store());
    }

    /** A monthly CSI delivery with only its activities: {@code rows} meetings of the month. */
    static void csi(Path landing, String ambito, int year, int month, int rows) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(String.format("T%02d-%03d;%s;%d-%02d-10;TAVOLO_OPERATIVO;SVOLTA;2;5;1;0;S;%d-%02d-10T10:00:00;ATTIVO",
                    month, i, ambito, year, month, year, month));
        }
        TestDeliveries.of(landing, "CSI", ambito, String.format("%d%02d15T020000", year, month))
                .file("attivita.csv", IndicatorFixture.ACT, lines.toArray(String[]::new)).write();
    }

    /** A FLUSSO semester: 40 beneficiaries with a month of home care each, {@code euro} per month. */
    static void semester(Path landing, String ambito, int year, int sem, int euro) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String cf = TestDeliveries.taxCode("RSS" + "M" + (char) ('A' + i / 26) + (char) ('A' + i % 26) + "50A01F205");
            lines.add(ambito + ";012119;" + year + ";" + sem + ";" + (sem == 1 ? 3 : 9) + ";" + cf + ";SAD;;ORE;10;" + euro + ",00;0;0;FNA");
        }
        String from = year + (sem == 1 ? "-01-01" : "-07-01"), to = year + (sem == 1 ? "-06-30" : "-12-31");
        String stamp = sem == 1 ? year + "0720T020000" : (year + 1) + "0115T020000";
        TestDeliveries.of(landing, "FLUSSO", ambito, stamp).period(from, to).file("prestazioni.csv", IndicatorFixture.F, lines.toArray(String[]::new)).write();
    }

    @Test
    void theNightLoadsEverythingAndGoesOn() {
        assertEquals(18, result.count(it.cabina.etl.landing.LedgerEntry.Status.LOADED));
        assertEquals(List.of(), result.warnings(), "the anomalies stage ran without failing");
    }

    @Test
    void aDeliveryWithATenthOfTheUsualRowsIsFlagged() {
        List<Anomaly> csi = found.stream().filter(a -> a.check().equals("CSI_RIGHE_CONSEGNA")).toList();
        assertEquals(List.of("righe attivita.csv", "righe della consegna"), csi.stream().map(Anomaly::measure).sorted().toList(), csi.toString());
        for (Anomaly a : csi) {
            assertEquals(S, a.sender());
            assertEquals("CSI", a.source());
            assertEquals("CSI_AMB-SARONNO_20260715T020000", a.period());
            assertEquals(10.0, a.observed());
            assertEquals("ATTENZIONE", a.severity());
            // median of 100, 96, 104, 99, 101 = 100, spread max(1.4826 x MAD 1, 0.2 x 100) = 20: 100 ± 4 x 20
            assertEquals(20.0, a.expectedLow(), 1e-9);
            assertEquals(180.0, a.expectedHigh(), 1e-9);
            assertTrue(a.description().startsWith("Righe di una consegna CSI"), a.description());
        }
    }

    @Test
    void aHalvedFlussoSpendingIsFlagged() {
        List<Anomaly> flusso = found.stream().filter(a -> a.source().equals("FLUSSO")).toList();
        assertEquals(1, flusso.size(), flusso.toString());
        Anomaly a = flusso.get(0);
        assertEquals(List.of("FLUSSO_SPESA", S, "AMBITO", S, "2026-S2", "spesa totale (euro)"),
                List.of(a.check(), a.sender(), a.level(), a.territory(), a.period(), a.measure()));
        // 40 x 750 = 30,000 against 2026-S1 (61,200) and 2025-S2 (60,000): below 60,000 x (1 - 0.3); references of at
        // least 50,000 euro are judged (40 rows are too few for the rows' own check)
        assertEquals(30000.0, a.observed(), 1e-6);
        assertEquals(42000.0, a.expectedLow(), 1e-6);
        assertEquals(122400.0, a.expectedHigh(), 1e-6);
        assertEquals("42.000 – 122.400", a.expectedShown());
        assertTrue(a.description().contains("30.000, fuori dall'intervallo atteso 42.000 – 122.400"), a.description());
    }

    @Test
    void boundsAreShownAsAReaderWritesThem() {
        // the bounds are products of thresholds and medians: 82 x (1 - 0.9) is 8.199999999999996 in binary floating point
        assertEquals("8,2", Anomaly.shown(82 * (1 - 0.9)));
        assertEquals("73,8", Anomaly.shown(82 * 0.9));
        assertEquals("1.234,57", Anomaly.shown(1234.5678));
        assertEquals("0", Anomaly.shown(0));
        assertEquals("", new Anomaly("C", "CSI", "S", null, null, "P", "m", 1, null, null, "GRAVE", "d", null).expectedShown());
    }

    @Test
    void theOrdinaryHistoriesFlagNothing() {
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.stream().noneMatch(a -> G.equals(a.sender()) || G.equals(a.territory())), found.toString());
    }
}
