package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;

import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.BuiltOnce;
import it.cabina.etl.testing.NightlyProcess;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TinyLanding;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.tables.Layer;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A nightly killed with SIGKILL at four stages and run again ends with the warehouse of a clean run; a second nightly
 * with nothing new changes nothing (and does the housekeeping); two nightlies never run at once; a damaged zip and a
 * duplicate are set aside; unwritable paths stop the run before it touches anything. One clean run is the reference.
 * All on the tiny landing area ({@link TinyLanding}), so that the child nightlies start and die quickly.
 * <p>
 * The class runs beside the other test classes of the module (its methods one after the other, in order): most of its
 * time is spent waiting for child JVMs, and the test JVM's own nightlies leave part of the two cores idle. So that
 * nothing of the others reaches it, it has a Spark session of its own ({@link SparkTestSession#isolated}) and its own
 * esiti and reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
class FaultToleranceTest {
    static final String KEY = "fault-key-0123456789";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final Duration STAGE_TIMEOUT = Duration.ofMinutes(10);
    /** Stamped by the run, not derived from the deliveries: left out of the comparison. */
    static final Set<String> RUN_COLUMNS = Set.of("run_id", "calcolato_il", "processed_at");

    Path tmp;
    Path generated;
    SparkSession spark;
    CabinaContext clean;
    NightlyResult cleanResult;
    Map<String, List<String>> cleanContent;
    String corruptZip;
    String duplicate;

    @BeforeAll
    void cleanRun() throws Exception {
        tmp = Files.createTempDirectory("cabina-faults");
        spark = SparkTestSession.isolated();
        SparkSession.setActiveSession(spark);
        generated = tmp.resolve("generated");
        // the smallest landing that goes through every stage: the child nightlies are killed on it
        TinyLanding.write(generated);
        addFaultyDeliveries();
        BuiltOnce.copyTree(generated, tmp.resolve("clean/landing"));
        CabinaContext plain = context(tmp.resolve("clean"));
        clean = CabinaContext.create(plain.config().withOperations(withMetrics(plain.config().operations(), tmp.resolve("metrics/cabina.prom"))),
                plain.spark());
        long t0 = System.nanoTime();
        cleanResult = nightly(clean);
        System.out.printf("FaultToleranceTest: clean nightly %.1f s%n", (System.nanoTime() - t0) / 1e9);
        cleanContent = content(clean);
    }

    /** Delta's internals use the thread's active session: this class's, whichever pool thread runs the method. */
    @BeforeEach
    void activeSession() {
        SparkSession.setActiveSession(spark);
    }

    @AfterAll
    void noActiveSession() {
        SparkSession.clearActiveSession();
    }

    /** A zip cut in half (as a transfer that broke off), and an exact copy of a delivery under another folder name. */
    void addFaultyDeliveries() throws IOException {
        try (Stream<Path> s = Files.list(generated)) {
            List<Path> entries = s.sorted().toList();
            Path zip = entries.stream().filter(p -> p.getFileName().toString().startsWith("CSI_") && p.toString().endsWith(".zip")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(zip);
            corruptZip = zip.getFileName().toString().replaceAll("T\\d{6}\\.zip$", "T235959");
            Files.write(generated.resolve(corruptZip + ".zip"), Arrays.copyOf(bytes, bytes.length / 2));
            Path folder = entries.stream().filter(p -> p.getFileName().toString().startsWith("CSI_") && Files.isDirectory(p)).findFirst().orElseThrow();
            duplicate = folder.getFileName().toString().replaceAll("T\\d{6}$", "T235958");
            BuiltOnce.copyTree(folder, generated.resolve(duplicate));
        }
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void theDamagedZipAndTheDuplicateAreSetAsideAndTheRestLoads() {
        Map<String, LedgerEntry> byName = new TreeMap<>();
        cleanResult.entries().forEach(e -> byName.put(e.deliveryName(), e));
        assertEquals(LedgerEntry.Status.REJECTED, byName.get(corruptZip).status());
        assertTrue(byName.get(corruptZip).reasons().get(0).startsWith("archivio zip illeggibile"), byName.get(corruptZip).reasons().toString());
        assertEquals(LedgerEntry.Status.DUPLICATE, byName.get(duplicate).status());
        assertEquals(5, cleanResult.count(LedgerEntry.Status.LOADED), "AFAM, the CSI and FLUSSO of two Ambiti");
        assertEquals(NightlyResult.PARTIAL, cleanResult.exitCode());
        assertTrue(Files.exists(tmp.resolve("clean/landing/_rejected/" + corruptZip + ".zip")));
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void theNightlyWritesItsMetricsForPrometheus() throws IOException {
        Path file = tmp.resolve("metrics/cabina.prom");
        String text = Files.readString(file);
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "written through a temporary file renamed over the metrics file");
        }
        assertTrue(text.contains("cabina_nightly_outcome{outcome=\"partial\"} 1\n") && text.contains("cabina_nightly_outcome{outcome=\"ok\"} 0\n"), text);
        assertTrue(text.contains("cabina_nightly_deliveries{status=\"loaded\"} 5\n"), text);
        assertTrue(text.contains("cabina_nightly_deliveries{status=\"rejected\"} 1\n"), text);
        assertTrue(text.contains("cabina_nightly_deliveries{status=\"duplicate\"} 1\n"), text);
        assertTrue(text.contains("cabina_nightly_rows_received " + cleanResult.rowsReceived() + "\n"), text);
        assertTrue(text.contains("cabina_nightly_rows_loaded " + cleanResult.rowsLoaded() + "\n"), text);
        assertTrue(text.contains("cabina_nightly_rows_set_aside " + cleanResult.rowsSetAside() + "\n") && cleanResult.rowsSetAside() >= 3, text);
        assertTrue(text.contains("cabina_nightly_model_checks_failed 0\n"), text);
        for (StageId stage : List.of(StageId.INTAKE, StageId.BRONZE, StageId.LEDGER, StageId.SILVER, StageId.GOLD, StageId.INDICATORS,
                StageId.AGGREGATES, StageId.EXPORT)) {
            assertTrue(text.contains("cabina_nightly_stage_duration_seconds{stage=\"" + stage.name().toLowerCase() + "\"} "), stage + " in " + text);
        }
        assertTrue(text.contains("cabina_nightly_stage_counted{stage=\"bronze\",what=\"consegne\"} 5\n"), text);
        Matcher run = Pattern.compile("(?m)^cabina_nightly_last_run_timestamp_seconds (\\d+\\.\\d+)$").matcher(text);
        Matcher success = Pattern.compile("(?m)^cabina_nightly_last_success_timestamp_seconds (\\d+\\.\\d+)$").matcher(text);
        assertTrue(run.find() && success.find(), text);
        assertEquals(run.group(1), success.group(1), "a partial night is a success: the load itself went through");
        // every line is a comment, HELP, TYPE, or a sample: name{labels} value
        for (String line : text.lines().toList()) {
            assertTrue(line.startsWith("# ") || line.matches("cabina_[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? -?[0-9.]+"), line);
        }
    }

    static CabinaConfig.Operations withMetrics(CabinaConfig.Operations o, Path file) {
        return new CabinaConfig.Operations(o.lockHeartbeatSeconds(), o.lockStaleMinutes(), o.auditDays(), o.archiveDays(),
                o.rejectedDays(), o.compactMinFiles(), o.housekeepingInNightly(), o.vacuumEveryDays(), file);
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void killedAtFourStagesAndRunAgainGivesTheCleanWarehouse() throws Exception {
        Path root = tmp.resolve("killed");
        BuiltOnce.copyTree(generated, root.resolve("landing"));
        CabinaContext ctx = context(root);
        Pattern runLine = Pattern.compile("Nightly (run-\\S+) ");
        String[] runs = new String[4];
        String loadedFirst;
        long t0 = System.nanoTime();

        // 1. during the bronze load, after the first table; meanwhile a second nightly must refuse to start
        try (NightlyProcess p = child(root)) {
            runs[0] = runId(p, runLine);
            p.await(l -> l.contains("Ricezione e verifica delle consegne ..."), STAGE_TIMEOUT);
            RunLock.BusyException busy = assertThrows(RunLock.BusyException.class, () -> nightly(ctx));
            assertEquals(runs[0], busy.holder().runId());
            assertTrue(busy.getMessage().startsWith("un nightly è in corso") && busy.getMessage().contains("pid " + p.pid()), busy.getMessage());
            loadedFirst = p.await(l -> l.matches(".*\\]   (AFAM|CSI|FLUSSO) .*righe ricevute.*"), STAGE_TIMEOUT);
            p.kill();
        }
        assertFalse(ctx.store().exists(Tables.LEDGER), "nothing recorded as loaded before the ledger commit");
        // file types load side by side: whichever finished first left its rows in bronze
        Matcher first = Pattern.compile("\\]   (AFAM|CSI|FLUSSO) +(\\S+) ").matcher(loadedFirst);
        assertTrue(first.find(), loadedFirst);
        SourceRules rules = ctx.rules().get(first.group(1));
        SourceRules.FileRules file = rules.files().stream().filter(f -> f.name().equals(first.group(2))).findFirst().orElseThrow();
        assertTrue(ctx.store().exists(SourceLoader.bronze(rules, file)), "the killed run left partial bronze rows: " + loadedFirst);

        // 2. right after the ledger commit, before silver
        try (NightlyProcess p = child(root)) {
            runs[1] = runId(p, runLine);
            p.await(l -> l.contains("  registro: "), STAGE_TIMEOUT);
            p.kill();
            assertTrue(p.seen().stream().anyMatch(l -> l.contains("lucchetto abbandonato ripreso") && l.contains(runs[0])), String.join("\n", p.seen()));
        }
        assertEquals(cleanResult.entries().size(), ctx.store().read(Tables.LEDGER).count(), "each delivery recorded once");

        // 3. during gold
        try (NightlyProcess p = child(root)) {
            runs[2] = runId(p, runLine);
            p.await(l -> l.contains("  gold fact_case "), STAGE_TIMEOUT);
            p.kill();
        }

        // 4. during the export, after the indicators were appended
        try (NightlyProcess p = child(root)) {
            runs[3] = runId(p, runLine);
            p.await(l -> l.contains("Esportazioni per gli analisti (riservata e aperta) ..."), STAGE_TIMEOUT);
            p.kill();
        }
        assertTrue(ctx.store().read(Tables.INDICATOR_VALUES).filter(col("run_id").equalTo(runs[3])).count() > 0,
                "the run killed during the export had appended its indicator values");
        System.out.printf("FaultToleranceTest: four killed runs %.1f s%n", (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        NightlyResult rerun = nightly(ctx);
        System.out.printf("FaultToleranceTest: recovering nightly %.1f s%n", (System.nanoTime() - t1) / 1e9);
        assertTrue(rerun.entries().isEmpty(), "nothing left to load: " + rerun.entries());
        assertSameTables(cleanContent, content(ctx), "every bronze, silver, gold and quality table as after a clean run");
        assertEquals(ledger(clean), ledger(ctx));
        assertEquals(exported(clean), exported(ctx), "the analysts' export");

        Map<String, String> status = runStatuses(ctx);
        for (String r : runs) assertEquals("RECOVERED", status.get(r), r + " in " + status);
        assertEquals("FINISHED", status.get(rerun.runId()));
        String takeover = ctx.store().read(Tables.RUNS).filter(col("run_id").equalTo(rerun.runId()).and(col("status").equalTo("STARTED")))
                .first().getAs("lock_taken_over");
        assertTrue(takeover != null && takeover.contains(runs[3]) && takeover.contains("non esiste più"), takeover);
    }

    @Test
    @Order(3)
    @Execution(ExecutionMode.SAME_THREAD)
    void aSecondNightlyWithNothingNewChangesNothingAndDoesTheHousekeeping() throws Exception {
        CabinaConfig.Operations o = clean.config().operations();
        CabinaContext ctx = CabinaContext.create(clean.config().withOperations(new CabinaConfig.Operations(
                o.lockHeartbeatSeconds(), o.lockStaleMinutes(), 0, 0, 0, 2, true, 0)), clean.spark());
        Table fragmented = Tables.QUARANTINE;
        long filesBefore = files(ctx, fragmented);
        assertTrue(filesBefore >= 2, "appended once per source: " + filesBefore);
        Path landing = tmp.resolve("clean/landing");
        assertTrue(count(landing.resolve("_archive")) > 0 && count(landing.resolve("_rejected")) > 0);
        Map<String, List<String>> indicatorsBefore = content(ctx, Tables.INDICATOR_VALUES);

        NightlyResult idle = nightly(ctx);

        assertTrue(idle.entries().isEmpty());
        assertFalse(idle.modelRebuilt());
        assertSameTables(cleanContent, content(ctx), "nothing changes");
        assertEquals(indicatorsBefore, content(ctx, Tables.INDICATOR_VALUES), "not even a new indicator run");
        assertEquals(1, files(ctx, fragmented), "compacted");
        assertThrows(Exception.class, () -> ctx.spark().read().format("delta").option("versionAsOf", 0)
                .load(ctx.store().path(fragmented)).collectAsList(), "retention 0: the files of the first version are vacuumed");
        assertEquals(0, count(landing.resolve("_archive")), "archived deliveries past retention deleted");
        assertEquals(0, count(landing.resolve("_rejected")));
        assertEquals(0, ctx.store().read(Tables.LEDGER).filter(col("status").equalTo("LOADED"))
                .selectExpr("explode(files) as f").filter("f.sha256 is null").count(), "the ledger keeps every checksum");

        Row finished = ctx.store().read(Tables.RUNS).filter(col("run_id").equalTo(idle.runId()).and(col("status").equalTo("FINISHED"))).first();
        Row housekeeping = finished.<Row>getList(finished.fieldIndex("stages")).stream()
                .filter(s -> s.getString(0).equals("Manutenzione")).findFirst().orElseThrow();
        assertEquals(ctx.store().list().size(), housekeeping.<String, Long>getJavaMap(2).get("tabelle_vacuum").intValue());
        System.out.printf("FaultToleranceTest: housekeeping of %d tables %.1f s%n", ctx.store().list().size(), housekeeping.getDouble(1));
    }

    @Test
    @Order(4)
    @Execution(ExecutionMode.SAME_THREAD)
    void unwritablePathsStopTheRunBeforeItTouchesAnything() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        CabinaContext badWarehouse = CabinaContext.create(clean.config().withPaths(tmp.resolve("clean/landing").toString(),
                file.resolve("wh").toString(), null), clean.spark());
        Exception e = assertThrows(UncheckedIOException.class, () -> nightly(badWarehouse));
        assertTrue(e.getMessage().contains("warehouse non scrivibile") && e.getMessage().contains(file.toString()), e.getMessage());

        CabinaContext badLanding = CabinaContext.create(clean.config().withPaths(file.toString(), tmp.resolve("clean/wh").toString(), null),
                clean.spark());
        e = assertThrows(Preflight.NotWritableException.class, () -> nightly(badLanding));
        assertTrue(e.getMessage().startsWith("percorso non scrivibile — landing " + file), e.getMessage());
    }

    NightlyProcess child(Path root) throws IOException {
        return new NightlyProcess(root.resolve("landing"), root.resolve("wh"), root.resolve("export"), AS_OF, KEY);
    }

    static String runId(NightlyProcess p, Pattern runLine) throws InterruptedException {
        Matcher m = runLine.matcher(p.await(l -> runLine.matcher(l).find(), STAGE_TIMEOUT));
        assertTrue(m.find());
        return m.group(1);
    }

    static NightlyResult nightly(CabinaContext ctx) {
        return new Nightly(ctx, new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)), Progress.silent()).run(new NightlyOptions(AS_OF, false));
    }

    CabinaContext context(Path root) {
        return CabinaContext.create(SparkTestSession.config().withPaths(root.resolve("landing").toString(), root.resolve("wh").toString(),
                root.resolve("reports").toString(), root.resolve("export").toString()).withEsiti(root.resolve("esiti").toString()), spark);
    }

    /** Every row of every table but the ledgers, sorted, without what the run stamps. */
    static Map<String, List<String>> content(CabinaContext ctx) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Table t : ctx.store().list()) {
            if (t.layer() != Layer.OPS) out.putAll(content(ctx, t));
        }
        return out;
    }

    /** Equal table by table; a difference names the tables and the rows found on one side only (a few of them). */
    static void assertSameTables(Map<String, List<String>> expected, Map<String, List<String>> actual, String what) {
        List<String> problems = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String t : names) {
            List<String> e = expected.getOrDefault(t, List.of()), a = actual.getOrDefault(t, List.of());
            if (e.equals(a)) continue;
            List<String> onlyExpected = e.stream().filter(r -> !a.contains(r)).limit(3).toList();
            List<String> onlyActual = a.stream().filter(r -> !e.contains(r)).limit(3).toList();
            problems.add(t + ": " + e.size() + " rows expected, " + a.size() + " found; only expected " + onlyExpected + "; only found " + onlyActual);
        }
        assertTrue(problems.isEmpty(), what + ":\n" + String.join("\n", problems));
    }

    static Map<String, List<String>> content(CabinaContext ctx, Table t) {
        return Map.of(t.layer().folder() + "/" + t.name(), rows(ctx.store().read(t)));
    }

    static List<String> rows(Dataset<Row> d) {
        return d.drop(RUN_COLUMNS.toArray(String[]::new)).toJSON().collectAsList().stream().sorted().toList();
    }

    static List<String> ledger(CabinaContext ctx) {
        return rows(ctx.store().read(Tables.LEDGER));
    }

    static Map<String, List<String>> exported(CabinaContext ctx) throws IOException {
        Path root = Path.of(ctx.config().export().riservato());
        Path export = root.resolve(Files.readString(root.resolve("CURRENT")).strip());
        try (Stream<Path> s = Files.walk(export)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("_delta_log")), "plain Parquet, no Delta log");
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : List.of("indicator_values", "fact_case", "fact_service_delivery", "agg_casi")) {
            out.put(t, rows(ctx.spark().read().parquet(export.resolve(t).toString())));
        }
        return out;
    }

    static Map<String, String> runStatuses(CabinaContext ctx) {
        Map<String, String> out = new TreeMap<>();
        for (Row r : ctx.store().read(Tables.RUNS).collectAsList()) {
            String s = r.getAs("status");
            out.merge(r.getAs("run_id"), s, (a, b) -> rank(a) >= rank(b) ? a : b);
        }
        return out;
    }

    static int rank(String status) {
        return List.of("STARTED", "FAILED", "RECOVERED", "FINISHED").indexOf(status);
    }

    static long files(CabinaContext ctx, Table t) {
        return ctx.store().files(t).count();
    }

    static long count(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

}
