package it.cabina.etl.anomalies;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The comparisons of conf/anomalies.yaml, number by number, without Spark. */
class JudgeTest {
    static final AnomalyRules.Check HISTORY = new AnomalyRules.Check("C", "Righe", "CSI", "select 1",
            new AnomalyRules.Comparison("storico", 12, 4, 0.2, null, 30.0),
            List.of(new AnomalyRules.Threshold(4.0, null, null, "ATTENZIONE"), new AnomalyRules.Threshold(4.75, null, null, "GRAVE")));
    static final AnomalyRules.Check CHANGE = new AnomalyRules.Check("V", "Spesa", "FLUSSO", "select 1",
            new AnomalyRules.Comparison("variazione", null, null, null, List.of(1, 2), 100.0),
            List.of(new AnomalyRules.Threshold(null, 0.3, 1.0, "ATTENZIONE"), new AnomalyRules.Threshold(null, 0.6, 3.0, "GRAVE")));

    static List<Observation> series(double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) out.add(new Observation("AMB-X", "AMBITO", "AMB-X", "p" + i, i, "righe", values[i], values[i], null));
        return out;
    }

    @Test
    void aDropFarBelowTheRecentMedianIsFlaggedAndOneOddDeliveryDoesNotMoveTheMedian() {
        // the first delivery (an initial load of 900 rows) is in the history of the later ones but moves neither median nor MAD
        List<Anomaly> a = Judge.anomalies(HISTORY, series(900, 100, 96, 104, 99, 100, 101, 10));
        assertEquals(1, a.size(), a.toString());
        assertEquals("p7", a.get(0).period());
        assertEquals("ATTENZIONE", a.get(0).severity());
        assertEquals(List.of(20.0, 180.0), List.of(a.get(0).expectedLow(), a.get(0).expectedHigh()), "median 100, spread 20 (0.2 × median)");
        assertEquals("GRAVE", Judge.anomalies(HISTORY, series(100, 96, 104, 99, 101, 2)).get(0).severity(), "98 % fewer rows");
    }

    @Test
    void ordinaryUpsAndDownsTooLittleHistoryAndSmallSeriesAreNotFlagged() {
        assertEquals(List.of(), Judge.anomalies(HISTORY, series(100, 80, 125, 95, 110, 70, 140, 105)));
        assertEquals(List.of(), Judge.anomalies(HISTORY, series(100, 96, 104, 5)), "three deliveries are not a history");
        assertEquals(List.of(), Judge.anomalies(HISTORY, series(20, 22, 19, 21, 18, 1)), "a median under 30 rows is not judged");
    }

    @Test
    void aChangeIsJudgedAgainstTheLowestAndTheHighestReference() {
        // 20,000 (a year before), 20,400 (the previous semester), then 10,000: below 20,000 × 0.7
        List<Anomaly> a = Judge.anomalies(CHANGE, series(20000, 20400, 10000));
        assertEquals(1, a.size());
        assertEquals(List.of(14000.0, 40800.0), List.of(a.get(0).expectedLow(), a.get(0).expectedHigh()));
        assertEquals("ATTENZIONE", a.get(0).severity());
        assertEquals("GRAVE", Judge.anomalies(CHANGE, series(20000, 20400, 5000)).get(0).severity(), "a quarter: beyond the 60 % drop");
        assertEquals(List.of(), Judge.anomalies(CHANGE, series(20000, 20400, 15000, 29000)), "within 30 % down and 100 % up");
        assertEquals(List.of(), Judge.anomalies(CHANGE, series(50, 60, 10)), "references under the minimum are not judged");
    }

    @Test
    void theRulesFileIsCheckedOnLoad() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("anomalies", ".yaml");
        java.nio.file.Files.writeString(f, "checks:\n  - {check: X, descrizione: d, fonte: CSI, misura: select 1, confronto: {tipo: storico, ultimi: 5,"
                + " minimo_storico: 4}, soglie: [{calo: 0.5, crescita: 0.5, gravita: ATTENZIONE}]}\n");
        var e = assertThrows(it.cabina.warehouse.config.ConfigException.class,
                () -> AnomalyRules.load(f));
        assertTrue(e.getMessage().contains("a threshold of storico is 'oltre'"), e.getMessage());
        java.nio.file.Files.writeString(f, "checks:\n  - {check: X, descrizione: d, fonte: CSI, misura: selec 1 frm, confronto: {tipo: variazione,"
                + " riferimenti: [1]}, soglie: [{calo: 0.5, crescita: 0.5, gravita: ATTENZIONE}]}\n");
        e = assertThrows(it.cabina.warehouse.config.ConfigException.class, () -> AnomalyRules.load(f));
        assertTrue(e.getMessage().startsWith("conf/anomalies.yaml: check X: misura: "), e.getMessage());
        assertEquals(5, Anomalies.rules(it.cabina.etl.testing.SparkTestSession.config().home()).checks().size(), "conf/anomalies.yaml itself loads");
    }
}
