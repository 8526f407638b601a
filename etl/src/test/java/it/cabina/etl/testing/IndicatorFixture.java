package it.cabina.etl.testing;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.StageId;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pseudonym.Pseudonymizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small warehouse whose indicator values are worked out by hand (IndicatorValuesTest) and whose small counts
 * exercise the reports' small-cell protection (the reports module's tests).
 * Saronno (S) and Gallarate (G) are in ASST 030711 / ATS 030322; Alto Milanese (A) in ASST 030705 / ATS 030321.
 * Person X is followed by both S and G; V's only case is withdrawn; A sends only FLUSSO.
 * Run date 2027-01-15: all four semesters of 2025 and 2026 have ended, 2027 is in progress.
 * <p>Contract 1.1 points (Contract11Test): person P4 is withdrawn and so are, by cascade, her case C4, its assessment V6,
 * project PR5 and her discharge D4; the withdrawn case C3 takes V7 and PR6 with it; D5 names a case never sent (C99);
 * C5 has a comune outside Lombardy (warning FUORI_REGIONE), C6 a malformed one (set aside); P5's birth date is in the
 * future (set aside, kept as its year only); S's 2026-S1 FLUSSO has a row without a named beneficiary and one delivered
 * in Rome; S re-sends 2025-S2 after the deadline (a correction), G sends 2025-S2 late; G's second CSI delivery lacks the
 * column data_chiusura and is rejected whole; G's housing desk opens 5 hours a week.
 * <p>Contract 1.2: G sends its milestones under 1.2 (GT1 reached on time, GT2 late, GT3 overdue, GT4 postponed from
 * 31/12/2026 to 30/06/2027, GT5 no longer planned); every other delivery is 1.0.
 */
public final class IndicatorFixture {
    private IndicatorFixture() {}

    public static final LocalDate AS_OF = LocalDate.of(2027, 1, 15);
    public static final String X = TestDeliveries.taxCode("RSSMRA40C41F205");
    public static final String Y = TestDeliveries.taxCode("BNCLGU50A01F205");
    public static final String V = TestDeliveries.taxCode("VRDGPP50A01F205");
    public static final String Z = TestDeliveries.taxCode("NRIPLA45E05F205");
    public static final String W = TestDeliveries.taxCode("BLUMRC60B02F205");
    public static final String T = "2026-12-20T10:00:00";
    public static final String P = "id_persona;codice_fiscale;sesso;data_nascita;comune_residenza;cittadinanza;aggiornato_il;stato_record";
    public static final String C = "id_presa_in_carico;id_persona;codice_ambito;comune_competenza;area_utenza;canale_accesso;data_apertura;data_chiusura;motivo_chiusura;condizione_complessa;integrata_asst;aggiornato_il;stato_record";
    public static final String VAL = "id_valutazione;id_presa_in_carico;data_valutazione;tipo_valutazione;strumento;strumento_condiviso;congiunta_asst;figure_professionali;bisogno_assistenziale;non_autosufficiente;misura;esito;obiettivo_raggiunto;aggiornato_il;stato_record";
    public static final String PR = "id_progetto;id_presa_in_carico;id_valutazione;tipo_progetto;data_avvio;data_fine_prevista;data_chiusura;piano_unico_integrato;servizi;comprende_dimissione_protetta;aggiornato_il;stato_record";
    public static final String D = "id_dimissione;id_persona;id_presa_in_carico;presidio;data_segnalazione;data_dimissibilita;data_dimissione;destinazione;bisogno_servizi_sociali;servizi_attivati;necessita_sad;integrazione_informativa;senza_dimora;aggiornato_il;stato_record";
    public static final String ACT = "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;aggiornato_il;stato_record";
    public static final String TRA = "id_traguardo;codice_ambito;codice_traguardo;tema;descrizione;data_prevista;stato;data_raggiungimento;atto;aggiornato_il;stato_record";
    public static final String F = "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento";

    static String act(String id, String date, String type, String status, String hours, String enti, String verb) {
        return id + ";AMB-SARONNO;" + date + ";" + type + ";" + status + ";" + hours + ";5;" + enti + ";0;" + verb + ";" + T + ";ATTIVO";
    }

    static String flusso(String ambito, int year, int sem, int month, String cf, String code) {
        return ambito + ";012119;" + year + ";" + sem + ";" + month + ";" + cf + ";" + code + ";;ORE;1;10,00;0;0;FNA";
    }

    public static final String P4 = TestDeliveries.taxCode("GLLNNA41A41F205");
    public static final String P5 = TestDeliveries.taxCode("CRMLCU90A01F205");
    /** Rows of the fixture set aside: P5 (birth date in the future) and C6 (comune of five digits). */
    public static final int SET_ASIDE = 2;

    private static CabinaContext shared;

    /**
     * The fixture of this test JVM, for the test classes that only read it: a copy of the one built once per Maven
     * build ({@link BuiltOnce}). Tests that add runs or files to it say so.
     */
    public static synchronized CabinaContext shared() throws IOException {
        if (shared == null) shared = context(BuiltOnce.copy("indicator", IndicatorFixture::build));
        return shared;
    }

    /** The context of a fixture folder: deliveries under {@code landing}, warehouse {@code wh}, reports {@code reports}. */
    static CabinaContext context(Path tmp) {
        return CabinaContext.create(SparkTestSession.config().withPaths(tmp.resolve("landing").toString(), tmp.resolve("wh").toString(),
                tmp.resolve("reports").toString()), SparkTestSession.get());
    }

    /** The run id of the fixture's nightly (tests may append other runs to indicator_values). */
    public static String nightlyRun(CabinaContext ctx) {
        return ctx.spark().read().format("delta").load(ctx.store().path(it.cabina.warehouse.tables.Tables.INDICATOR_VALUES))
                .filter("run_id rlike '^run-[0-9]{8}T'").selectExpr("min(run_id)").first().getString(0);
    }

    /** Writes the deliveries under {@code tmp/landing} and loads them into {@code tmp/wh} (reports: {@code tmp/reports}). */
    public static CabinaContext build(Path tmp) throws IOException {
        Path landing = tmp.resolve("landing");
        CabinaContext ctx = context(tmp);
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20270110T020000")
                .file("persone.csv", P, "P1;" + X + ";F;1940-03-01;012119;ITA;" + T + ";ATTIVO",
                        "P2;" + Y + ";M;1950-01-01;012119;ITA;" + T + ";ATTIVO",
                        "P3;" + V + ";M;1950-01-01;012119;ITA;" + T + ";ATTIVO",
                        "P4;" + P4 + ";F;1941-01-01;012119;ITA;" + T + ";ANNULLATO",
                        "P5;" + P5 + ";M;2030-01-01;012119;ITA;" + T + ";ATTIVO")
                .file("prese_in_carico.csv", C,
                        "C1;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-10;2026-06-30;OBIETTIVI_RAGGIUNTI;S;S;" + T + ";ATTIVO",
                        "C2;P2;AMB-SARONNO;012119;MINORI_FAMIGLIA;PUA;2025-03-01;2026-12-15;TRASFERIMENTO;N;N;" + T + ";ATTIVO",
                        "C3;P3;AMB-SARONNO;012119;ANZIANI;PUA;2025-02-01;;;N;N;" + T + ";ANNULLATO",
                        "C4;P4;AMB-SARONNO;012119;ANZIANI;PUA;2025-02-01;;;S;S;" + T + ";ATTIVO",
                        "C5;P2;AMB-SARONNO;001272;MINORI_FAMIGLIA;PUA;2026-09-01;;;N;N;" + T + ";ATTIVO",
                        "C6;P1;AMB-SARONNO;12119;ANZIANI;PUA;2026-09-01;;;N;N;" + T + ";ATTIVO")
                .file("valutazioni.csv", VAL,
                        "V1;C1;2025-01-15;UVM;SVAMA;S;S;AS_AMBITO|MMG;ALTO;S;SAD;PROGETTO;;" + T + ";ATTIVO",
                        "V2;C1;2025-06-01;EEMM;SCHEDA_UNICA_DISTRETTO;S;N;AS_COMUNE|IFEC;MEDIO;N;ADI_INCLUSIONE;IN_CORSO;;" + T + ";ATTIVO",
                        "V3;C2;2025-04-01;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;S;EDUCATORE|PSICOLOGO;;N;PIPPI;PROGETTO;;" + T + ";ATTIVO",
                        "V4;C2;2026-03-01;POST_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;N;EDUCATORE;;N;PIPPI;PROGETTO;S;" + T + ";ATTIVO",
                        "V5;C2;2026-04-01;UVM;SVAMA;S;S;MMG;;N;DOPO_DI_NOI;PROGETTO;;" + T + ";ATTIVO",
                        "V6;C4;2025-03-01;UVM;SVAMA;S;S;AS_AMBITO;ALTO;S;DOPO_DI_NOI;PROGETTO;;" + T + ";ATTIVO",
                        "V7;C3;2025-05-01;UVM;SVAMA;S;S;AS_AMBITO;ALTO;S;DOPO_DI_NOI;PROGETTO;;" + T + ";ATTIVO")
                .file("progetti.csv", PR,
                        "PR1;C1;V1;PAI;2025-02-01;;;S;SAD|PASTI;S;" + T + ";ATTIVO",
                        "PR2;C1;;PAI;2025-03-01;;2025-12-31;N;SAD;N;" + T + ";ATTIVO",
                        "PR3;C2;;PROGETTO_PIPPI;2025-05-01;;2026-02-28;N;EDUCATIVA_DOMICILIARE;N;" + T + ";ATTIVO",
                        "PR4;C2;;PAI;2025-06-01;;2025-09-30;N;SAD;N;" + T + ";ATTIVO",
                        "PR5;C4;;PROGETTO_PIPPI;2025-04-01;;;N;EDUCATIVA_DOMICILIARE;N;" + T + ";ATTIVO",
                        "PR6;C3;;PAI;2025-03-01;;;S;SAD;S;" + T + ";ATTIVO")
                .file("dimissioni_protette.csv", D,
                        "D1;P1;C1;OSPEDALE;2025-01-02;2025-01-05;2025-01-09;DOMICILIO;S;S;S;S;N;" + T + ";ATTIVO",
                        "D2;P2;;OSPEDALE;2025-04-28;2025-05-01;2025-05-11;DOMICILIO;S;N;N;N;N;" + T + ";ATTIVO",
                        "D3;P1;C1;OSPEDALE;2026-01-30;2026-02-01;2026-02-04;STRUTTURA_RESIDENZIALE;S;S;S;S;N;" + T + ";ATTIVO",
                        "D4;P4;;OSPEDALE;2025-03-01;2025-03-02;2025-03-05;DOMICILIO;S;N;S;S;N;" + T + ";ATTIVO",
                        "D5;P2;C99;OSPEDALE;2025-07-01;2025-07-02;2025-07-20;DOMICILIO;S;S;S;S;N;" + T + ";ATTIVO")
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
                        act("A15", "2026-07-01", "SPORTELLO_APERTURA", "SVOLTA", "208", "0", "N"),
                        act("A16", "2027-01-05", "FORMAZIONE_OPERATORI", "PREVISTA", "3", "0", "N"))
                .write();
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20270110T020000")
                .file("persone.csv", P, "Q1;" + X + ";F;1940-03-01;012070;ITA;" + T + ";ATTIVO",
                        "Q2;" + Z + ";M;1945-05-05;012070;ITA;" + T + ";ATTIVO")
                .file("prese_in_carico.csv", C,
                        "K1;Q1;AMB-GALLARATE;012070;ANZIANI;PUA;2025-04-01;;;S;S;" + T + ";ATTIVO",
                        "K2;Q2;AMB-GALLARATE;012070;DISABILI;PUA;2026-01-10;;;N;N;" + T + ";ATTIVO")
                .file("valutazioni.csv", VAL, "W1;K1;2025-04-10;UVM;SVAMA;S;N;AS_COMUNE;ALTO;S;SAD;PROGETTO;;" + T + ";ATTIVO")
                .file("progetti.csv", PR, "G1;K1;W1;PAI;2025-05-01;;;S;SAD;N;" + T + ";ATTIVO")
                .file("attivita.csv", ACT,
                        "B1;AMB-GALLARATE;2025-03-01;SPORTELLO_APERTURA;SVOLTA;260;5;0;0;N;" + T + ";ATTIVO",
                        "B2;AMB-GALLARATE;2025-04-01;SPORTELLO_ACCESSO;SVOLTA;1;1;0;0;N;" + T + ";ATTIVO")
                .write();
        // contract 1.2 (Contract12Test has the rest): Gallarate's milestones, GT4 planned for 31/12/2026, then postponed
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20270105T020000").spec("1.2")
                .file("traguardi.csv", TRA, "GT4;AMB-GALLARATE;SCAMBIO_DATI_CSI;SISTEMA_INFORMATIVO;;2026-12-31;PREVISTO;;;2027-01-02T10:00:00;ATTIVO")
                .write();
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20270111T020000").spec("1.2")
                .file("traguardi.csv", TRA,
                        "GT1;AMB-GALLARATE;PROTOCOLLO_PUA;PUA;;2025-06-30;RAGGIUNTO;2025-06-10;Delibera 7/2025;" + T + ";ATTIVO",
                        "GT2;AMB-GALLARATE;PROTOCOLLO_DIMISSIONI;DIMISSIONI_PROTETTE;;2026-03-31;RAGGIUNTO;2026-05-15;;" + T + ";ATTIVO",
                        "GT3;AMB-GALLARATE;MAPPATURA_RISORSE;SISTEMA_INFORMATIVO;;2026-09-30;PREVISTO;;;" + T + ";ATTIVO",
                        "GT4;AMB-GALLARATE;SCAMBIO_DATI_CSI;SISTEMA_INFORMATIVO;;2027-06-30;PREVISTO;;;2027-01-10T10:00:00;ATTIVO",
                        "GT5;AMB-GALLARATE;ALTRO;LAVORO;Tavolo con le parti sociali;2026-06-30;NON_PIU_PREVISTO;;;" + T + ";ATTIVO")
                .write();
        // a delivery whose prese_in_carico.csv lacks the column data_chiusura: rejected whole, its persone.csv too
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20270112T020000")
                .file("persone.csv", P, "Q3;" + TestDeliveries.taxCode("VRDLGU60A01F205") + ";M;1960-01-01;012070;ITA;" + T + ";ATTIVO")
                .file("prese_in_carico.csv", C.replace(";data_chiusura", ""),
                        "K3;Q3;AMB-GALLARATE;012070;ANZIANI;PUA;2026-01-10;;N;N;" + T + ";ATTIVO")
                .write();
        // S 2025-S1 first sent with Y's SAD, then re-sent without it: only the second counts
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250710T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 1, 6, Y, "SAD"), flusso("AMB-SARONNO", 2025, 1, 3, X, "PASTI")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250720T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 1, 3, X, "PASTI")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20260110T020000").period("2025-07-01", "2025-12-31")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 2, 8, X, "PASTI")).write();
        // 2025-S2 corrected on 01/06/2026, after the deadline: a correction, the semester stays on time
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20260601T020000").period("2025-07-01", "2025-12-31")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2025, 2, 8, X, "PASTI")).write();
        // 2026-S1: a service without a named beneficiary (100 euro) and one delivered in Rome (outside the reference)
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20260710T020000").period("2026-01-01", "2026-06-30")
                .file("prestazioni.csv", F, flusso("AMB-SARONNO", 2026, 1, 2, X, "SAD"),
                        "AMB-SARONNO;012119;2026;1;3;;PRONTO_INTERVENTO_SOCIALE;;ACCESSI;1;100,00;0;0;FNPS",
                        "AMB-SARONNO;058091;2026;1;4;" + X + ";PASTI;;PASTI;2;10,00;0;0;FNA").write();
        // Gallarate's 2025-S2 comes on 01/04/2026, after the deadline of 01/03/2026: late
        TestDeliveries.of(landing, "FLUSSO", "AMB-GALLARATE", "20260401T020000").period("2025-07-01", "2025-12-31")
                .file("prestazioni.csv", F, flusso("AMB-GALLARATE", 2025, 2, 10, Z, "PASTI")).write();
        // Gallarate sends SAD for Y, a person of Saronno's case C2: it does not complete Saronno's record
        TestDeliveries.of(landing, "FLUSSO", "AMB-GALLARATE", "20250710T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-GALLARATE", 2025, 1, 7 - 1, Y, "SAD"), flusso("AMB-GALLARATE", 2025, 1, 5, X, "SAD")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-ALTO-MILANESE", "20250710T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", F, flusso("AMB-ALTO-MILANESE", 2025, 1, 2, W, "SAD")).write();

        Pseudonymizer p = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
        // up to the anomalies: what the indicator, report and CLI tests read (no publication, no export)
        var result = new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(AS_OF, false).until(StageId.ANOMALIES));
        assertEquals(12, result.count(it.cabina.etl.landing.LedgerEntry.Status.LOADED));
        assertEquals(1, result.count(it.cabina.etl.landing.LedgerEntry.Status.REJECTED));
        assertEquals(SET_ASIDE, result.rowsSetAside());
        return ctx;
    }
}
