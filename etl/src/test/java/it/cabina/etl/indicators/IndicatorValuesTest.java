package it.cabina.etl.indicators;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.IndicatorFixture;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import it.cabina.warehouse.tables.Tables;
import it.cabina.etl.model.RunParameters;

import static org.junit.jupiter.api.Assertions.*;

/** Every indicator of the catalogue on the hand-made {@link IndicatorFixture}, with the arithmetic worked out below. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorValuesTest {
    Map<String, Row> values = new HashMap<>();
    CabinaContext ctx;

    @BeforeAll
    void run() throws Exception {
        ctx = IndicatorFixture.shared();
        for (Row r : IndicatorResults.read(ctx.store(), new IndicatorResults.Filter(null, null, null, null)).collectAsList()) {
            values.put(r.<String>getAs("indicatore") + " " + r.<Integer>getAs("anno") + " " + r.<String>getAs("territorio"), r);
        }
    }

    /** Asserts numerator, denominator (null for counts), value and status of one cell. */
    void check(String indicator, int year, String territory, Double num, Double den, Double value, String status) {
        Row r = values.get(indicator + " " + year + " " + territory);
        assertNotNull(r, "no value for " + indicator + " " + year + " " + territory);
        String where = indicator + " " + year + " " + territory;
        assertEquals(status, r.getAs("stato"), where + " status");
        assertClose(num, r.getAs("numeratore"), where + " numerator");
        assertClose(den, r.getAs("denominatore"), where + " denominator");
        assertClose(value, r.getAs("valore"), where + " value");
    }

    static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) assertNull(actual, what);
        else {
            assertNotNull(actual, what);
            assertEquals(expected, actual, 1e-9, what);
        }
    }

    static final String S = "AMB-SARONNO", G = "AMB-GALLARATE", A = "AMB-ALTO-MILANESE", ASST = "030711", ATS = "030322", RL = "03";

    @Test
    void sad() {
        // SAD-01 S 2025: SAD projects of ANZIANI cases with a non-self-sufficient, high-need assessment:
        //   PR1 (own V1: ALTO, S; piano unico S) and PR2 (no id_valutazione -> latest of C1 on/before 2025-03-01 = V1; piano N)
        //   -> 1 / 2 = 50 % >= 50 -> RAGGIUNTO. PR4 is SAD but MINORI_FAMIGLIA.
        check("SAD-01", 2025, S, 1.0, 2.0, 50.0, "RAGGIUNTO");
        // 2026: PR2 closed 31/12/2025, PR1 still active -> 1 / 1 = 100 >= 75
        check("SAD-01", 2026, S, 1.0, 1.0, 100.0, "RAGGIUNTO");
        // ASST 030711 2025: S (1/2) + G (G1: 1/1) -> 2 / 3 = 66.67 % (never the mean of 75 %)
        check("SAD-01", 2025, ASST, 2.0, 3.0, 200.0 / 3, "RAGGIUNTO");
        // A sent no CSI at all -> no data
        check("SAD-01", 2025, A, null, null, null, "NON_CALCOLABILE");
        // SAD-02 S 2025: PR1 (SAD, comprende dimissione) / discharges of 2025 needing SAD (D1) = 1/1, BASELINE year
        check("SAD-02", 2025, S, 1.0, 1.0, 100.0, "BASELINE");
        check("SAD-02", 2026, S, 1.0, 1.0, 100.0, "RAGGIUNTO"); // PR1 / D3
        // SAD-03 S: C1 closed 2026 with assessment, SAD project and a SAD FLUSSO row of X from S in 2026-02 -> counts;
        //   C2 closed 2026 has PR4 (SAD) and V3, but its only SAD rows are in the replaced 2025-S1 delivery and in G's flow
        check("SAD-03", 2025, S, 0.0, null, 0.0, "BASELINE");
        check("SAD-03", 2026, S, 1.0, null, 1.0, "RAGGIUNTO"); // 1 > 0
        check("SAD-03", 2026, G, 0.0, null, 0.0, "NON_RAGGIUNTO"); // K1 not closed: 0 > 0 is false
    }

    @Test
    void dischargesAndCaregivers() {
        // DIM-01 S 2025: needing social services D1, D2; activated D1 -> 1/2 = 50 %
        check("DIM-01", 2025, S, 1.0, 2.0, 50.0, "BASELINE");
        check("DIM-01", 2026, S, 1.0, 1.0, 100.0, "RAGGIUNTO"); // D3
        // DIM-02 home: D1 4 days, D2 10 days -> mean 14 / 2 = 7
        check("DIM-02", 2025, S, 14.0, 2.0, 7.0, "BASELINE");
        // 2026: no discharge home (D3 went to a residence) -> zero denominator
        check("DIM-02", 2026, S, 0.0, 0.0, null, "NON_CALCOLABILE");
        // DIM-03 residence: 2025 none -> zero denominator; 2026 D3 3 days, but RIDUZIONE has no 2025 value
        check("DIM-03", 2025, S, 0.0, 0.0, null, "NON_CALCOLABILE");
        check("DIM-03", 2026, S, 3.0, 1.0, 3.0, "NON_CALCOLABILE");
        check("DIM-04", 2025, S, 1.0, null, 1.0, "BASELINE");      // D1
        check("DIM-04", 2026, S, 1.0, null, 1.0, "NON_RAGGIUNTO"); // D3: 1 > 1 is false
        check("CAR-01", 2025, S, 1.0, null, 1.0, "BASELINE");      // A5
        check("CAR-01", 2026, S, 2.0, null, 2.0, "RAGGIUNTO");     // A12, A13
    }

    @Test
    void assessmentsAndTeams() {
        check("EEM-01", 2025, S, 1.0, null, 1.0, "RAGGIUNTO");  // A1 (A2 not minuted) >= 1
        check("EEM-01", 2026, S, 2.0, null, 2.0, "RAGGIUNTO");  // A10, A11: 2 > 1
        check("EEM-02", 2025, S, 1.0, 2.0, 50.0, "RAGGIUNTO");  // A3 done of A3, A4
        check("EEM-02", 2026, S, 0.0, 0.0, null, "NON_CALCOLABILE");
        check("EEM-02", 2027, S, 0.0, 1.0, 0.0, "IN_CORSO"); // A16 only planned: shown, not judged (2027 holds the run date)
        // EEM-03 S 2025: complex cases with an EEMM assessment (C1 via V2) / cases assessed for ADI_INCLUSIONE (C1 via V2)
        check("EEM-03", 2025, S, 1.0, 1.0, 100.0, "MONITORAGGIO");
        // EEM-04 S 2025: roles in UVM/EEMM: AS_AMBITO, MMG (V1), AS_COMUNE, IFEC (V2) = 4 of 11 codes
        check("EEM-04", 2025, S, 4.0, 11.0, 400.0 / 11, "MONITORAGGIO");
        // ASST: G adds AS_COMUNE, already counted -> still 4 distinct roles
        check("EEM-04", 2025, ASST, 4.0, 11.0, 400.0 / 11, "MONITORAGGIO");
        check("PUA-01", 2025, S, 1.0, 1.0, 100.0, "RAGGIUNTO");   // V1 has AS_AMBITO
        check("PUA-01", 2026, S, 0.0, 1.0, 0.0, "NON_RAGGIUNTO"); // V5 only MMG
        check("PUA-01", 2025, ASST, 1.0, 2.0, 50.0, "RAGGIUNTO"); // V1 yes, W1 (G) no
        // PUA-02: shared tools S 2025 SVAMA, SCHEDA_UNICA_DISTRETTO = 2; at ASST G's SVAMA is the same tool -> 2, not 3
        check("PUA-02", 2025, S, 2.0, null, 2.0, "RAGGIUNTO");
        check("PUA-02", 2025, ASST, 2.0, null, 2.0, "RAGGIUNTO");
        check("PUA-02", 2026, S, 1.0, null, 1.0, "NON_RAGGIUNTO"); // SVAMA (V5): 1 > 2 is false
        // PUA-03: persons in complex cases with UVM: S 2025 X (V1), G 2025 X (W1); at ASST X counts once
        check("PUA-03", 2025, S, 1.0, null, 1.0, "BASELINE");
        check("PUA-03", 2025, G, 1.0, null, 1.0, "BASELINE");
        check("PUA-03", 2025, ASST, 1.0, null, 1.0, "BASELINE");
        check("PUA-03", 2025, RL, 1.0, null, 1.0, "BASELINE");
        check("DDN-01", 2025, S, 0.0, 0.0, null, "NON_CALCOLABILE");
        check("DDN-01", 2026, S, 1.0, 1.0, 100.0, "RAGGIUNTO");    // V5
        check("VAL-01", 2025, S, 2.0, null, 2.0, "BASELINE");      // V1, V3
        check("VAL-01", 2026, S, 1.0, null, 1.0, "NON_RAGGIUNTO"); // V5
    }

    @Test
    void pippi() {
        check("PIP-01", 2025, S, 1.0, 1.0, 100.0, "RAGGIUNTO");     // PR3 started 2025 / V3 pre-assessment PIPPI
        check("PIP-01", 2026, S, 0.0, 0.0, null, "NON_CALCOLABILE");
        check("PIP-02", 2025, S, 1.0, null, 1.0, "BASELINE");       // C2 (PR3 active)
        check("PIP-02", 2026, S, 1.0, null, 1.0, "NON_RAGGIUNTO");  // PR3 active until 28/02/2026: 1 > 1 is false
        check("PIP-03", 2025, S, 0.0, 0.0, null, "NON_CALCOLABILE");
        check("PIP-03", 2026, S, 1.0, 1.0, 100.0, "MONITORAGGIO");  // V4 reached its goal
        check("PIP-04", 2025, S, 4.0, null, 4.0, "BASELINE");       // A9: 4 bodies
        check("PIP-04", 2026, S, 6.0, null, 6.0, "RAGGIUNTO");      // A14: 6 > 4
    }

    @Test
    void housingDesk() {
        check("CAS-01", 2025, S, 520.0, 52.0, 10.0, "RAGGIUNTO");    // 520 h / 52 weeks = 10 > 8
        check("CAS-01", 2026, S, 208.0, 52.0, 4.0, "NON_RAGGIUNTO"); // 208 / 52 = 4
        check("CAS-02", 2025, S, 1.0, 12.0, 1.0 / 12, "NON_RAGGIUNTO");
        check("CAS-03", 2025, S, 1.0, null, 1.0, "NON_RAGGIUNTO");   // 1 > 30 is false
        check("CAS-03", 2025, G, 0.0, null, 0.0, "NON_RAGGIUNTO");   // G has activities, no mediation
        check("CAS-03", 2025, A, null, null, null, "NON_CALCOLABILE"); // A has no activities at all
        // above the Ambito, a mean per Ambito with activities in the year (contract 1.1): G's desk 260 h / 52 = 5;
        // ASST (520 + 260) / (52 x 2) = 7.5 (the sum over one desk's 52 weeks would say 15)
        check("CAS-01", 2025, G, 260.0, 52.0, 5.0, "NON_RAGGIUNTO");
        check("CAS-01", 2025, ASST, 780.0, 104.0, 7.5, "NON_RAGGIUNTO");
        check("CAS-01", 2026, ASST, 208.0, 52.0, 4.0, "NON_RAGGIUNTO"); // only S has activities in 2026
        check("CAS-02", 2025, ASST, 2.0, 24.0, 2.0 / 24, "NON_RAGGIUNTO");
    }

    @Test
    void recordsAndFlows() {
        // CSI-01: persons with an active case. S 2025: X (C1), Y (C2); V's C3 is withdrawn
        check("CSI-01", 2025, S, 2.0, null, 2.0, "MONITORAGGIO");
        check("CSI-01", 2025, G, 1.0, null, 1.0, "MONITORAGGIO");   // X (K1)
        check("CSI-01", 2025, ASST, 2.0, null, 2.0, "MONITORAGGIO"); // X, Y: X counted once
        check("CSI-01", 2026, ASST, 3.0, null, 3.0, "MONITORAGGIO"); // X, Y, Z (K2 opened 2026)
        check("CSI-01", 2025, ATS, 2.0, null, 2.0, "MONITORAGGIO");
        check("CSI-01", 2025, A, null, null, null, "NON_CALCOLABILE");
        // FLU-01: semesters ended by 15/01/2027. S: 2025-S1 (sent twice, one semester), 2025-S2 -> 2/2; 2026-S1 only -> 1/2
        check("FLU-01", 2025, S, 2.0, 2.0, 100.0, "RAGGIUNTO");
        check("FLU-01", 2026, S, 1.0, 2.0, 50.0, "NON_RAGGIUNTO");
        check("FLU-01", 2025, G, 2.0, 2.0, 100.0, "RAGGIUNTO"); // 2025-S2 came late, but it came
        // ASST 030711 has 5 Ambiti in the reference: 10 semesters due in 2025, delivered S 2 + G 2 = 4
        check("FLU-01", 2025, ASST, 4.0, 10.0, 40.0, "NON_RAGGIUNTO");
        // Region: 12 Ambiti x 2 = 24 due, delivered S 2 + G 2 + A 1 = 5
        check("FLU-01", 2025, RL, 5.0, 24.0, 500.0 / 24, "NON_RAGGIUNTO");
        // 2027: no semester has ended yet
        check("FLU-01", 2027, S, null, null, null, "NON_CALCOLABILE");
    }

    Row agg(it.cabina.warehouse.tables.Table t, String where) {
        List<Row> rows = ctx.store().read(t).filter(where).collectAsList();
        assertEquals(1, rows.size(), t + " where " + where + ": " + rows);
        return rows.get(0);
    }

    @Test
    void semiannualAggregates() {
        // 2025-S1, Saronno: C1 (X, opened 10/01) and C2 (Y, opened 01/03) active; nothing closed
        Row casi = agg(Tables.AGG_CASI, "codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO' and area_utenza = 'TOTALE'");
        assertEquals(List.of(2L, 2L, 0L), List.of(casi.<Long>getAs("persone_attive"), casi.<Long>getAs("casi_aperti"), casi.<Long>getAs("casi_chiusi")));
        // ASST: Gallarate's K1 (X again, opened 01/04) adds a case but not a person
        Row asst = agg(Tables.AGG_CASI, "codice_semestre = '2025-S1' and territorio = '030711' and area_utenza = 'TOTALE'");
        assertEquals(List.of(2L, 3L), List.of(asst.<Long>getAs("persone_attive"), asst.<Long>getAs("casi_aperti")));
        // 2026-S1: C1 closed 30/06/2026
        assertEquals(1L, agg(Tables.AGG_CASI, "codice_semestre = '2026-S1' and territorio = 'AMB-SARONNO' and area_utenza = 'ANZIANI'").<Long>getAs("casi_chiusi"));
        // discharges home in 2025-S1: D1 4 days, D2 10 days
        Row dim = agg(Tables.AGG_DIMISSIONI, "codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO' and destinazione = 'DOMICILIO'");
        assertEquals(2L, dim.<Long>getAs("dimissioni"));
        assertEquals(7.0, dim.<Double>getAs("giorni_attesa_medi"), 1e-9);
        assertEquals(7.0, ((Number) dim.getAs("giorni_attesa_mediani")).doubleValue(), 1e-9);
        // FLUSSO 2025-S1 Saronno: only the re-sent delivery counts (X, PASTI, 1 hour)
        Row pasti = agg(Tables.AGG_PRESTAZIONI, "codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO' and codice_prestazione = 'PASTI'");
        assertEquals(0, new java.math.BigDecimal("1").compareTo(pasti.getAs("quantita")));
        assertEquals(0, ctx.store().read(Tables.AGG_PRESTAZIONI).filter("codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO' and codice_prestazione = 'SAD'").count());
        // FLUSSO 2025-S1: Saronno X (PASTI); Gallarate Y and X (SAD); Alto Milanese W (SAD). X, reported by two Ambiti,
        // is one beneficiary at the ASST and the Region; each record is 1 hour and 10 euro
        Row sadG = agg(Tables.AGG_PRESTAZIONI, "codice_semestre = '2025-S1' and territorio = 'AMB-GALLARATE' and codice_prestazione = 'SAD'");
        assertEquals(List.of(2L, 2L), List.of(sadG.<Long>getAs("beneficiari"), sadG.<Long>getAs("righe")));
        Row allAsst = agg(Tables.AGG_PRESTAZIONI, "codice_semestre = '2025-S1' and territorio = '030711' and codice_prestazione = 'TOTALE'");
        assertEquals(List.of(2L, 3L), List.of(allAsst.<Long>getAs("beneficiari"), allAsst.<Long>getAs("righe")));
        assertNull(allAsst.getAs("quantita"), "no total quantity over different units");
        Row sadAsst = agg(Tables.AGG_PRESTAZIONI, "codice_semestre = '2025-S1' and territorio = '030711' and codice_prestazione = 'SAD'");
        assertEquals(List.of(2L, 2L), List.of(sadAsst.<Long>getAs("beneficiari"), sadAsst.<Long>getAs("righe")));
        Row allRegion = agg(Tables.AGG_PRESTAZIONI, "codice_semestre = '2025-S1' and livello = 'REGIONE' and codice_prestazione = 'TOTALE'");
        assertEquals(List.of(3L, 4L), List.of(allRegion.<Long>getAs("beneficiari"), allRegion.<Long>getAs("righe")));
        Row spesaAsst = agg(Tables.AGG_SPESA, "codice_semestre = '2025-S1' and territorio = '030711' and fonte_finanziamento = 'TOTALE'");
        assertEquals(2L, spesaAsst.<Long>getAs("beneficiari"));
        assertEquals(0, new java.math.BigDecimal("30").compareTo(spesaAsst.getAs("spesa_totale")));
        assertEquals(1L, agg(Tables.AGG_SPESA, "codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO' and fonte_finanziamento = 'FNA'").<Long>getAs("beneficiari"));
        // deliveries: Saronno 2025-S1 last sent 20/07/2025, within 60 days of 30/06 -> on time; 2026-S2 missing
        Row s1 = agg(Tables.AGG_CONSEGNE, "codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO'");
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), List.of(s1.<Long>getAs("dovute"), s1.<Long>getAs("ricevute"),
                s1.<Long>getAs("puntuali"), s1.<Long>getAs("in_ritardo"), s1.<Long>getAs("mancanti")));
        assertEquals(1L, agg(Tables.AGG_CONSEGNE, "codice_semestre = '2026-S2' and territorio = 'AMB-SARONNO'").<Long>getAs("mancanti"));
        // region 2025-S2: 12 Ambiti due, Saronno (on time, then corrected) and Gallarate (late) delivered
        Row rl = agg(Tables.AGG_CONSEGNE, "codice_semestre = '2025-S2' and livello = 'REGIONE'");
        assertEquals(List.of(12L, 2L, 1L, 1L, 10L, 1L), List.of(rl.<Long>getAs("dovute"), rl.<Long>getAs("ricevute"), rl.<Long>getAs("puntuali"),
                rl.<Long>getAs("in_ritardo"), rl.<Long>getAs("mancanti"), rl.<Long>getAs("rettifiche")));
        // data quality: Saronno's CSI delivery (extracted 10/01/2027) had 5+6+7+6+5+16 = 45 rows, 2 set aside (P5, C6)
        Row q = agg(Tables.AGG_QUALITA, "codice_semestre = '2027-S1' and territorio = 'AMB-SARONNO' and fonte = 'CSI' and regola = 'TOTALE'");
        assertEquals(List.of(45L, 43L, 2L), List.of(q.<Long>getAs("righe_ricevute"), q.<Long>getAs("righe_caricate"), q.<Long>getAs("righe_scartate")));
    }

    @Test
    void everyIndicatorHasEveryYearAndLevel() {
        // every indicator of the catalogue x 3 years (2027 holds the run date: in progress, still shown)
        //   x (12 Ambiti + 3 ASST + 2 ATS + 1 Region)
        assertEquals(IndicatorEngine.catalog(ctx).indicators().size() * 3 * (12 + 3 + 2 + 1), values.size());
    }

    @Test
    void sidesComputedPerAmbitoAndByDistinctValuesEqualTheSidesEvaluatedOnTheRowsOfEachLevel() {
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
        catalog.views().register(ctx, RunParameters.of(ctx, IndicatorFixture.AS_OF, catalog.triennio().dal(), catalog.triennio().al()));
        // a side with no row in a cell and a side whose rows give 0 (or a sum of nothing) both count as 0
        List<String> optimised = nonZeroParts(IndicatorEngine.partsSql(catalog, true));
        List<String> onRows = nonZeroParts(IndicatorEngine.partsSql(catalog, false));
        assertTrue(optimised.size() > 400, "the fixture gives values to most sides: " + optimised.size());
        assertEquals(onRows, optimised);
    }

    @Test
    void aSideThatDoesNotAnalyseNamesItsIndicatorBeforeAnythingRuns() throws Exception {
        Path f = Files.createTempDirectory("cabina-catalogue").resolve("indicators.yaml");
        Files.writeString(f, "triennio: {dal: 2025, al: 2027}\nindicators:\n"
                + "  - {code: OK-01, titolo: Prova, tipo: conteggio, numeratore: {vista: v_valutazioni, misura: count(*)}}\n"
                + "  - {code: X-09, titolo: Prova, tipo: percentuale, numeratore: {vista: v_valutazioni, misura: count(*)},\n"
                + "     denominatore: {vista: v_valutazioni, misura: count(distinct pseudonimo), condizione: colonna_inesistente > 0}}\n");
        IndicatorCatalog broken = IndicatorCatalog.load(f, ctx.codeLists(), IndicatorEngine.catalog(ctx).views());
        long runsBefore = ctx.store().read(Tables.INDICATOR_VALUES).select("run_id").distinct().count();
        it.cabina.warehouse.config.ConfigException e = assertThrows(it.cabina.warehouse.config.ConfigException.class,
                () -> new IndicatorEngine(ctx, broken).compute("run-broken", IndicatorFixture.AS_OF));
        assertTrue(e.getMessage().startsWith("conf/indicators.yaml: indicatore X-09, denominatore: "), e.getMessage());
        assertTrue(e.getMessage().contains("colonna_inesistente"), e.getMessage());
        assertEquals(runsBefore, ctx.store().read(Tables.INDICATOR_VALUES).select("run_id").distinct().count(), "nothing appended");
    }

    /** A planner's change: a new view file and a catalogue entry over it, in a copy of conf/, and no Java. */
    @Test
    void anIndicatorOverANewViewNeedsOnlyConfiguration() throws Exception {
        Path conf = Files.createTempDirectory("cabina-conf");
        Path home = ctx.config().home();
        Files.createDirectories(conf.resolve("views"));
        try (var views = Files.list(home.resolve("conf/views"))) {
            for (Path v : views.toList()) Files.copy(v, conf.resolve("views").resolve(v.getFileName()));
        }
        Files.writeString(conf.resolve("views/v_dimissioni_casa.sql"), String.join("\n",
                "-- Protected discharges home, with their waiting days.",
                "-- grain: one row per protected discharge home, in the year of its data_dimissione",
                "-- key: chiave_dimissione",
                "-- ambito_keys: chiave_dimissione",
                "-- columns: codice_ambito, chiave_dimissione, anno, giorni_attesa",
                "select codice_ambito, chiave_dimissione, year(data_dimissione) as anno, giorni_attesa",
                "from fact_discharge where destinazione = 'DOMICILIO' and data_dimissione is not null", ""));
        Files.writeString(conf.resolve("indicators.yaml"), Files.readString(home.resolve("conf/indicators.yaml")) + String.join("\n",
                "", "  - code: PROVA-01", "    titolo: Dimissioni verso casa in meno di una settimana", "    area: E",
                "    tipo: percentuale", "    unita: \"%\"",
                "    numeratore: {vista: v_dimissioni_casa, misura: count(*), condizione: giorni_attesa < 7}",
                "    denominatore: {vista: v_dimissioni_casa, misura: count(*)}", ""));
        IndicatorCatalog catalog = IndicatorCatalog.load(conf.resolve("indicators.yaml"), ctx.codeLists());
        assertTrue(catalog.views().names().contains("v_dimissioni_casa"));
        new IndicatorEngine(ctx, catalog).compute("run-prova", IndicatorFixture.AS_OF);
        // S 2025: D1 home after 4 days, D2 after 10 days (D4 and D5 are withdrawn or of an unknown case) -> 1 of 2
        Row r = IndicatorResults.read(ctx.store(), new IndicatorResults.Filter("run-prova", 2025, "AMBITO", "AMB-SARONNO"))
                .filter("indicatore = 'PROVA-01'").first();
        assertEquals(List.of(1.0, 2.0, 50.0, "MONITORAGGIO"), List.of(r.getAs("numeratore"), r.getAs("denominatore"), r.getAs("valore"), r.getAs("stato")));
    }

    @Test
    void aViewWhoseColumnsDifferFromItsHeaderIsNamedBeforeAnyValueIsWritten() throws Exception {
        Path dir = Files.createTempDirectory("cabina-views");
        Files.writeString(dir.resolve("v_sbagliata.sql"), "-- grain: one row per case\n-- columns: codice_ambito, anno, chiave_caso\n"
                + "select codice_ambito, year(data_apertura) as anno, chiave_caso, area_utenza from fact_case\n");
        IndicatorViews views = IndicatorViews.load(dir);
        it.cabina.warehouse.config.ConfigException e = assertThrows(it.cabina.warehouse.config.ConfigException.class,
                () -> views.register(ctx, RunParameters.of(ctx, IndicatorFixture.AS_OF, 2025, 2027)));
        assertEquals("conf/views/v_sbagliata.sql: the header's columns differ from the view's; not declared: [area_utenza]", e.getMessage());
    }

    @Test
    void eachViewsRowKeyIsUniqueInAYearAndItsAmbitoKeysBelongToTheAmbitoThatSentTheRow() {
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
        catalog.views().register(ctx, RunParameters.of(ctx, IndicatorFixture.AS_OF, catalog.triennio().dal(), catalog.triennio().al()));
        for (IndicatorView v : catalog.views().all()) {
            String view = v.name();
            if (v.key() != null) {
                Row r = ctx.spark().sql("select count(*), count(distinct " + v.key() + ", anno) from " + view).first();
                assertTrue(r.getLong(0) > 0, view + " has rows in the fixture");
                assertEquals(r.getLong(0), r.getLong(1), view + ": " + v.key() + " missing or repeated within a year");
            }
            for (String key : v.ambitoKeys()) {
                Row r = ctx.spark().sql("select count(" + key + "), count_if(not startswith(" + key + ", concat(codice_ambito, ':'))) from " + view).first();
                assertTrue(r.getLong(0) > 0, view + "." + key + " has values in the fixture");
                assertEquals(0L, r.getLong(1), view + ": " + key + " not prefixed by its codice_ambito");
            }
        }
    }

    List<String> nonZeroParts(String sql) {
        return ctx.spark().sql(sql).collectAsList().stream().filter(r -> !r.isNullAt(4) && r.getDouble(4) != 0.0)
                .map(Row::toString).sorted().toList();
    }
}
