package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;

import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TestDeliveries;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Versions whatever the arrival order, ties, withdrawals, FULL replacement, duplicates, rejections, zips, replays. Each
 * test stops the nightly where its assertion lives: the current state after silver, rejections after the ledger; what
 * a night keeps needs finished nights (a run stopped early is redone whole by the next).
 */
class VersioningAndReplayTest {
    static final Pseudonymizer PSEUDO = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
    static final String CF1 = TestDeliveries.taxCode("RSSMRA40C41F205");
    static final String CF2 = TestDeliveries.taxCode("BNCLGU50A01F205");
    static final String P_HEAD = "id_persona;codice_fiscale;sesso;data_nascita;comune_residenza;cittadinanza;aggiornato_il;stato_record";
    static final String C_HEAD = "id_presa_in_carico;id_persona;codice_ambito;comune_competenza;area_utenza;canale_accesso;data_apertura;data_chiusura;motivo_chiusura;condizione_complessa;integrata_asst;aggiornato_il;stato_record";
    static final String F_HEAD = "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento";

    @TempDir
    Path tmp;

    static String kase(String id, String person, String area, String updated, String status) {
        return id + ";" + person + ";AMB-SARONNO;012119;" + area + ";PUA;2025-01-05;;;N;N;" + updated + ";" + status;
    }

    static String service(int month, String cf, String qty) {
        return "AMB-SARONNO;012119;2025;1;" + month + ";" + cf + ";SAD;;ORE;" + qty + ";100,00;10,00;0;FNA";
    }

    /** The four CSI deliveries and two FLUSSO deliveries of the scenario, written into a landing folder. */
    static Map<String, TestDeliveries> scenario(Path landing) {
        return new TreeMap<>(Map.of(
                "D1", TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250301T020000")
                        .file("persone.csv", P_HEAD, "P1;" + CF1 + ";F;1940-03-01;012119;ITA;2025-02-10T10:00:00;ATTIVO",
                                "P2;" + CF2 + ";M;1950-01-01;012119;ITA;2025-02-10T10:00:00;ATTIVO")
                        .file("prese_in_carico.csv", C_HEAD, kase("C1", "P1", "ANZIANI", "2025-02-10T10:00:00", "ATTIVO"),
                                kase("C2", "P2", "ANZIANI", "2025-02-10T10:00:00", "ATTIVO"),
                                // two versions with the same timestamp in one delivery: the later line wins
                                kase("C3", "P2", "ANZIANI", "2025-02-10T10:00:00", "ATTIVO"),
                                kase("C3", "P2", "DISABILI", "2025-02-10T10:00:00", "ATTIVO")),
                "D2", TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250401T020000")
                        .file("prese_in_carico.csv", C_HEAD, kase("C1", "P1", "DISABILI", "2025-03-20T10:00:00", "ATTIVO"),
                                kase("C2", "P2", "ANZIANI", "2025-03-20T10:00:00", "ANNULLATO")),
                // arrives later, but carries an older version of C1: it must not win
                "D3", TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250501T020000")
                        .file("prese_in_carico.csv", C_HEAD, kase("C1", "P1", "MINORI_FAMIGLIA", "2025-03-01T10:00:00", "ATTIVO")),
                // same timestamp as D2's version of C1: the later delivery wins
                "D4", TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250601T020000")
                        .file("prese_in_carico.csv", C_HEAD, kase("C1", "P1", "POVERTA_INCLUSIONE", "2025-03-20T10:00:00", "ATTIVO")),
                "F1", TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250715T020000").period("2025-01-01", "2025-06-30")
                        .file("prestazioni.csv", F_HEAD, service(1, CF1, "5"), service(2, CF1, "6")),
                // the semester sent again: replaces F1 whole
                "F2", TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250730T020000").period("2025-01-01", "2025-06-30")
                        .file("prestazioni.csv", F_HEAD, service(3, CF2, "7"))));
    }

    static NightlyResult nightly(CabinaContext ctx, StageId until) {
        return new Nightly(ctx, PSEUDO, Progress.silent()).run(new NightlyOptions(LocalDate.of(2025, 12, 31), false).until(until));
    }

    /** Drops the deliveries of the scenario named by {@code ids} into the landing and runs a nightly up to that stage. */
    static void night(CabinaContext ctx, StageId until, Map<String, TestDeliveries> scenario, String... ids) {
        for (String id : ids) write(scenario.get(id));
        nightly(ctx, until);
    }

    static CabinaContext context(Path root) {
        return CabinaContext.create(SparkTestSession.config().withPaths(root.resolve("landing").toString(),
                root.resolve("wh").toString(), root.resolve("rep").toString()), SparkTestSession.get());
    }

    /** The current cases that count (silver, without an exclusion), with their area. */
    static Map<String, String> caseAreas(CabinaContext ctx) {
        return ctx.store().read(Table.silver("CSI", "prese_in_carico")).filter("esclusione is null").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("id_presa_in_carico"), r -> r.<String>getAs("area_utenza"), (a, b) -> a + "," + b, TreeMap::new));
    }

    static List<String> services(CabinaContext ctx) {
        return ctx.store().read(Table.silver("FLUSSO", "prestazioni")).orderBy("mese").collectAsList().stream()
                .map(r -> r.getAs("mese") + ":" + r.getAs("quantita").toString().replaceAll("\\.0+$", "")).toList();
    }

    @Test
    void latestVersionWinsWhateverTheArrivalOrder() throws IOException {
        // order A: everything in one night
        CabinaContext a = context(tmp.resolve("a"));
        scenario(tmp.resolve("a/landing")).values().forEach(d -> write(d));
        assertEquals(6, nightly(a, StageId.SILVER).count(LedgerEntry.Status.LOADED));

        // order B: the newest first, the oldest last, one night each
        CabinaContext b = context(tmp.resolve("b"));
        Map<String, TestDeliveries> s = scenario(tmp.resolve("b/landing"));
        night(b, StageId.SILVER, s, "D1", "D4", "F2");
        night(b, StageId.SILVER, s, "D3", "F1");
        night(b, StageId.SILVER, s, "D2");

        Map<String, String> expected = Map.of("C1", "POVERTA_INCLUSIONE", "C3", "DISABILI"); // C2 withdrawn
        assertEquals(expected, caseAreas(a));
        assertEquals(expected, caseAreas(b));
        assertEquals(List.of("3:7"), services(a), "F2 replaces F1 for 2025-S1");
        assertEquals(List.of("3:7"), services(b), "F2 still wins when F1 arrives after it");
    }

    @Test
    void replaysDuplicatesAndConflictsChangeNothing() throws IOException {
        CabinaContext ctx = context(tmp);
        Path landing = tmp.resolve("landing");
        Map<String, TestDeliveries> s = scenario(landing);
        write(s.get("D1"));
        write(s.get("F1"));
        nightly(ctx, StageId.SILVER);
        Map<String, List<String>> before = snapshot(ctx);

        // nothing new: nothing changes
        NightlyResult idle = nightly(ctx, StageId.SILVER);
        assertTrue(idle.entries().isEmpty());
        assertEquals(before, snapshot(ctx));

        // the same delivery again under another folder name: skipped and reported
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250302T020000")
                .file("persone.csv", P_HEAD, "P1;" + CF1 + ";F;1940-03-01;012119;ITA;2025-02-10T10:00:00;ATTIVO",
                        "P2;" + CF2 + ";M;1950-01-01;012119;ITA;2025-02-10T10:00:00;ATTIVO")
                .file("prese_in_carico.csv", C_HEAD, kase("C1", "P1", "ANZIANI", "2025-02-10T10:00:00", "ATTIVO"),
                        kase("C2", "P2", "ANZIANI", "2025-02-10T10:00:00", "ATTIVO"),
                        kase("C3", "P2", "ANZIANI", "2025-02-10T10:00:00", "ATTIVO"),
                        kase("C3", "P2", "DISABILI", "2025-02-10T10:00:00", "ATTIVO"))
                .id("CSI-AMB-SARONNO-20250301T020000").write();
        // the same id with other content: rejected
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250303T020000").id("CSI-AMB-SARONNO-20250301T020000")
                .file("persone.csv", P_HEAD, "P1;" + CF1 + ";F;1940-03-01;012119;ITA;2025-02-11T10:00:00;ATTIVO").write();
        NightlyResult replay = nightly(ctx, StageId.SILVER);
        assertEquals(1, replay.count(LedgerEntry.Status.DUPLICATE));
        assertEquals(1, replay.count(LedgerEntry.Status.REJECTED));
        assertEquals(NightlyResult.PARTIAL, replay.exitCode());
        assertEquals(before, snapshot(ctx));
        assertTrue(Files.isDirectory(landing.resolve("_rejected/CSI_AMB-SARONNO_20250303T020000")), "kept for inspection");
        assertTrue(Files.isDirectory(landing.resolve("_archive/CSI_AMB-SARONNO_20250301T020000")));
    }

    @Test
    void theFlussoAggregatesAreKeptOnANightWithoutFlussoAndRebuiltWhenItArrives() throws IOException {
        CabinaContext ctx = context(tmp.resolve("nights"));
        Map<String, TestDeliveries> s = scenario(tmp.resolve("nights/landing"));
        night(ctx, null, s, "D1", "F1");
        String prestazioni = ctx.store().stamp(Tables.AGG_PRESTAZIONI);
        String spesa = ctx.store().stamp(Tables.AGG_SPESA);
        String casi = ctx.store().stamp(Tables.AGG_CASI);
        List<Table> unchanged = List.of(Tables.FACT_SERVICE_MONTH, Tables.DIM_CODE, Tables.DIM_TERRITORY, Tables.DIM_AMBITO);
        List<String> before = unchanged.stream().map(ctx.store()::stamp).toList();
        assertEquals(11.0, sadHours(ctx), "F1: 5 + 6 hours");

        night(ctx, null, s, "D2"); // CSI only: the FLUSSO rows and the territory are as they were
        assertEquals(prestazioni, ctx.store().stamp(Tables.AGG_PRESTAZIONI), "agg_prestazioni kept");
        assertEquals(spesa, ctx.store().stamp(Tables.AGG_SPESA), "agg_spesa kept");
        assertNotEquals(casi, ctx.store().stamp(Tables.AGG_CASI), "agg_casi reads the cases D2 changed: rebuilt");
        assertEquals(before, unchanged.stream().map(ctx.store()::stamp).toList(),
                "the FLUSSO summary, and the dimensions of the reference that came out the same, are not rewritten");

        // what was kept is what the same deliveries give in one night
        CabinaContext once = context(tmp.resolve("once"));
        // (this night and the last one are followed by no other: they stop after the aggregates they are checked on)
        night(once, StageId.AGGREGATES, scenario(tmp.resolve("once/landing")), "D1", "F1", "D2");
        for (Table t : List.of(Tables.AGG_PRESTAZIONI, Tables.AGG_SPESA, Tables.AGG_CASI, Tables.FACT_SERVICE_MONTH,
                Tables.DIM_PERSON, Tables.DIM_TERRITORY)) {
            assertEquals(rows(once, t), rows(ctx, t), t.name());
        }

        night(ctx, StageId.AGGREGATES, s, "F2"); // the semester sent again
        assertNotEquals(prestazioni, ctx.store().stamp(Tables.AGG_PRESTAZIONI), "new FLUSSO rows: rebuilt");
        assertEquals(7.0, sadHours(ctx), "F2 replaces F1");
    }

    static double sadHours(CabinaContext ctx) {
        return ctx.store().read(Tables.AGG_PRESTAZIONI)
                .where("livello = 'AMBITO' and codice_prestazione = 'SAD' and unita_misura = 'ORE'")
                .selectExpr("cast(sum(quantita) as double)").head().getDouble(0);
    }

    static List<String> rows(CabinaContext ctx, Table t) {
        return ctx.store().read(t).toJSON().collectAsList().stream().sorted().toList();
    }

    @Test
    void invalidDeliveriesAreRejectedWholeWithTheirReason() throws IOException {
        CabinaContext ctx = context(tmp);
        Path landing = tmp.resolve("landing");
        String row = "P1;" + CF1 + ";F;1940-03-01;012119;ITA;2025-02-10T10:00:00;ATTIVO";
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000001").file("persone.csv", P_HEAD, row)
                .write(m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("files").get(0)).put("sha256", "00"));
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000002").file("persone.csv", P_HEAD, row)
                .write(m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("files").get(0)).put("records", 2));
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000003").file("persone.csv", P_HEAD, row)
                .write(m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("files")).addObject()
                        .put("name", "attivita.csv").put("records", 1).put("sha256", "ab"));
        TestDeliveries.of(landing, "CSI", "AMB-NOWHERE", "20250101T000004").file("persone.csv", P_HEAD, row).write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250101T000005").period("2025-01-01", "2025-12-31")
                .file("prestazioni.csv", F_HEAD, service(1, CF1, "5")).write();
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000006")
                .file("persone.csv", P_HEAD.replace("codice_fiscale;", ""), "P1;F;1940-03-01;012119;ITA;2025-02-10T10:00:00;ATTIVO").write();
        NightlyResult r = nightly(ctx, StageId.LEDGER);
        assertEquals(6, r.count(LedgerEntry.Status.REJECTED));
        Map<String, String> reasons = r.entries().stream().collect(Collectors.toMap(LedgerEntry::deliveryName, e -> String.join("; ", e.reasons())));
        assertTrue(reasons.get("CSI_AMB-SARONNO_20250101T000001").contains("persone.csv: sha256"));
        assertTrue(reasons.get("CSI_AMB-SARONNO_20250101T000002").contains("persone.csv: 1 data rows read, the manifest says 2"));
        assertTrue(reasons.get("CSI_AMB-SARONNO_20250101T000003").contains("attivita.csv is listed in the manifest but missing"));
        assertTrue(reasons.get("CSI_AMB-NOWHERE_20250101T000004").contains("unknown sender 'AMB-NOWHERE'"));
        assertTrue(reasons.get("FLUSSO_AMB-SARONNO_20250101T000005").contains("not one calendar semester"));
        assertTrue(reasons.get("CSI_AMB-SARONNO_20250101T000006").contains("column 'codice_fiscale' is missing"));
        assertFalse(ctx.store().exists(Table.bronze("CSI", "persone")) && ctx.store().read(Table.bronze("CSI", "persone")).count() > 0);
        assertEquals(6, ctx.store().read(Tables.LEDGER).count());
        assertEquals(0, nightly(ctx, StageId.LEDGER).entries().size(), "rejected deliveries were moved aside and are not seen again");
    }

    @Test
    void aZippedDeliveryLoadsLikeAFolder() throws IOException {
        CabinaContext ctx = context(tmp);
        Path landing = tmp.resolve("landing");
        Path zip = scenario(landing).get("D1").writeZipped();
        Path folder = landing.resolve(zip.getFileName().toString().replace(".zip", ""));
        NightlyResult r = nightly(ctx, StageId.SILVER);
        assertEquals(1, r.count(LedgerEntry.Status.LOADED));
        assertEquals(Map.of("C1", "ANZIANI", "C2", "ANZIANI", "C3", "DISABILI"), caseAreas(ctx));
        assertTrue(Files.exists(landing.resolve("_archive/" + folder.getFileName() + ".zip")));
        assertFalse(Files.exists(landing.resolve("_staging/" + folder.getFileName())));
    }

    /** Every row of every silver and gold table, sorted: the content a replay must not change. */
    static Map<String, List<String>> snapshot(CabinaContext ctx) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Table t : ctx.store().list()) {
            if (t.layer() == it.cabina.warehouse.tables.Layer.OPS) continue;
            out.put(t.name(), rows(ctx, t));
        }
        return out;
    }

    static void write(TestDeliveries d) {
        try {
            d.write();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
