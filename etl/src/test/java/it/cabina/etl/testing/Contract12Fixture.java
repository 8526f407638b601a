package it.cabina.etl.testing;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.etl.pipeline.StageId;
import it.cabina.etl.pseudonym.Pseudonymizer;

import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nights of a region migrating to contract 1.2, whose indicator values are worked out by hand (Contract12Test).
 * Saronno (S) and Gallarate (G) make up ASST 030711.
 * <ul>
 *   <li>Night 1, run date 01/02/2026: S sends CSI and FLUSSO under 1.1 (its SEDUTA_EVM activity and its CASA_RIFUGIO
 *       row break the code rule; a second CSI delivery of S, 1.1, carries traguardi.csv and is rejected whole); G sends
 *       everything under 1.2, with topics, the violence flag, shelter spending and five milestones.</li>
 *   <li>Night 2, run date 15/01/2027: S moves to 1.2 — re-sends its cases still open with the violence flag, its
 *       activities with their topics, its 2025-S1 FLUSSO, and sends 2025-S2, a milestone and more projects; G postpones
 *       milestone TG5 to 30/06/2026 (reached on 20/06/2026), opens case K6 with the violence flag left empty (unknown in
 *       a 1.2 delivery), and sends a milestone RAGGIUNTO without its date (set aside).</li>
 * </ul>
 * Person X is followed by both S and G. S's closed case C3 (2024 only) is never re-sent: its flag stays unknown.
 */
public final class Contract12Fixture {
    private Contract12Fixture() {}

    public static final LocalDate NIGHT1 = LocalDate.of(2026, 2, 1);
    public static final LocalDate NIGHT2 = LocalDate.of(2027, 1, 15);

    public static final String X = TestDeliveries.taxCode("RSSMRA40C41F205");
    public static final String Y = TestDeliveries.taxCode("BNCLGU50A01F205");
    public static final String V = TestDeliveries.taxCode("VRDGPP50A01F205");
    public static final String W = TestDeliveries.taxCode("BLUMRC60B02F205");
    public static final String Z1 = TestDeliveries.taxCode("NRIPLA45E45F205");
    public static final String Z2 = TestDeliveries.taxCode("FRRGLI80A41F205");
    public static final String Z3 = TestDeliveries.taxCode("CSTLRA10A41F205");

    static final String T1 = "2026-01-15T10:00:00";
    static final String T2 = "2027-01-05T10:00:00";
    public static final String C12 = IndicatorFixture.C.replace(";aggiornato_il", ";vittima_violenza;aggiornato_il");
    public static final String ACT12 = IndicatorFixture.ACT.replace(";aggiornato_il", ";tema;aggiornato_il");
    public static final String TRA = IndicatorFixture.TRA;

    /**
     * The two nights' results, and the indicator values of the first as they were before the second (a night stopped
     * early is unfinished: the next one removes what it wrote, as after a crash).
     */
    public record Nights(CabinaContext ctx, NightlyResult first, NightlyResult second, List<Row> firstValues) {}

    static String act(String ambito, String id, String date, String type, String status, String tema, String t) {
        return id + ";" + ambito + ";" + date + ";" + type + ";" + status + ";2;5;1;0;S;" + (tema == null ? "" : tema + ";") + t + ";ATTIVO";
    }

    static String g(String id, String date, String type, String status, String tema) {
        return act("AMB-GALLARATE", id, date, type, status, tema, T1);
    }

    static String s(String id, String date, String type, String tema, String t) {
        return act("AMB-SARONNO", id, date, type, "SVOLTA", tema, t);
    }

    static String flusso(String ambito, String comune, int sem, int month, String cf, String code, String unit, String qty, String spend) {
        return ambito + ";" + comune + ";2025;" + sem + ";" + month + ";" + cf + ";" + code + ";;" + unit + ";" + qty + ";" + spend + ";0;0;FNPS";
    }

    /** Writes both nights' deliveries under {@code tmp/landing} and runs them into {@code tmp/wh}, up to the aggregates' checks. */
    public static Nights build(Path tmp) throws IOException {
        Path landing = tmp.resolve("landing");
        CabinaContext ctx = CabinaContext.create(SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(),
                tmp.resolve("reports").toString()), SparkTestSession.get());
        Pseudonymizer p = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20260120T020000").spec("1.1")
                .file("persone.csv", IndicatorFixture.P, "S1;" + X + ";F;1940-03-01;012119;ITA;" + T1 + ";ATTIVO",
                        "S2;" + Y + ";M;1950-01-01;012119;ITA;" + T1 + ";ATTIVO",
                        "S3;" + V + ";M;1950-01-01;012119;ITA;" + T1 + ";ATTIVO",
                        "S4;" + W + ";M;1960-02-02;012119;ITA;" + T1 + ";ATTIVO")
                .file("prese_in_carico.csv", IndicatorFixture.C,
                        "C1;S1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-10;;;S;S;" + T1 + ";ATTIVO",
                        "C2;S2;AMB-SARONNO;012119;MINORI_FAMIGLIA;AUTORITA_GIUDIZIARIA;2025-02-01;;;N;S;" + T1 + ";ATTIVO",
                        "C3;S3;AMB-SARONNO;012119;ANZIANI;PUA;2024-02-01;2024-12-31;OBIETTIVI_RAGGIUNTI;N;N;" + T1 + ";ATTIVO",
                        "C4;S4;AMB-SARONNO;012119;ANZIANI;PUA;2025-03-01;;;N;S;" + T1 + ";ATTIVO")
                .file("valutazioni.csv", IndicatorFixture.VAL,
                        "VS1;C2;2025-02-15;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;S;EDUCATORE|PSICOLOGO;;N;PIPPI;PROGETTO;;" + T1 + ";ATTIVO",
                        "VS3;C1;2025-03-10;UVM;SVAMA;S;S;PLS|AS_AMBITO;ALTO;S;SAD;PROGETTO;;" + T1 + ";ATTIVO",
                        "VS4;C4;2025-09-01;UVM;SVAMA;S;N;AS_AMBITO;ALTO;S;SAD;PROGETTO;;" + T1 + ";ATTIVO",
                        "VS5;C1;2025-10-01;EEMM;SCHEDA_UNICA_DISTRETTO;S;N;AS_COMUNE|MMG;MEDIO;N;ADI_INCLUSIONE;IN_CORSO;;" + T1 + ";ATTIVO")
                .file("progetti.csv", IndicatorFixture.PR,
                        "PRs1;C2;;PROGETTO_PIPPI;2025-03-01;;2025-12-31;N;EDUCATIVA_DOMICILIARE;N;" + T1 + ";ATTIVO",
                        "PRs4;C1;VS3;PAI;2025-05-04;;2025-06-30;S;SAD;S;" + T1 + ";ATTIVO",
                        "PRs6;C4;VS4;PAI;2025-11-01;;;S;SAD;S;" + T1 + ";ATTIVO")
                .file("dimissioni_protette.csv", IndicatorFixture.D,
                        "DS1;S1;C1;OSPEDALE;2025-03-30;2025-04-01;2025-04-04;DOMICILIO;S;S;S;S;N;" + T1 + ";ATTIVO",
                        "DS2;S2;;OSPEDALE;2025-04-28;2025-04-30;2025-05-01;DOMICILIO;S;N;N;N;N;" + T1 + ";ATTIVO",
                        "DS3;S2;;OSPEDALE;2025-10-28;2025-10-30;2025-11-01;DOMICILIO;S;N;N;N;N;" + T1 + ";ATTIVO",
                        "DS5;S4;C4;OSPEDALE;2025-09-28;2025-09-30;2025-10-01;DOMICILIO;S;S;S;S;N;" + T1 + ";ATTIVO")
                .file("attivita.csv", IndicatorFixture.ACT,
                        s("SA1", "2025-02-01", "INCONTRO_CPI", null, T1), s("SA2", "2025-03-01", "INCONTRO_CPI", null, T1),
                        s("SA3", "2025-04-01", "INCONTRO_CPI", null, T1), s("SA4", "2025-05-01", "FORMAZIONE_OPERATORI", null, T1),
                        s("SA5", "2025-06-01", "SEDUTA_EVM", null, T1))
                .write();
        // milestones in a 1.1 delivery: the whole delivery is rejected
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20260120T030000").spec("1.1")
                .file("traguardi.csv", TRA, "TS0;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;PREVISTO;;;" + T1 + ";ATTIVO").write();
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20260120T020000").spec("1.2")
                .file("persone.csv", IndicatorFixture.P, "Q1;" + X + ";F;1940-03-01;012070;ITA;" + T1 + ";ATTIVO",
                        "Qa;" + Z1 + ";F;1945-05-05;012070;ITA;" + T1 + ";ATTIVO",
                        "Qb;" + Z2 + ";F;1980-01-01;012070;ITA;" + T1 + ";ATTIVO",
                        "Qc;" + Z3 + ";F;2010-01-01;012070;ITA;" + T1 + ";ATTIVO")
                .file("prese_in_carico.csv", C12,
                        "K1;Qa;AMB-GALLARATE;012070;ADULTI_FRAGILI;PUA;2025-02-01;;;N;N;S;" + T1 + ";ATTIVO",
                        "K2;Qb;AMB-GALLARATE;012070;MINORI_FAMIGLIA;AUTORITA_GIUDIZIARIA;2025-03-01;;;N;S;N;" + T1 + ";ATTIVO",
                        "K3;Qc;AMB-GALLARATE;012070;MINORI_FAMIGLIA;AUTORITA_GIUDIZIARIA;2025-05-01;;;N;N;N;" + T1 + ";ATTIVO",
                        "K4;Q1;AMB-GALLARATE;012070;ANZIANI;PUA;2025-01-15;;;S;N;N;" + T1 + ";ATTIVO")
                .file("valutazioni.csv", IndicatorFixture.VAL,
                        "VG1;K3;2025-05-15;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;S;EDUCATORE;;N;PIPPI;PROGETTO;;" + T1 + ";ATTIVO",
                        "VG2;K2;2025-06-01;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;S;EDUCATORE;;N;PIPPI;PROGETTO;;" + T1 + ";ATTIVO",
                        "VG3;K2;2025-07-01;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;N;EDUCATORE;;N;PIPPI;PROGETTO;;" + T1 + ";ATTIVO",
                        "VG4;K4;2025-04-01;UVM;SVAMA;S;S;AS_COMUNE|MMG;ALTO;S;B2;PROGETTO;;" + T1 + ";ATTIVO",
                        "VG5;K4;2025-08-01;UVM;SVAMA;S;N;AS_COMUNE;ALTO;S;B2;PROGETTO;;" + T1 + ";ATTIVO",
                        "VG6;K1;2025-09-15;UVM;SVAMA;S;N;PLS;MEDIO;N;SAD;PROGETTO;;" + T1 + ";ATTIVO")
                .file("progetti.csv", IndicatorFixture.PR,
                        "PRg1;K3;;PROGETTO_PIPPI;2025-06-01;;;N;EDUCATIVA_DOMICILIARE;N;" + T1 + ";ATTIVO",
                        "PGs1;K1;;PAI;2025-03-25;;2025-06-30;S;SAD;S;" + T1 + ";ATTIVO",
                        "PGs2;K2;;PAI;2025-08-15;;;S;SAD;S;" + T1 + ";ATTIVO")
                .file("dimissioni_protette.csv", IndicatorFixture.D,
                        "DG1;Qa;K1;OSPEDALE;2025-03-05;2025-03-07;2025-03-10;DOMICILIO;S;S;S;S;N;" + T1 + ";ATTIVO",
                        "DG2;Q1;;OSPEDALE;2025-08-05;2025-08-07;2025-08-10;DOMICILIO;S;S;S;S;N;" + T1 + ";ATTIVO",
                        "DG3;Qb;K2;OSPEDALE;2025-08-25;2025-08-28;2025-09-01;DOMICILIO;S;S;S;S;N;" + T1 + ";ATTIVO")
                .file("attivita.csv", ACT12,
                        g("GA1", "2025-02-10", "SEDUTA_EVM", "SVOLTA", "VALUTAZIONE_MULTIDIMENSIONALE"),
                        g("GA2", "2025-05-10", "SEDUTA_EVM", "SVOLTA", "VALUTAZIONE_MULTIDIMENSIONALE"),
                        g("GA3", "2025-09-10", "SEDUTA_EVM", "PREVISTA", "VALUTAZIONE_MULTIDIMENSIONALE"),
                        g("GA4", "2025-03-01", "INCONTRO_MONITORAGGIO", "SVOLTA", "PUA"),
                        g("GA5", "2025-06-01", "INCONTRO_MONITORAGGIO", "SVOLTA", "PUA"),
                        g("GA6", "2025-07-01", "INCONTRO_MONITORAGGIO", "SVOLTA", "SAD"),
                        g("GA7", "2025-04-01", "FORMAZIONE_OPERATORI", "SVOLTA", "DIMISSIONI_PROTETTE"),
                        g("GA8", "2025-10-01", "FORMAZIONE_OPERATORI", "SVOLTA", "DIMISSIONI_PROTETTE"),
                        g("GA9", "2025-11-01", "FORMAZIONE_OPERATORI", "SVOLTA", "SAD"),
                        g("GA10", "2025-04-15", "INCONTRO_CPI", "SVOLTA", "LAVORO"),
                        g("GA11", "2025-05-15", "TAVOLO_OPERATIVO", "SVOLTA", "PUA"),
                        g("GA12", "2025-06-15", "GRUPPO_TERRITORIALE", "SVOLTA", "PIPPI"),
                        g("GA13", "2025-03-20", "COLLOQUIO_INQUILINO", "SVOLTA", "CASA"),
                        g("GA14", "2025-03-21", "COLLOQUIO_PROPRIETARIO", "SVOLTA", "CASA"))
                .file("traguardi.csv", TRA,
                        "TG1;AMB-GALLARATE;PROTOCOLLO_PUA;PUA;;2025-06-30;RAGGIUNTO;2025-06-15;Delibera 7/2025;" + T1 + ";ATTIVO",
                        "TG2;AMB-GALLARATE;PROTOCOLLO_DIMISSIONI;DIMISSIONI_PROTETTE;;2025-09-30;RAGGIUNTO;2025-10-20;;" + T1 + ";ATTIVO",
                        "TG3;AMB-GALLARATE;MAPPATURA_RISORSE;SISTEMA_INFORMATIVO;;2025-12-31;PREVISTO;;;" + T1 + ";ATTIVO",
                        "TG4;AMB-GALLARATE;ACCORDO_AGENZIA_CASA;CASA;;2025-11-30;NON_PIU_PREVISTO;;;" + T1 + ";ATTIVO",
                        "TG5;AMB-GALLARATE;SCAMBIO_DATI_CSI;SISTEMA_INFORMATIVO;;2025-12-31;PREVISTO;;;" + T1 + ";ATTIVO")
                .write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20260120T020000").spec("1.1").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", IndicatorFixture.F,
                        flusso("AMB-SARONNO", "012119", 1, 3, X, "SAD", "ORE", "1", "10,00"),
                        flusso("AMB-SARONNO", "012119", 1, 4, Y, "CASA_RIFUGIO", "GIORNATE", "30", "900,00")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-GALLARATE", "20260120T020000").spec("1.2").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", IndicatorFixture.F,
                        flusso("AMB-GALLARATE", "012070", 1, 2, Z1, "CASA_RIFUGIO", "GIORNATE", "40", "1200,00"),
                        flusso("AMB-GALLARATE", "012070", 1, 3, Z2, "COMUNITA_MAMMA_BAMBINO", "GIORNATE", "20", "800,50"),
                        flusso("AMB-GALLARATE", "012070", 1, 5, X, "SAD", "ORE", "1", "10,00")).write();
        NightlyResult first = night(ctx, p, NIGHT1);
        assertEquals(4, first.count(LedgerEntry.Status.LOADED));
        assertEquals(1, first.count(LedgerEntry.Status.REJECTED));
        assertEquals(2, first.rowsSetAside(), "S's SEDUTA_EVM activity and CASA_RIFUGIO row, codes of 1.2 in a 1.1 delivery");
        List<Row> firstValues = ctx.store().read(Tables.INDICATOR_VALUES).filter(col("run_id").equalTo(first.runId())).collectAsList();

        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20270110T020000").spec("1.2")
                .file("prese_in_carico.csv", C12,
                        "C1;S1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-10;;;S;S;S;" + T2 + ";ATTIVO",
                        "C2;S2;AMB-SARONNO;012119;MINORI_FAMIGLIA;AUTORITA_GIUDIZIARIA;2025-02-01;;;N;S;N;" + T2 + ";ATTIVO",
                        "C4;S4;AMB-SARONNO;012119;ANZIANI;PUA;2025-03-01;;;N;S;N;" + T2 + ";ATTIVO")
                .file("valutazioni.csv", IndicatorFixture.VAL,
                        "VS2;C2;2026-05-01;PRE_ASSESSMENT;MULTIDIMENSIONALE_PIPPI;N;S;EDUCATORE;;N;PIPPI;PROGETTO;;" + T2 + ";ATTIVO")
                .file("progetti.csv", IndicatorFixture.PR,
                        "PRs2;C2;;PROGETTO_PIPPI;2026-03-31;;;N;EDUCATIVA_DOMICILIARE;N;" + T2 + ";ATTIVO",
                        "PRs3;C2;;PROGETTO_PIPPI;2026-04-10;;;N;EDUCATIVA_DOMICILIARE;N;" + T2 + ";ATTIVO")
                .file("dimissioni_protette.csv", IndicatorFixture.D,
                        "DS4;S2;;OSPEDALE;2026-01-28;2026-01-30;2026-02-01;DOMICILIO;S;N;N;N;N;" + T2 + ";ATTIVO")
                .file("attivita.csv", ACT12,
                        s("SA1", "2025-02-01", "INCONTRO_CPI", "LAVORO", T2), s("SA2", "2025-03-01", "INCONTRO_CPI", "LAVORO", T2),
                        s("SA3", "2025-04-01", "INCONTRO_CPI", "LAVORO", T2), s("SA4", "2025-05-01", "FORMAZIONE_OPERATORI", "DIMISSIONI_PROTETTE", T2),
                        s("SA6", "2025-10-01", "INCONTRO_MONITORAGGIO", "LAVORO", T2), s("SA7", "2025-11-01", "INCONTRO_MONITORAGGIO", "LAVORO", T2))
                .file("traguardi.csv", TRA, "TS1;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;RAGGIUNTO;2025-05-01;;" + T2 + ";ATTIVO")
                .write();
        TestDeliveries.of(landing, "CSI", "AMB-GALLARATE", "20270110T020000").spec("1.2")
                .file("prese_in_carico.csv", C12, "K6;Q1;AMB-GALLARATE;012070;ANZIANI;PUA;2026-05-01;;;N;N;;" + T2 + ";ATTIVO")
                .file("traguardi.csv", TRA,
                        "TG5;AMB-GALLARATE;SCAMBIO_DATI_CSI;SISTEMA_INFORMATIVO;;2026-06-30;RAGGIUNTO;2026-06-20;Determina 40/2026;" + T2 + ";ATTIVO",
                        "TG6;AMB-GALLARATE;PROTOCOLLO_VIOLENZA;VIOLENZA;;2026-09-30;RAGGIUNTO;;;" + T2 + ";ATTIVO")
                .write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20270110T020000").spec("1.2").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", IndicatorFixture.F, flusso("AMB-SARONNO", "012119", 1, 3, X, "SAD", "ORE", "1", "10,00")).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20270110T030000").spec("1.2").period("2025-07-01", "2025-12-31")
                .file("prestazioni.csv", IndicatorFixture.F, flusso("AMB-SARONNO", "012119", 2, 9, Y, "CASA_RIFUGIO", "GIORNATE", "10", "500,00")).write();
        NightlyResult second = night(ctx, p, NIGHT2);
        assertEquals(4, second.count(LedgerEntry.Status.LOADED));
        assertEquals(1, second.rowsSetAside(), "G's milestone TG6, reached without a date");
        return new Nights(ctx, first, second, firstValues);
    }

    private static NightlyResult night(CabinaContext ctx, Pseudonymizer p, LocalDate asOf) {
        return new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(asOf, false).until(StageId.AGGREGATE_CHECKS));
    }
}
