package it.cabina.etl.indicators;

import it.cabina.etl.pipeline.CabinaContext;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.Progress;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TestDeliveries;
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

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every indicator of the catalogue on a small fixture whose values are worked out by hand below.
 * Saronno (S) and Gallarate (G) are in ASST 030711 / ATS 030322; Alto Milanese (A) in ASST 030705 / ATS 030321.
 * Person X is followed by both S and G; V's only case is withdrawn; A sends only FLUSSO.
 * Run date 2027-01-15: all four semesters of 2025 and 2026 have ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorValuesTest {
    static final String X = TestDeliveries.taxCode("RSSMRA40C41F205");
    static final String Y = TestDeliveries.taxCode("BNCLGU50A01F205");
    static final String V = TestDeliveries.taxCode("VRDGPP50A01F205");
    static final String Z = TestDeliveries.taxCode("NRIPLA45E05F205");
    static final String W = TestDeliveries.taxCode("BLUMRC60B02F205");
    static final String T = "2026-12-20T10:00:00";
    static final String P = "id_persona;codice_fiscale;sesso;data_nascita;comune_residenza;cittadinanza;aggiornato_il;stato_record";
    static final String C = "id_presa_in_carico;id_persona;codice_ambito;comune_competenza;area_utenza;canale_accesso;data_apertura;data_chiusura;motivo_chiusura;condizione_complessa;integrata_asst;aggiornato_il;stato_record";
    static final String VAL = "id_valutazione;id_presa_in_carico;data_valutazione;tipo_valutazione;strumento;strumento_condiviso;congiunta_asst;figure_professionali;bisogno_assistenziale;non_autosufficiente;misura;esito;obiettivo_raggiunto;aggiornato_il;stato_record";
    static final String PR = "id_progetto;id_presa_in_carico;id_valutazione;tipo_progetto;data_avvio;data_fine_prevista;data_chiusura;piano_unico_integrato;servizi;comprende_dimissione_protetta;aggiornato_il;stato_record";
    static final String D = "id_dimissione;id_persona;id_presa_in_carico;presidio;data_segnalazione;data_dimissibilita;data_dimissione;destinazione;bisogno_servizi_sociali;servizi_attivati;necessita_sad;integrazione_informativa;senza_dimora;aggiornato_il;stato_record";
    static final String ACT = "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;aggiornato_il;stato_record";
    static final String F = "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento";

    Map<String, Row> values = new HashMap<>();
    CabinaContext ctx;

    static String act(String id, String date, String type, String status, String hours, String enti, String verb) {
        return id + ";AMB-SARONNO;" + date + ";" + type + ";" + status + ";" + hours + ";5;" + enti + ";0;" + verb + ";" + T + ";ATTIVO";
    }

    static String flusso(String ambito, int year, int sem, int month, String cf, String code) {
        return ambito + ";012119;" + year + ";" + sem + ";" + month + ";" + cf + ";" + code + ";;ORE;1;10,00;0;0;FNA";
    }

    @BeforeAll
    void run() throws Exception {
        Path tmp = Files.createTempDirectory("cabina-indicators-test");
        Path landing = tmp.resolve("landing");
        ctx = CabinaContext.create(SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(), null),
                SparkTestSession.get());
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20270110T020000")
                .file("persone.csv", P, "P1;" + X + ";F;1940-03-01;012119;ITA;" + T + ";ATTIVO",
                        "P2;" + Y + ";M;1950-01-01;012119;ITA;" + T + ";ATTIVO",
                        "P3;" + V + ";M;1950-01-01;012119;ITA;" + T + ";ATTIVO")
                .file("prese_in_carico.csv", C,
                        "C1;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-10;2026-06-30;OBIETTIVI_RAGGIUNTI;S;S;" + T + ";ATTIVO",
                        "C2;P2;AMB-SARONNO;012119;MINORI_FAMIGLIA;PUA;2025-03-01;2026-12-15;TRASFERIMENTO;N;N;" + T + ";ATTIVO",
                        "C3;P3;AMB-SARONNO;012119;ANZIANI;PUA;2025-02-01;;;N;N;" + T + ";ANNULLATO")
                .file("valutazioni.csv", VAL,
                        "V1;C1;2025-01-15;UVM;SVAMA;S;S;AS_AMBITO|MMG;ALTO;S;SAD;PROGETTO;;" + T + ";ATTIVO",
                        "V2;C1;2025-06-01;EEMM;SCHEDA_UNICA_DISTRETTO;S;N;AS_COMUNE|IFEC;MEDIO;N;ADI_INCLUSIONE;IN_CORSO;;" + T + ";ATTIVO",
                        "V3;C2;2025-04-01;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;S;EDUCATORE|PSICOLOGO;;N;PIPPI;PROGETTO;;" + T + ";ATTIVO",
                        "V4;C2;2026-03-01;POST_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;N;EDUCATORE;;N;PIPPI;PROGETTO;S;" + T + ";ATTIVO",
                        "V5;C2;2026-04-01;UVM;SVAMA;S;S;MMG;;N;DOPO_DI_NOI;PROGETTO;;" + T + ";ATTIVO")
                .file("progetti.csv", PR,
                        "PR1;C1;V1;PAI;2025-02-01;;;S;SAD|PASTI;S;" + T + ";ATTIVO",
                        "PR2;C1;;PAI;2025-03-01;;2025-12-31;N;SAD;N;" + T + ";ATTIVO",
                        "PR3;C2;;PROGETTO_PIPPI;2025-05-01;;2026-02-28;N;EDUCATIVA_DOMICILIARE;N;" + T + ";ATTIVO",
                        "PR4;C2;;PAI;2025-06-01;;2025-09-30;N;SAD;N;" + T + ";ATTIVO")
                .file("dimissioni_protette.csv", D,
                        "D1;P1;C1;OSPEDALE;2025-01-02;2025-01-05;2025-01-09;DOMICILIO;S;S;S;S;N;" + T + ";ATTIVO",
                        "D2;P2;;OSPEDALE;2025-04-28;2025-05-01;2025-05-11;DOMICILIO;S;N;N;N;N;" + T + ";ATTIVO",
                        "D3;P1;C1;OSPEDALE;2026-01-30;2026-02-01;2026-02-04;STRUTTURA_RESIDENZIALE;S;S;S;S;N;" + T + ";ATTIVO")
                .file("attivita.csv", ACT,
                        act("A1", "2025-02-01", "EEMM_INCONTRO", "SVOLTA", "2", "0", "S"),
                        act("A2", "2025-03-01", "EEMM_INCONTRO", "SVOLTA", "2", "0", "N"),
                        act("A3", "2025-04-01", "FORMAZIONE_OPERATORI", "SVOLTA", "3", "0", "N"),
                        act("A4", "2025-05-01", "FORMAZIONE_OPERATORI", "PREVISTA", "3", "0", "N"),
                        act("A5", "2025-06-01", "FORMAZIONE_CAREGIVER", "SVOLTA", "2", "0", "N"),
                        act("A6", "2025-07-01", "SPORTELLO_APERTURA", "SVOLTA", "520", "0", "N"),
                        act("A7", "2025-08-01", "SPORTELLO_ACCESSO", "SVOLTA", "1", "0", "N"),
                        act("A8", "2025-09-01", "MEDIAZIONE_SFRATTO", "SVOLTA", "1", "0", "N"),
                        act("A9", "2025-10-01", "GRUPPO_TERRITORIALE", "SVOLTA", "2", "4", "S"),
                        act("A10", "2026-02-01", "EEMM_INCONTRO", "SVOLTA", "2", "0", "S"),
                        act("A11", "2026-03-01", "EEMM_INCONTRO", "SVOLTA", "2", "0", "S"),
                        act("A12", "2026-04-01", "FORMAZIONE_CAREGIVER", "SVOLTA", "2", "0", "N"),
                        act("A13", "2026-05-01", "FORMAZIONE_CAREGIVER", "SVOLTA", "2", "0", "N"),
                        act("A14", "2026-06-01", "GRUPPO_TERRITORIALE", "SVOLTA", "2", "6", "S"),
                        act("A15", "2026-07-01", "SPORTELLO_APERTURA", "SVOLTA", "208", "0", "N"))
                .write();
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20270110T020000")
                .file("persone.csv", P, "Q1;" + X + ";F;1940-03-01;012070;ITA;" + T + ";ATTIVO",
                        "Q2;" + Z + ";M;1945-05-05;012070;ITA;" + T + ";ATTIVO")
                .file("prese_in_carico.csv", C,
                        "K1;Q1;AMB-GALLARATE;012070;ANZIANI;PUA;2025-04-01;;;S;S;" + T + ";ATTIVO",
                        "K2;Q2;AMB-GALLARATE;012070;DISABILI;PUA;2026-01-10;;;N;N;" + T + ";ATTIVO")
                .file("valutazioni.csv", VAL, "W1;K1;2025-04-10;UVM;SVAMA;S;N;AS_COMUNE;ALTO;S;SAD;PROGETTO;;" + T + ";ATTIVO")
                .file("progetti.csv", PR, "G1;K1;W1;PAI;2025-05-01;;;S;SAD;N;" + T + ";ATTIVO")
                .write();
        // S 2025-S1 first sent with Y's SAD, then re-sent without it: only the second counts
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250710T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 1, 6, Y, "SAD"), flusso("AMB-SARONNO", 2025, 1, 3, X, "PASTI")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250720T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 1, 3, X, "PASTI")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20260110T020000").period("2025-07-01", "2025-12-31")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 2, 8, X, "PASTI")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20260710T020000").period("2026-01-01", "2026-06-30")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2026, 1, 2, X, "SAD")).write();
        // Gallarate sends SAD for Y, a person of Saronno's case C2: it does not complete Saronno's record
        TestDeliveries.of(landing, "FLUSSO", "AMB-GALLARATE", "20250710T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-GALLARATE", 2025, 1, 7 - 1, Y, "SAD")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-ALTO-MILANESE", "20250710T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-ALTO-MILANESE", 2025, 1, 2, W, "SAD")).write();

        Pseudonymizer p = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
        var result = new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(LocalDate.of(2027, 1, 15), false));
        assertEquals(8, result.count(it.cabina.etl.landing.LedgerEntry.Status.LOADED));
        assertEquals(0, result.rowsSetAside(), "the fixture is clean");
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
        check("CAS-03", 2025, G, null, null, null, "NON_CALCOLABILE"); // G has no activities at all
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
        check("FLU-01", 2025, G, 1.0, 2.0, 50.0, "NON_RAGGIUNTO");
        // ASST 030711 has 5 Ambiti in the reference: 10 semesters due in 2025, delivered S 2 + G 1 = 3
        check("FLU-01", 2025, ASST, 3.0, 10.0, 30.0, "NON_RAGGIUNTO");
        // Region: 12 Ambiti x 2 = 24 due, delivered S 2 + G 1 + A 1 = 4
        check("FLU-01", 2025, RL, 4.0, 24.0, 400.0 / 24, "NON_RAGGIUNTO");
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
        // deliveries: Saronno 2025-S1 last sent 20/07/2025, within 60 days of 30/06 -> on time; 2026-S2 missing
        Row s1 = agg(Tables.AGG_CONSEGNE, "codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO'");
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), List.of(s1.<Long>getAs("dovute"), s1.<Long>getAs("ricevute"),
                s1.<Long>getAs("puntuali"), s1.<Long>getAs("in_ritardo"), s1.<Long>getAs("mancanti")));
        assertEquals(1L, agg(Tables.AGG_CONSEGNE, "codice_semestre = '2026-S2' and territorio = 'AMB-SARONNO'").<Long>getAs("mancanti"));
        // region 2025-S2: 12 Ambiti due, only Saronno delivered
        Row rl = agg(Tables.AGG_CONSEGNE, "codice_semestre = '2025-S2' and livello = 'REGIONE'");
        assertEquals(List.of(12L, 1L, 11L), List.of(rl.<Long>getAs("dovute"), rl.<Long>getAs("ricevute"), rl.<Long>getAs("mancanti")));
        // data quality: Saronno's CSI delivery (extracted 10/01/2027) had 3+3+5+4+3+15 = 33 rows, all loaded
        Row q = agg(Tables.AGG_QUALITA, "codice_semestre = '2027-S1' and territorio = 'AMB-SARONNO' and fonte = 'CSI' and regola = 'TOTALE'");
        assertEquals(List.of(33L, 33L, 0L), List.of(q.<Long>getAs("righe_ricevute"), q.<Long>getAs("righe_caricate"), q.<Long>getAs("righe_scartate")));
    }

    @Test
    void everyIndicatorHasEveryYearAndLevel() {
        // 26 indicators x 3 years x (12 Ambiti + 3 ASST + 2 ATS + 1 Region)
        assertEquals(26 * 3 * (12 + 3 + 2 + 1), values.size());
    }
}
