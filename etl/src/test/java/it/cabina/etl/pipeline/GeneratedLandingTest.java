package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.generator.DeliveryDefect;
import it.cabina.generator.DeliveryGenerator;
import it.cabina.generator.GenerationSummary;
import it.cabina.generator.GeneratorOptions;
import it.cabina.generator.Scale;
import it.cabina.generator.Source;
import it.cabina.generator.SpecVersion;
import it.cabina.warehouse.quality.RuleCode;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole chain on a generated landing area (scale SMALL, with zips, re-sends, withdrawals, a defect of every
 * rule, a region moving from contract 1.1 to 1.2 and deliveries written to be rejected whole), checked against the
 * generator's own record of what it wrote.
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
        ctx = CabinaContext.create(SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(), null)
                        .withEsiti(tmp.resolve("esiti").toString()), SparkTestSession.get());
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
        assertEquals(summary.deliveries().size() - summary.rejected().size(), result.count(LedgerEntry.Status.LOADED));
        assertEquals(summary.rejected().size(), result.count(LedgerEntry.Status.REJECTED));
        assertEquals(summary.rowsToLoad(), result.rowsReceived(), "every row written in a delivery that loads was read");
        assertEquals(result.rowsReceived(), result.rowsLoaded() + result.rowsSetAside());
        assertEquals(summary.defects(), result.rowsSetAside(), "the injected defects, and nothing else, are set aside");
        for (LedgerEntry e : result.entries()) {
            for (LedgerEntry.FileCounts f : e.files()) {
                assertEquals(f.records(), f.received(), e.deliveryName() + "/" + f.name());
                assertEquals(f.received(), f.loaded() + f.setAside(), e.deliveryName() + "/" + f.name());
            }
        }
    }

    @Test
    void anOrdinaryNightFlagsNoAnomaly() {
        assertEquals(List.of(), it.cabina.etl.anomalies.Anomalies.latest(ctx.store()));
        assertTrue(ctx.store().exists(Tables.ANOMALIES), "the checks ran");
    }

    @Test
    void everyDeliveryHasItsEsitoWithTheLedgersCountsAndNoTaxCode() throws Exception {
        Path esiti = tmp.resolve("esiti");
        for (LedgerEntry e : result.entries()) {
            Path file = esiti.resolve(e.sender()).resolve(e.deliveryName() + ".esito.json");
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
            assertEquals(e.status().name(), json.get("status").asText(), file.toString());
            long aside = e.files().stream().mapToLong(LedgerEntry.FileCounts::setAside).sum();
            assertEquals(aside, json.get("files").findValues("set_aside").stream().mapToLong(com.fasterxml.jackson.databind.JsonNode::asLong).sum());
            assertEquals(aside > 0, Files.exists(esiti.resolve(e.sender()).resolve(e.deliveryName() + ".scarti.csv")), file.toString());
        }
        try (Stream<Path> files = Files.walk(esiti)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f);
                for (String cf : taxCodes) assertFalse(content.contains(cf), "tax code in " + f);
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
        // 17 with PRECISION (issue 21); contract 1.2 adds rules but no rule code (a missing or unknown tema is REQUIRED or CODE, a 1.2 code
        // in a 1.1 delivery is CODE, the milestones' rules are REQUIRED_IF, NOT_ALLOWED, FUTURE_DATE, SENDER_MISMATCH,
        // CODE, FORMAT), so the 17 codes that set a row aside stay all covered; the 2 warning codes are not defects
        assertEquals(17, summary.defectsByRule().size(), "the generator covers every rule code");
        assertEquals(Arrays.stream(RuleCode.values()).filter(r -> !r.warning()).collect(Collectors.toSet()), summary.defectsByRule().keySet());
        // and every rule contract 1.2 adds, each through its own field, in the deliveries where it applies
        for (String rule : List.of("attivita.csv REQUIRED tema 1.2", "attivita.csv CODE tema 1.2", "attivita.csv CODE tipo_attivita 1.1",
                "prese_in_carico.csv FORMAT vittima_violenza 1.2", "prestazioni.csv CODE codice_prestazione 1.1",
                "traguardi.csv REQUIRED_IF data_raggiungimento 1.2", "traguardi.csv NOT_ALLOWED data_raggiungimento 1.2",
                "traguardi.csv REQUIRED_IF descrizione 1.2", "traguardi.csv FUTURE_DATE data_raggiungimento 1.2",
                "traguardi.csv SENDER_MISMATCH codice_ambito 1.2", "traguardi.csv CODE codice_traguardo 1.2",
                "traguardi.csv CODE stato 1.2", "traguardi.csv CODE tema 1.2", "traguardi.csv FORMAT data_prevista 1.2")) {
            assertTrue(setAsideWithSpec().contains(rule), rule + " among " + setAsideWithSpec());
        }
    }

    /** "file RULE field spec_version" of every row set aside. */
    Set<String> setAsideWithSpec() {
        Map<String, String> spec = new HashMap<>();
        summary.deliveries().forEach(d -> spec.put(d.name(), d.spec().text()));
        Set<String> out = new TreeSet<>();
        for (Row q : ctx.store().read(Tables.QUARANTINE).collectAsList()) {
            out.add(q.getAs("file") + " " + q.getAs("rule") + " " + q.getAs("field") + " " + spec.get((String) q.getAs("delivery_name")));
        }
        return out;
    }

    @Test
    void aRegionMovingTo12LoadsBothVersionsAndRejectsWhatBreaksTheContract() {
        Map<String, LedgerEntry> ledger = new HashMap<>();
        result.entries().forEach(e -> ledger.put(e.deliveryName(), e));
        Map<SpecVersion, Integer> loaded = new EnumMap<>(SpecVersion.class);
        for (GenerationSummary.DeliverySummary d : summary.deliveries()) {
            LedgerEntry e = ledger.get(d.name());
            if (d.loads()) {
                assertEquals(LedgerEntry.Status.LOADED, e.status(), d.name() + " " + e.reasons());
                if (d.source() != Source.AFAM) loaded.merge(d.spec(), 1, Integer::sum);
                continue;
            }
            assertEquals(LedgerEntry.Status.REJECTED, e.status(), d.name());
            assertTrue(e.reasons().stream().anyMatch(r -> r.contains(d.rejectedFor().names())), d.name() + ": " + e.reasons());
        }
        assertTrue(loaded.getOrDefault(SpecVersion.V1_1, 0) > 0 && loaded.getOrDefault(SpecVersion.V1_2, 0) > 0, loaded.toString());
        for (DeliveryDefect defect : DeliveryDefect.values()) {
            assertTrue(summary.rejectedByDefect().getOrDefault(defect, 0) > 0, "a delivery rejected for " + defect);
        }
        assertTrue(ctx.store().read(Tables.FACT_MILESTONE).count() > 0, "milestones loaded");
        assertTrue(ctx.store().read(Tables.FACT_CASE).filter(col("vittima_violenza").isNotNull()).count() > 0, "the violence flag, known under 1.2");
        assertTrue(ctx.store().read(Tables.FACT_CASE).filter(col("vittima_violenza").isNull()).count() > 0, "and unknown under 1.1");
    }

    @Test
    void theIndicatorsOf12AreComputedWhereTheDataCameIn12() {
        Set<String> moved = new TreeSet<>(), stayed = new TreeSet<>();
        summary.deliveries(Source.CSI).stream().filter(GenerationSummary.DeliverySummary::loads)
                .forEach(d -> (d.spec() == SpecVersion.V1_2 ? moved : stayed).add(d.sender()));
        stayed.removeAll(moved);
        assertFalse(moved.isEmpty() || stayed.isEmpty(), moved + " " + stayed);
        List<Row> values = ctx.store().read(Tables.INDICATOR_VALUES)
                .filter(col("anno").equalTo(2026).and(col("livello").equalTo("AMBITO"))).collectAsList();
        for (String indicator : List.of("VIO-01", "MON-01", "EEM-05")) {
            for (String a : stayed) {
                Row v = values.stream().filter(x -> x.getAs("indicatore").equals(indicator) && x.getAs("territorio").equals(a))
                        .findFirst().orElseThrow(() -> new AssertionError(indicator + " " + a));
                assertEquals("NON_CALCOLABILE", v.getAs("stato"), indicator + " " + a);
                assertTrue(((String) v.getAs("motivo")).startsWith("dato non trasmesso (tracciato 1.2)"), indicator + " " + a + ": " + v);
            }
            assertTrue(values.stream().anyMatch(x -> x.getAs("indicatore").equals(indicator) && moved.contains((String) x.getAs("territorio"))
                    && x.getAs("valore") != null), indicator + " computed for an Ambito on 1.2");
        }
        assertTrue(values.stream().anyMatch(x -> x.getAs("indicatore").equals("TRA-01") && x.getAs("valore") != null), "TRA-01");
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
