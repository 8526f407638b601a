package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.generator.DeliveryGenerator;
import it.cabina.generator.GenerationSummary;
import it.cabina.generator.GeneratorOptions;
import it.cabina.generator.Scale;
import it.cabina.warehouse.tables.Layer;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole chain on a generated landing area (scale SMALL, with zips, re-sends, withdrawals and a defect of every
 * rule), checked against the generator's own record of what it wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedLandingTest {
    CabinaContext ctx;
    GenerationSummary summary;
    NightlyResult result;
    Path tmp;

    @BeforeAll
    void generateAndLoad() throws Exception {
        tmp = Files.createTempDirectory("cabina-e2e");
        Path landing = tmp.resolve("landing");
        GeneratorOptions d = GeneratorOptions.defaults(landing);
        summary = new DeliveryGenerator().generate(new GeneratorOptions(landing, 7, Scale.SMALL, d.from(), d.to(), 0.05, true),
                SparkTestSession.config());
        // the tax codes as delivered, to prove none reaches the warehouse
        ctx = CabinaContext.create(SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(), null),
                SparkTestSession.get());
        taxCodes = collectTaxCodes(landing);
        result = new Nightly(ctx, new Pseudonymizer("e2e-key-0123456789".getBytes(StandardCharsets.UTF_8)), Progress.silent())
                .run(new NightlyOptions(LocalDate.of(2026, 11, 23), false));
    }

    Set<String> taxCodes;

    static Set<String> collectTaxCodes(Path landing) throws Exception {
        Pattern cf = Pattern.compile("[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(landing)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Matcher m = cf.matcher(new String(Files.readAllBytes(f), Charset.forName("windows-1252")));
                while (m.find()) out.add(m.group());
            }
        }
        return out;
    }

    @Test
    void everyDeliveryLoadsAndCountsReconcile() {
        assertEquals(summary.deliveries().size(), result.count(LedgerEntry.Status.LOADED));
        long written = summary.deliveries().stream().mapToLong(GenerationSummary.DeliverySummary::rows).sum();
        assertEquals(written, result.rowsReceived(), "every row written was read");
        assertEquals(result.rowsReceived(), result.rowsLoaded() + result.rowsSetAside());
        for (LedgerEntry e : result.entries()) {
            for (LedgerEntry.FileCounts f : e.files()) {
                assertEquals(f.records(), f.received(), e.deliveryName() + "/" + f.name());
                assertEquals(f.received(), f.loaded() + f.setAside(), e.deliveryName() + "/" + f.name());
            }
        }
    }

    @Test
    void exactlyTheInjectedDefectsAreSetAsideWithTheirRule() {
        Set<String> expected = new TreeSet<>();
        for (GenerationSummary.DeliverySummary d : summary.deliveries()) {
            for (GenerationSummary.FileSummary f : d.files()) {
                for (GenerationSummary.DefectRow r : f.defects()) {
                    expected.add(d.name() + " " + f.name() + ":" + r.line() + " " + r.rule() + (r.field() == null ? "" : " " + r.field()));
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        for (Row q : ctx.store().read(Tables.QUARANTINE).collectAsList()) {
            String field = q.getAs("field");
            actual.add(q.getAs("delivery_name") + " " + q.getAs("file") + ":" + q.getAs("line") + " " + q.getAs("rule")
                    + ("*".equals(field) ? "" : " " + field));
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual);
        assertEquals(17, summary.defectsByRule().size(), "the generator covers every rule code");
    }

    @Test
    void noTaxCodeReachesAnyFileOfTheWarehouse() throws Exception {
        assertTrue(taxCodes.size() > 50, "the scan looks for real codes: " + taxCodes.size());
        try (Stream<Path> files = Files.walk(tmp.resolve("wh"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String cf : taxCodes) assertFalse(content.contains(cf), "tax code in " + f);
            }
        }
        for (Table t : ctx.store().list()) {
            for (String json : ctx.store().read(t).toJSON().collectAsList()) {
                for (String cf : taxCodes) assertFalse(json.contains(cf), "tax code in table " + t.name());
            }
        }
    }

    @Test
    void everyTableAndColumnIsInTheDataDictionary() throws Exception {
        String doc = Files.readString(ctx.config().home().resolve("docs/data-dictionary.md"));
        Set<String> missing = new TreeSet<>();
        for (Table t : ctx.store().list()) {
            boolean documented = doc.contains("### " + t.name() + "\n") || doc.contains("#### " + t.name() + "\n");
            if (!documented) missing.add(t.layer().folder() + "/" + t.name());
            for (StructField f : ctx.store().read(t).schema().fields()) {
                if (!doc.contains("`" + f.name() + "`")) missing.add(t.layer().folder() + "/" + t.name() + "." + f.name());
            }
        }
        assertEquals(Set.of(), missing, "document these in docs/data-dictionary.md");
        assertTrue(ctx.store().list().stream().anyMatch(t -> t.layer() == Layer.GOLD && t.name().equals("dim_unit")));
    }

    @Test
    void theNightlyPublishesBothExportsAsANewVersion() throws Exception {
        Path reserved = Path.of(ctx.config().export().riservato()), open = Path.of(ctx.config().export().aperto());
        Path version = reserved.resolve(Files.readString(reserved.resolve("CURRENT")).strip());
        assertTrue(version.getFileName().toString().startsWith(result.runId()), "the version is named after the run");
        for (String f : List.of("README.md", "cabina.sql", "datapackage.json", "_manifest.json", "esempi/duckdb.sql")) {
            assertTrue(Files.exists(version.resolve(f)), f);
        }
        try (Stream<Path> files = Files.walk(reserved)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("_delta_log")), "no Delta log in the export");
        }
        for (Table t : List.of(Tables.FACT_CASE, Tables.FACT_SERVICE_DELIVERY, Tables.DIM_UNIT, Tables.AGG_CASI)) {
            long parquet = ctx.spark().read().parquet(version.resolve(t.name()).toString()).count();
            assertEquals(ctx.store().read(t).count(), parquet, t.name());
        }
        assertEquals(ctx.store().read(Tables.INDICATOR_VALUES).count(),
                ctx.spark().read().parquet(version.resolve("indicator_values").toString()).count(), "one run: all values");
        assertTrue(Files.isDirectory(version.resolve("fact_service_delivery/anno=2025")), "partitioned by year");
        assertTrue(Files.readString(version.resolve("README.md")).contains("| `fact_case` |"));
        Path openVersion = open.resolve(Files.readString(open.resolve("CURRENT")).strip());
        for (String f : List.of("agg_casi.csv", "agg_casi.parquet", "indicator_values.csv", "indicator_values.parquet", "_manifest.json")) {
            assertTrue(Files.exists(openVersion.resolve(f)), f);
        }
        assertFalse(Files.exists(openVersion.resolve("fact_case")), "no person-level table in the open export");
    }

    @Test
    void theResentSemesterAndTheWithdrawalsAreResolved() {
        for (GenerationSummary.SemesterRef r : summary.resentFlusso()) {
            long deliveries = ctx.store().read(Tables.FACT_SERVICE_DELIVERY)
                    .filter(org.apache.spark.sql.functions.col("codice_ambito").equalTo(r.sender())
                            .and(org.apache.spark.sql.functions.col("anno").equalTo(r.from().getYear()))
                            .and(org.apache.spark.sql.functions.col("semestre").equalTo(r.from().getMonthValue() <= 6 ? 1 : 2)))
                    .select("id_consegna").distinct().count();
            assertEquals(1, deliveries, "one delivery stands for " + r);
        }
        for (GenerationSummary.Scenario s : summary.scenarios()) {
            if (!s.kind().equals("WITHDRAWAL") || !s.file().equals("prese_in_carico.csv")) continue;
            assertEquals(0, ctx.store().read(Tables.FACT_CASE).filter(org.apache.spark.sql.functions.col("codice_ambito").equalTo(s.sender())
                    .and(org.apache.spark.sql.functions.col("id_presa_in_carico").equalTo(s.id()))).count(), "withdrawn " + s);
        }
    }
}
