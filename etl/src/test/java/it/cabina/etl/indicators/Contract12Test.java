package it.cabina.etl.indicators;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.testing.Contract12Fixture;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.sql.Date;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Contract 1.2 on the two nights of {@link Contract12Fixture}: the 20 indicators it adds, with the arithmetic worked
 * out below; the unknown-field rule (where it applies and nowhere else); the dated target; per-Ambito means above the
 * Ambito; the milestones' history; the new fields unknown, not false, for what came under 1.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Contract12Test {
    static final String S = "AMB-SARONNO", G = "AMB-GALLARATE", ASST = "030711", RL = "03";
    static final String UNKNOWN = "dato non trasmesso (tracciato 1.2)";

    CabinaContext ctx;
    IndicatorCells night1;
    IndicatorCells night2;

    @BeforeAll
    void run() throws Exception {
        Contract12Fixture.Nights n = Contract12Fixture.build(Files.createTempDirectory("cabina-contract12-test"));
        ctx = n.ctx();
        night1 = new IndicatorCells(n.firstValues());
        night2 = new IndicatorCells(ctx, n.second().runId());
    }

    static String reason(Row r) {
        return r.getAs("motivo");
    }

    @Test
    void violenceCasesAreCountedOnlyWhereEveryCaseSaysWhetherItIsOne() {
        // night 1: S's cases came under 1.1 -> the flag is unknown for all of them
        assertEquals(UNKNOWN, reason(night1.check("VIO-01", 2025, S, null, null, null, "NON_CALCOLABILE")));
        // G (1.2): K1 (Z1) is a violence case; K2, K3, K4 are not -> 1 person
        night1.check("VIO-01", 2025, G, 1.0, null, 1.0, "MONITORAGGIO");
        // above the Ambito: computed only when every Ambito below with records is computable, naming those that are not
        assertEquals(UNKNOWN + " da 1 Ambito: Saronno", reason(night1.check("VIO-01", 2025, ASST, null, null, null, "NON_CALCOLABILE")));
        // night 2: S re-sent C1 (S), C2 and C4 (N) under 1.2; C3, never re-sent, was active in 2024 only -> computable
        night2.check("VIO-01", 2025, S, 1.0, null, 1.0, "MONITORAGGIO");
        night2.check("VIO-01", 2025, ASST, 2.0, null, 2.0, "MONITORAGGIO"); // X (S) and Z1 (G)
        night2.check("VIO-01", 2026, S, 1.0, null, 1.0, "MONITORAGGIO");
        // G's K6 (2026) came under 1.2 with the flag empty: unknown too, in 2026 only
        assertEquals(UNKNOWN, reason(night2.check("VIO-01", 2026, G, null, null, null, "NON_CALCOLABILE")));
        night2.check("VIO-01", 2025, G, 1.0, null, 1.0, "MONITORAGGIO");
        assertEquals(UNKNOWN + " da 1 Ambito: Gallarate", reason(night2.check("VIO-01", 2026, ASST, null, null, null, "NON_CALCOLABILE")));
        // an Ambito with no record at all has no data, not an unknown field
        assertEquals("nessun dato per il territorio e l'anno", reason(night2.check("VIO-01", 2025, "AMB-ALTO-MILANESE", null, null, null, "NON_CALCOLABILE")));
    }

    @Test
    void shelterSpendingNeedsEveryFlussoRowOfTheYearUnder12() {
        // G 2025-S1 (1.2): CASA_RIFUGIO 1200.00 + COMUNITA_MAMMA_BAMBINO 800.50; the SAD row is another service
        night1.check("VIO-02", 2025, G, 2000.5, null, 2000.5, "MONITORAGGIO");
        // S 2025-S1 came under 1.1 (its CASA_RIFUGIO row was set aside: a 1.2 code)
        assertEquals(UNKNOWN, reason(night1.check("VIO-02", 2025, S, null, null, null, "NON_CALCOLABILE")));
        // night 2: S re-sent 2025-S1 and sent 2025-S2 under 1.2: 500.00 of shelter
        night2.check("VIO-02", 2025, S, 500.0, null, 500.0, "MONITORAGGIO");
        night2.check("VIO-02", 2025, ASST, 2500.5, null, 2500.5, "MONITORAGGIO");
    }

    @Test
    void activitiesOfNewTypesAndTopics() {
        // night 1: S's activities came under 1.1 -> the indicators that count 1.2 types or topics cannot be computed...
        for (String code : List.of("EEM-05", "DIM-07", "MON-01")) {
            assertEquals(UNKNOWN, reason(night1.check(code, 2025, S, null, null, null, "NON_CALCOLABILE")), code);
            assertEquals(UNKNOWN + " da 1 Ambito: Saronno", reason(night1.get(code, 2025, ASST)), code);
        }
        // ...and those that count types of 1.0 can: S 2025 has INCONTRO_CPI SA1-SA3
        night1.check("LAV-01", 2025, S, 3.0, 1.0, 3.0, "RAGGIUNTO");
        night1.check("PIP-07", 2025, S, 0.0, null, 0.0, "MONITORAGGIO");

        // night 2, 2025. EEM-05 (per Ambito): G GA1, GA2 done (GA3 only planned); S none
        night2.check("EEM-05", 2025, G, 2.0, 1.0, 2.0, "NON_RAGGIUNTO");
        night2.check("EEM-05", 2025, S, 0.0, 1.0, 0.0, "NON_RAGGIUNTO");
        night2.check("EEM-05", 2025, ASST, 2.0, 2.0, 1.0, "NON_RAGGIUNTO"); // (0 + 2) / 2 Ambiti with activities
        // DIM-07: training on protected discharges: G GA7, GA8 (GA9 is on SAD); S SA4
        night2.check("DIM-07", 2025, G, 2.0, 1.0, 2.0, "RAGGIUNTO");
        night2.check("DIM-07", 2025, S, 1.0, 1.0, 1.0, "NON_RAGGIUNTO");
        night2.check("DIM-07", 2025, ASST, 3.0, 2.0, 1.5, "NON_RAGGIUNTO");
        // MON-01: G's topics with activities done: VALUTAZIONE_MULTIDIMENSIONALE, PUA, SAD, DIMISSIONI_PROTETTE, LAVORO,
        //   PIPPI, CASA = 7; monitored twice: PUA (GA4, GA5) -> 1/7. S: LAVORO, DIMISSIONI_PROTETTE = 2; LAVORO monitored
        //   twice (SA6, SA7) -> 1/2. ASST: the Ambiti's own counts added -> 2/9
        night2.check("MON-01", 2025, G, 1.0, 7.0, 100.0 / 7, "NON_RAGGIUNTO");
        night2.check("MON-01", 2025, S, 1.0, 2.0, 50.0, "NON_RAGGIUNTO");
        night2.check("MON-01", 2025, ASST, 2.0, 9.0, 200.0 / 9, "NON_RAGGIUNTO");
        // LAV-01 (per Ambito): S 3, G 1 (GA10) -> ASST (3 + 1) / 2
        night2.check("LAV-01", 2025, ASST, 4.0, 2.0, 2.0, "NON_RAGGIUNTO");
        // PUA-05, PIP-07: plain counts, summed
        night2.check("PUA-05", 2025, ASST, 1.0, null, 1.0, "MONITORAGGIO");
        night2.check("PIP-07", 2025, ASST, 1.0, null, 1.0, "MONITORAGGIO");
        // CAS-04, CAS-05 (per Ambito, > 15): G 1 each, S 0 -> ASST 1 / 2
        night2.check("CAS-04", 2025, G, 1.0, 1.0, 1.0, "NON_RAGGIUNTO");
        night2.check("CAS-04", 2025, ASST, 1.0, 2.0, 0.5, "NON_RAGGIUNTO");
        night2.check("CAS-05", 2025, ASST, 1.0, 2.0, 0.5, "NON_RAGGIUNTO");
    }

    @Test
    void theDatedTargetCountsProjectsStartedUpToItsDateInTheYearOfItsDate() {
        // PIP-06: PIPPI projects with data_avvio from 01/01/2025 to 31/03/2026, one cell (2026), per Ambito.
        // Night 1 (01/02/2026): before the deadline -> in progress. S PRs1, G PRg1; ASST (1 + 1) / 2 Ambiti
        night1.check("PIP-06", 2026, S, 1.0, 1.0, 1.0, "IN_CORSO");
        night1.check("PIP-06", 2026, ASST, 2.0, 2.0, 1.0, "IN_CORSO");
        // Night 2 (15/01/2027): judged. S PRs1 and PRs2 (on 31/03/2026, the last day); PRs3 (10/04/2026) is too late
        night2.check("PIP-06", 2026, S, 2.0, 1.0, 2.0, "NON_RAGGIUNTO");
        night2.check("PIP-06", 2026, ASST, 3.0, 2.0, 1.5, "NON_RAGGIUNTO");
        night2.check("PIP-06", 2026, RL, 3.0, 2.0, 1.5, "NON_RAGGIUNTO");
        for (int year : List.of(2025, 2027)) assertNull(night2.get("PIP-06", year, S), "PIP-06 has a row for 2026 only");
        assertEquals("ALMENO 30", night2.get("PIP-06", 2026, S).getAs("regola"));
    }

    @Test
    void pippiMinorsAssessmentsAndDischarges() {
        // PIP-05: minors' cases active in Y with a PIPPI project active in Y. S: C2 with PRs1 -> 1/1; G: K3 (PRg1) of
        //   K2, K3 -> 1/2; ASST 2/3. 2026: S's C2 has PRs2, PRs3 -> 1/1
        night2.check("PIP-05", 2025, S, 1.0, 1.0, 100.0, "MONITORAGGIO");
        night2.check("PIP-05", 2025, G, 1.0, 2.0, 50.0, "MONITORAGGIO");
        night2.check("PIP-05", 2025, ASST, 2.0, 3.0, 200.0 / 3, "MONITORAGGIO");
        night2.check("PIP-05", 2026, S, 1.0, 1.0, 100.0, "MONITORAGGIO");
        // PIP-08: cases with a PIPPI pre-assessment. 2025: S C2; G K3, K2 (twice) -> ASST 3. 2026: S C2 (VS2) only, and
        //   G has no assessment in 2026 -> ASST 1 < 3: not grown
        night2.check("PIP-08", 2025, ASST, 3.0, null, 3.0, "BASELINE");
        night2.check("PIP-08", 2026, S, 1.0, null, 1.0, "NON_RAGGIUNTO");
        night2.check("PIP-08", 2026, ASST, 1.0, null, 1.0, "NON_RAGGIUNTO");
        night2.check("PIP-08", 2026, G, null, null, null, "NON_CALCOLABILE");
        // PUA-04: UVM with MMG or PLS. S: VS3 (PLS) of VS3, VS4 (VS5 is EEMM) -> 1/2; G: VG4 (MMG), VG6 (PLS) of 3 -> 2/3
        night2.check("PUA-04", 2025, S, 1.0, 2.0, 50.0, "BASELINE");
        night2.check("PUA-04", 2025, G, 2.0, 3.0, 200.0 / 3, "BASELINE");
        night2.check("PUA-04", 2025, ASST, 3.0, 5.0, 60.0, "BASELINE");
        // VAL-02: B2 assessments joint with the ASST: G VG4 of VG4, VG5; S has no B2 assessment
        night2.check("VAL-02", 2025, G, 1.0, 2.0, 50.0, "MONITORAGGIO");
        assertEquals("denominatore pari a zero", reason(night2.check("VAL-02", 2025, S, 0.0, 0.0, null, "NON_CALCOLABILE")));
        night2.check("VAL-02", 2025, ASST, 1.0, 2.0, 50.0, "MONITORAGGIO");
        // MIN-01: minors referred by the court, followed jointly: S C2 of C2; G K2 of K2, K3
        night2.check("MIN-01", 2025, S, 1.0, 1.0, 100.0, "MONITORAGGIO");
        night2.check("MIN-01", 2025, ASST, 2.0, 3.0, 200.0 / 3, "MONITORAGGIO");
        // DIM-05: discharges linked to a case, whose case is joint with the ASST: S DS1 (C1), DS5 (C4) -> 2/2;
        //   G DG1 (K1, not joint), DG3 (K2) -> 1/2; DS2, DS3 and DG2 have no case
        night2.check("DIM-05", 2025, S, 2.0, 2.0, 100.0, "MONITORAGGIO");
        night2.check("DIM-05", 2025, G, 1.0, 2.0, 50.0, "MONITORAGGIO");
        night2.check("DIM-05", 2025, ASST, 3.0, 4.0, 75.0, "MONITORAGGIO");
        // DIM-06: persons with two or more discharges in the year, distinct at each level. S: Y (DS2, DS3); G: none;
        //   ASST: Y, and X (DS1 in S, DG2 in G)
        night2.check("DIM-06", 2025, S, 1.0, null, 1.0, "BASELINE");
        night2.check("DIM-06", 2025, G, 0.0, null, 0.0, "BASELINE");
        night2.check("DIM-06", 2025, ASST, 2.0, null, 2.0, "BASELINE");
        night2.check("DIM-06", 2026, S, 0.0, null, 0.0, "RAGGIUNTO"); // DS4 only: 0 < 1
        night2.check("DIM-06", 2026, ASST, 0.0, null, 0.0, "RAGGIUNTO");
        // SAD-04: discharges needing SAD followed by a SAD project of the same Ambito that includes the discharge,
        //   active that day or starting within 30 days. S: DS1 (PRs4 starts 30 days later: yes), DS5 (PRs6 31 days
        //   later: no) -> 1/2. G: DG1 (PGs1 15 days later), DG3 (PGs2 active), not DG2 (X's project PRs4 is in S) -> 2/3
        night2.check("SAD-04", 2025, S, 1.0, 2.0, 50.0, "BASELINE");
        night2.check("SAD-04", 2025, G, 2.0, 3.0, 200.0 / 3, "BASELINE");
        night2.check("SAD-04", 2025, ASST, 3.0, 5.0, 60.0, "BASELINE");
    }

    @Test
    void milestonesOnTimeAndTheirHistory() {
        // TRA-01 night 1, G 2025: TG1 on time; TG2 late; TG3 not reached; TG5 not reached; TG4 no longer planned -> 1/4
        night1.check("TRA-01", 2025, G, 1.0, 4.0, 25.0, "NON_RAGGIUNTO");
        assertEquals("nessun dato per il territorio e l'anno", reason(night1.get("TRA-01", 2025, S)), "S sent no milestone (1.1)");
        // night 2: TG5 postponed to 30/06/2026 and reached on 20/06/2026: on time, in 2026. S's TS1 on time
        night2.check("TRA-01", 2025, G, 1.0, 3.0, 100.0 / 3, "NON_RAGGIUNTO");
        night2.check("TRA-01", 2026, G, 1.0, 1.0, 100.0, "RAGGIUNTO");
        night2.check("TRA-01", 2025, S, 1.0, 1.0, 100.0, "RAGGIUNTO");
        night2.check("TRA-01", 2025, ASST, 2.0, 4.0, 50.0, "NON_RAGGIUNTO");

        Row tg5 = row(Tables.FACT_MILESTONE, "chiave_traguardo = 'AMB-GALLARATE:TG5'");
        assertEquals(Date.valueOf("2026-06-30"), tg5.getAs("data_prevista"));
        assertEquals(Date.valueOf("2025-12-31"), tg5.getAs("data_prevista_iniziale"));
        assertEquals(List.of(Date.valueOf("2025-12-31")), tg5.getList(tg5.fieldIndex("date_previste_precedenti")));
        assertEquals(1L, ((Number) tg5.getAs("rinvii")).longValue());
        assertEquals("RAGGIUNTO", tg5.getAs("stato"));
        Row tg1 = row(Tables.FACT_MILESTONE, "chiave_traguardo = 'AMB-GALLARATE:TG1'");
        assertEquals(0L, ((Number) tg1.getAs("rinvii")).longValue());
        assertEquals(List.of(), tg1.getList(tg1.fieldIndex("date_previste_precedenti")));
        assertEquals(0L, ctx.store().read(Tables.FACT_MILESTONE).filter("id_traguardo in ('TG6', 'TS0')").count(),
                "TG6 set aside, TS0 in a rejected delivery");
    }

    @Test
    void theNewFieldsStayUnknownNotFalseForWhatCameUnder11() {
        Row c3 = row(Tables.FACT_CASE, "chiave_caso = 'AMB-SARONNO:C3'");
        assertNull(c3.getAs("vittima_violenza"), "C3 came under 1.1 only: unknown");
        assertEquals("1.1", c3.getAs("versione_tracciato"));
        Row k2 = row(Tables.FACT_CASE, "chiave_caso = 'AMB-GALLARATE:K2'");
        assertEquals(Boolean.FALSE, k2.getAs("vittima_violenza"));
        assertEquals(Boolean.TRUE, row(Tables.FACT_CASE, "chiave_caso = 'AMB-SARONNO:C1'").getAs("vittima_violenza"));
        assertNull(row(Tables.FACT_CASE, "chiave_caso = 'AMB-GALLARATE:K6'").getAs("vittima_violenza"), "empty in 1.2: unknown");
        Row sa1 = row(Tables.FACT_ACTIVITY, "chiave_attivita = 'AMB-SARONNO:SA1'");
        assertEquals(List.of("LAVORO", "1.2"), List.of(sa1.getAs("tema"), sa1.getAs("versione_tracciato")));
    }

    @Test
    void activitiesByTopicInTheSemiannualAggregate() {
        Table agg = Tables.AGG_ATTIVITA;
        Row g = row(agg, "codice_semestre = '2025-S1' and territorio = 'AMB-GALLARATE' and tema = 'TOTALE'");
        // done in 2025-S1: GA1, GA2, GA4, GA5, GA7, GA10, GA11, GA12, GA13, GA14 = 10, of which monitoring GA4, GA5
        assertEquals(List.of(10L, 2L, 0L), List.of(g.<Long>getAs("attivita_svolte"), g.<Long>getAs("incontri_monitoraggio"),
                g.<Long>getAs("attivita_senza_tema")));
        assertEquals(3L, row(agg, "codice_semestre = '2025-S1' and territorio = 'AMB-GALLARATE' and tema = 'PUA'").<Long>getAs("attivita_svolte"));
        // S re-sent its activities with topics: none left without; 2025-S2: SA6, SA7 monitoring LAVORO
        Row s2 = row(agg, "codice_semestre = '2025-S2' and territorio = 'AMB-SARONNO' and tema = 'LAVORO'");
        assertEquals(List.of(2L, 2L), List.of(s2.<Long>getAs("attivita_svolte"), s2.<Long>getAs("incontri_monitoraggio")));
        assertEquals(0L, ctx.store().read(agg).filter("tema = 'NON_TRASMESSO'").count());
    }

    @Test
    void viewsAndSidesHoldOnContract12Data() {
        IndicatorCells.viewKeysHold(ctx, Contract12Fixture.NIGHT2, Set.of());
        assertTrue(IndicatorCells.optimisedSidesEqualSidesOnRows(ctx, Contract12Fixture.NIGHT2) > 200);
    }

    Row row(Table t, String where) {
        List<Row> rows = ctx.store().read(t).filter(where).collectAsList();
        assertEquals(1, rows.size(), t.name() + " where " + where);
        return rows.get(0);
    }
}
