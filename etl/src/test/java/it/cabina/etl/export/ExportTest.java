package it.cabina.etl.export;

import it.cabina.warehouse.published.ReportSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.indicators.IndicatorProtection;
import it.cabina.etl.testing.IndicatorFixture;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Both analysts' exports of the hand-made {@link IndicatorFixture} (small counts on purpose), opened as the analysts
 * open them: with DuckDB (JDBC), through the {@code cabina.sql} of the export's folder, which follows {@code CURRENT}.
 * The views answer and match the manifest and the files; every column has the documented type (no INT96, no decimal
 * wider than 18 digits, timestamps INT64 UTC); the open export holds no count of 1–2 persons and no person-level
 * column, in Parquet and in CSV; the examples answer; a reader keeps its version while newer ones are published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportTest {
    /** Units of the counts that the published reports protect: persons and their cases, assessments, projects, discharges. */
    static final Set<String> PERSON_UNITS = Set.of("persone", "prese in carico", "valutazioni", "progetti", "dimissioni");

    CabinaContext ctx;
    Path root;
    AnalystExport.Run run;
    List<AnalystExport.Published> first;

    @BeforeAll
    void publish() throws Exception {
        CabinaContext fixture = IndicatorFixture.shared();
        root = Files.createTempDirectory("cabina-export-test");
        CabinaConfig config = fixture.config().withExport(new CabinaConfig.Export(root.resolve("riservato").toString(),
                root.resolve("aperto").toString(), 2));
        ctx = CabinaContext.create(config, fixture.spark());
        String runId = ctx.store().read(Tables.RUNS).orderBy("at").first().getAs("run_id");
        run = new AnalystExport.Run(runId, IndicatorFixture.AS_OF);
        first = new AnalystExport(ctx, Progress.silent()).publish(run);
    }

    Path folder(String kind) {
        return root.resolve(kind);
    }

    Path current(String kind) throws Exception {
        return folder(kind).resolve(Files.readString(folder(kind).resolve("CURRENT")).strip());
    }

    ExportManifest manifest(String kind) throws Exception {
        return ExportManifest.read(Files.readAllBytes(current(kind).resolve("_manifest.json")));
    }

    /** A DuckDB session as an analyst opens it in the export's folder: {@code duckdb -init cabina.sql}. */
    Connection duckdb(String kind) throws Exception {
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        exec(db, "SET file_search_path = '" + folder(kind) + "'");
        for (String statement : statements(Files.readString(folder(kind).resolve("cabina.sql")))) exec(db, statement);
        return db;
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--") || line.isBlank()) continue;
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        return out;
    }

    static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\nSQL: " + sql, e);
        }
    }

    static List<List<Object>> query(Connection db, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(r.getObject(i));
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\nSQL: " + sql, e);
        }
        return rows;
    }

    static long count(Connection db, String sql) throws SQLException {
        return ((Number) query(db, sql).get(0).get(0)).longValue();
    }

    @Test
    @Order(1)
    void theViewsOfTheScriptAnswerAndMatchTheManifestAndTheFiles() throws Exception {
        for (String kind : List.of("riservato", "aperto")) {
            ExportManifest m = manifest(kind);
            assertEquals(run.id(), m.runId());
            assertEquals(IndicatorFixture.AS_OF.toString(), m.asOf());
            assertTrue(m.codeVersion().startsWith("cabina "), m.codeVersion());
            Set<String> listed = new TreeSet<>(), onDisk = new TreeSet<>();
            for (ExportManifest.TableFiles t : m.tables()) {
                for (ExportManifest.FileEntry f : t.files()) {
                    listed.add(f.path());
                    assertEquals(Files.size(current(kind).resolve(f.path())), f.bytes(), kind + " " + f.path());
                }
                assertEquals(t.files().stream().mapToLong(ExportManifest.FileEntry::bytes).sum(), t.bytes(), t.name());
            }
            Path version = current(kind);
            try (Stream<Path> files = Files.walk(version)) {
                files.filter(p -> p.toString().endsWith(".parquet") || p.toString().endsWith(".csv"))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .forEach(p -> onDisk.add(version.relativize(p).toString()));
            }
            assertEquals(onDisk, listed, kind + ": the manifest lists exactly the data files");
            try (Connection db = duckdb(kind)) {
                for (ExportManifest.TableFiles t : m.tables()) {
                    assertEquals(t.rows(), count(db, "select count(*) from " + t.name()), kind + " " + t.name());
                }
                assertEquals(run.id(), query(db, "select run_id from cabina_manifest").get(0).get(0));
            }
        }
        ExportManifest reserved = manifest("riservato");
        assertEquals(ctx.store().read(Tables.FACT_CASE).count(), reserved.table("fact_case").rows());
        assertTrue(reserved.table("fact_case").personLevel());
        assertEquals(List.of("anno"), reserved.table("fact_service_delivery").partitionedBy());
        assertEquals(Set.of("agg_casi", "agg_valutazioni", "agg_progetti", "agg_dimissioni", "agg_prestazioni", "agg_spesa",
                "agg_unita", "agg_qualita", "agg_consegne", "agg_attivita", "indicator_values"),
                manifest("aperto").tables().stream().map(ExportManifest.TableFiles::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    @Order(2)
    void everyColumnHasItsDocumentedTypeAndNoParquetFileHasInt96OrAWideDecimal() throws Exception {
        for (String kind : List.of("riservato", "aperto")) {
            ExportManifest m = manifest(kind);
            try (Connection db = duckdb(kind)) {
                for (ExportManifest.TableFiles t : m.tables()) {
                    Model model = ExportCatalogue.model(t.name());
                    List<String> expected = new ArrayList<>();
                    for (Model.Column c : model.columns()) expected.add(c.name() + " " + ExportCatalogue.duckdbType(c.type()));
                    List<String> documented = new ArrayList<>();
                    for (Model.Column c : model.columns()) documented.add(c.name() + " " + c.type());
                    if (kind.equals("aperto")) {
                        expected.add(OpenExport.PROTECTED + " VARCHAR");
                        documented.add(OpenExport.PROTECTED + " string");
                    }
                    List<String> actual = new ArrayList<>();
                    for (List<Object> r : query(db, "describe " + t.name())) actual.add(r.get(0) + " " + r.get(1));
                    assertEquals(expected, actual, kind + " " + t.name() + ": the view's types");
                    assertEquals(documented, t.schema().stream().map(f -> f.name() + " " + f.type()).toList(), kind + " " + t.name() + ": the manifest's schema");
                }
                String files = "'" + current(kind) + "/**/*.parquet'";
                assertEquals(0, count(db, "select count(*) from parquet_schema(" + files + ") where type = 'INT96'"), kind + ": no INT96");
                assertEquals(0, count(db, "select count(*) from parquet_schema(" + files + ") where precision > 18"), kind + ": no decimal wider than 18");
                List<List<Object>> timestamps = query(db, "select distinct type, logical_type from parquet_schema(" + files + ") "
                        + "where logical_type like 'TimestampType%' or type = 'INT96'");
                assertFalse(timestamps.isEmpty(), kind + ": there are timestamps (calcolato_il)");
                for (List<Object> ts : timestamps) {
                    assertEquals("INT64", ts.get(0), kind + ": " + ts);
                    assertTrue(String.valueOf(ts.get(1)).contains("isAdjustedToUTC=1") && String.valueOf(ts.get(1)).contains("MICROS"), kind + ": " + ts);
                }
            }
        }
        try (Connection db = duckdb("riservato")) {
            assertEquals("DECIMAL(18,2)", query(db, "select typeof(spesa_totale) from fact_service_delivery limit 1").get(0).get(0));
        }
        // Spark reading the files: a money sum is decimal(28,2), not a decimal(38,10) computed with BigDecimal
        assertEquals("decimal(28,2)", ctx.spark().read().parquet(current("riservato").resolve("fact_service_delivery").toString())
                .selectExpr("sum(spesa_totale) as s").schema().fields()[0].dataType().simpleString());
    }

    @Test
    @Order(3)
    void theOpenExportHoldsNoProtectedCellAndNoPersonLevelColumn() throws Exception {
        // what identifies a person or one of their records: the pseudonym, birth year, ids and keys of person-level tables
        Set<String> personColumns = new HashSet<>(Set.of("pseudonimo", "id_persona", "anno_nascita", "eta_alla_estrazione", "riga"));
        for (Model m : Models.gold().models()) {
            if (!m.personLevel()) continue;
            for (Model.Column c : m.columns()) if (c.name().startsWith("chiave_") || c.name().startsWith("id_")) personColumns.add(c.name());
        }
        ExportManifest m = manifest("aperto");
        int protectedRows = 0;
        try (Connection db = duckdb("aperto")) {
            for (ExportManifest.TableFiles t : m.tables()) {
                Model model = ExportCatalogue.model(t.name());
                assertFalse(model.personLevel(), t.name());
                for (ExportManifest.Field f : t.schema()) assertFalse(personColumns.contains(f.name()), t.name() + "." + f.name() + " is about persons");
                String csv = "read_csv('" + current("aperto").resolve(t.name() + ".csv") + "', delim = ';', header = true, all_varchar = true)";
                assertEquals(t.rows(), count(db, "select count(*) from " + csv), t.name() + ".csv rows");
                for (Model.Column c : model.columns()) {
                    if (c.unit() == null || !PERSON_UNITS.contains(c.unit())) continue;
                    assertEquals(0, count(db, "select count(*) from " + t.name() + " where " + c.name() + " between 1 and 2"), t.name() + "." + c.name());
                    assertEquals(0, count(db, "select count(*) from " + csv + " where " + c.name() + " in ('1', '2')"), t.name() + ".csv " + c.name());
                }
                protectedRows += (int) count(db, "select count(*) from " + t.name() + " where " + OpenExport.PROTECTED + " is not null");
            }
            // the warehouse does have such counts: protection had work to do
            long small = ctx.store().read(Tables.AGG_CASI).filter("persone_attive between 1 and 2").count();
            assertTrue(small > 0 && protectedRows >= small, small + " small counts in agg_casi, " + protectedRows + " protected rows");
            assertEquals(small, count(db, "select count(*) from read_csv('" + current("aperto").resolve("agg_casi.csv")
                    + "', delim = ';', header = true, all_varchar = true) where persone_attive = '<3'"), "shown as <3 in CSV");
            // a share over fewer than 3 assessments is withheld with its base
            assertEquals(0, count(db, "select count(*) from agg_valutazioni where valutazioni is null and quota_congiunte is not null"));

            // indicators: a side counting persons is never 1-2, and a ratio over 1-2 persons has no value
            IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
            Set<String> personViews = it.cabina.warehouse.published.ReportSettings.load(ctx.config().home().resolve("conf/reports.yaml"))
                    .protezione().vistePersone();
            Map<String, Row> exact = new TreeMap<>();
            for (Row r : ctx.store().read(Tables.INDICATOR_VALUES).filter(org.apache.spark.sql.functions.col("run_id").equalTo(run.id())).collectAsList()) {
                exact.put(r.getAs("indicatore") + " " + r.getAs("anno") + " " + r.getAs("livello") + " " + r.getAs("territorio"), r);
            }
            int checked = 0;
            for (List<Object> r : query(db, "select indicatore, anno, livello, territorio, numeratore, denominatore, valore from indicator_values")) {
                IndicatorCatalog.Indicator ind = catalog.get((String) r.get(0));
                Row w = exact.get(r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3));
                boolean numPersons = IndicatorProtection.countsPersons(ind.numeratore(), personViews);
                boolean denPersons = ind.denominatore() != null && IndicatorProtection.countsPersons(ind.denominatore(), personViews);
                if (numPersons && r.get(4) != null) assertFalse(((Double) r.get(4)) >= 1 && ((Double) r.get(4)) < 3, r.toString());
                if (denPersons && r.get(5) != null) assertFalse(((Double) r.get(5)) >= 1 && ((Double) r.get(5)) < 3, r.toString());
                Double den = w.getAs("denominatore");
                if (denPersons && ind.tipo().ratio() && den != null && den >= 1 && den < 3) assertNull(r.get(6), "ratio over " + den + ": " + r);
                checked++;
            }
            assertEquals(exact.size(), checked);
        }
    }

    @Test
    @Order(4)
    void theCsvFilesAreUtf8WithSemicolonsAndTheDecimalComma() throws Exception {
        Path csv = current("aperto").resolve("agg_spesa.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("codice_semestre;livello;territorio;fonte_finanziamento;spesa_totale;quota_utente;quota_ssn;beneficiari;valori_protetti",
                lines.get(0));
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.matches("2025-S1;AMBITO;AMB-SARONNO;TOTALE;10,00;0,00;0,00;.*")), String.join("\n", lines));
        try (Connection db = duckdb("aperto")) {
            Object parquet = query(db, "select sum(spesa_totale) from agg_spesa").get(0).get(0);
            Object fromCsv = query(db, "select sum(spesa_totale) from read_csv('" + csv + "', delim = ';', decimal_separator = ',', "
                    + "header = true, nullstr = ['', '<3'], types = {'spesa_totale': 'DECIMAL(18,2)'})").get(0).get(0);
            assertEquals(parquet.toString(), fromCsv.toString());
        }
        JsonNode pkg = new ObjectMapper().readTree(current("aperto").resolve("datapackage.json").toFile());
        assertEquals("CC-BY-4.0", pkg.path("licenses").get(0).path("name").asText());
        JsonNode resource = null;
        for (JsonNode r : pkg.path("resources")) if (r.path("name").asText().equals("agg_spesa")) resource = r;
        assertNotNull(resource);
        assertEquals(";", resource.path("dialect").path("delimiter").asText());
        assertFalse(resource.path("person_level").asBoolean());
        JsonNode spesa = resource.path("schema").path("fields").get(4);
        assertEquals(List.of("spesa_totale", "number", ",", "decimal(18,2)", "EUR"), List.of(spesa.path("name").asText(),
                spesa.path("type").asText(), spesa.path("decimalChar").asText(), spesa.path("sqlType").asText(), spesa.path("unit").asText()));
    }

    @Test
    @Order(5)
    void theDataPackageDescribesEveryColumnOfEveryTable() throws Exception {
        for (String kind : List.of("riservato", "aperto")) {
            JsonNode pkg = new ObjectMapper().readTree(current(kind).resolve("datapackage.json").toFile());
            Map<String, JsonNode> resources = new TreeMap<>();
            for (JsonNode r : pkg.path("resources")) resources.put(r.path("name").asText(), r);
            for (ExportManifest.TableFiles t : manifest(kind).tables()) {
                JsonNode r = resources.get(t.name());
                assertNotNull(r, kind + " " + t.name());
                List<String> fields = new ArrayList<>();
                for (JsonNode f : r.path("schema").path("fields")) {
                    fields.add(f.path("name").asText());
                    assertFalse(f.path("description").asText().isBlank(), kind + " " + t.name() + "." + f.path("name").asText());
                }
                assertEquals(t.schema().stream().map(ExportManifest.Field::name).toList(), fields, kind + " " + t.name());
                assertEquals(t.personLevel(), r.path("person_level").asBoolean(), kind + " " + t.name());
                if (kind.equals("riservato")) {
                    List<String> paths = new ArrayList<>();
                    r.path("path").forEach(p -> paths.add(p.asText()));
                    if (paths.isEmpty()) paths.add(r.path("path").asText());
                    assertEquals(t.files().stream().map(ExportManifest.FileEntry::path).toList(), paths, t.name());
                }
            }
        }
    }

    @Test
    @Order(6)
    void theExamplesAnswerInDuckDbAndSpark() throws Exception {
        for (String kind : List.of("riservato", "aperto")) {
            try (Connection db = duckdb(kind)) {
                List<String> queries = statements(Files.readString(current(kind).resolve("esempi/duckdb.sql")));
                assertEquals(3, queries.size(), kind);
                for (String q : queries) assertFalse(query(db, q).isEmpty(), kind + ": no answer to\n" + q);
            }
            String spark = Files.readString(current(kind).resolve("esempi/spark.sql")).replace("${cabina_export}", current(kind).toString());
            int answered = 0;
            for (String q : statements(spark)) {
                List<Row> rows = ctx.spark().sql(q).collectAsList();
                if (q.startsWith("SELECT")) {
                    assertFalse(rows.isEmpty(), kind + ": no answer to\n" + q);
                    answered++;
                }
            }
            assertEquals(3, answered, kind);
        }
    }

    @Test
    @Order(7)
    void aReaderKeepsItsVersionWhileNewOnesArePublished() throws Exception {
        String a = first.get(0).version();
        Files.createDirectories(folder("riservato").resolve("run-00000000T000000.000"));   // an interrupted publication
        try (Connection reader = duckdb("riservato")) {
            long cases = count(reader, "select count(*) from fact_case");
            assertEquals(a, query(reader, "select getvariable('cabina_export')").get(0).get(0));
            String b = new AnalystExport(ctx, Progress.silent()).publish(run).get(0).version();
            assertEquals(a + "_2", b, "the same run published again: a new version beside it");
            assertEquals(b, Files.readString(folder("riservato").resolve("CURRENT")).strip());
            assertEquals(cases, count(reader, "select count(*) from fact_case"), "the reader still reads its version");
            try (Connection later = duckdb("riservato")) {
                assertEquals(b, query(later, "select getvariable('cabina_export')").get(0).get(0), "a new reader reads the new version");
            }
            assertTrue(Files.exists(current("riservato").resolve("fact_service_delivery/" + ReservedExport.STAMP_FILE)), "unchanged facts copied");
            assertFalse(Files.exists(folder("riservato").resolve("run-00000000T000000.000")), "the interrupted publication is removed");
            String c = new AnalystExport(ctx, Progress.silent()).publish(run).get(0).version();
            try (Stream<Path> s = Files.list(folder("riservato"))) {
                assertEquals(Set.of(b, c), s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                        "keep_versions 2: the oldest is removed");
            }
        }
    }
}
