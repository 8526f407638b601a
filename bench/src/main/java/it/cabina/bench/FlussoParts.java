package it.cabina.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.landing.Manifest;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.sources.RowChecker;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.etl.sources.TextLines;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import it.cabina.warehouse.reference.Territory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/**
 * {@code FlussoFloor parts}: the FLUSSO bronze load taken apart, each part timed on its own in one JVM, REPETITIONS
 * times in a row (the first pays for a cold JVM; the others show what the work itself costs):
 * <ol>
 *   <li>{@code read}: the lines split into fields by the loader's reader ({@link TextLines}) and counted;</li>
 *   <li>{@code check}: + each delivery's lineage and the row rules ({@link RowChecker}: types, codes, tax codes,
 *       pseudonyms), run to the end without writing (Spark's {@code noop} sink);</li>
 *   <li>{@code write}: + the checked rows written as Parquet;</li>
 *   <li>{@code cache}: instead of writing them, the checked rows kept in Spark's cache and counted per file, as the
 *       loader does before it writes bronze and the quarantine from them;</li>
 *   <li>{@code cache+udo}: the same after the loader's cross-record rule on {@code codice_udo} (a warning for a unit
 *       AFAM does not know; the units of the AFAM deliveries found in folders).</li>
 * </ol>
 * Files are read in groups of one header and one spec_version, as the loader reads them. What the nightly does beyond
 * these parts (writing bronze with Delta and the quarantine from the cache) is the difference between
 * {@code cache+udo} and the {@code bronze} action's FLUSSO line.
 */
final class FlussoParts {
    private FlussoParts() {}

    static void run(CabinaConfig config, Path landing, Path out, int repetitions) throws IOException {
        List<String> files = FlussoFloor.flussoFiles(landing, out.resolve("unzipped"));
        SparkSession spark = SparkSessions.create(config);
        try {
            CabinaContext ctx = CabinaContext.create(config, spark);
            SourceRules rules = ctx.rules().get("FLUSSO");
            SourceRules.FileRules file = rules.files().stream().filter(f -> f.name().equals("prestazioni.csv")).findFirst().orElseThrow();
            Set<String> comuni = ctx.territory().comuni().stream().map(Territory.Comune::codiceIstat).collect(Collectors.toSet());
            var pseudonymizer = PseudonymKey.demoKey().pseudonymizer();

            Map<Shape, List<org.apache.hadoop.fs.Path>> byShape = new LinkedHashMap<>();
            List<Row> lineage = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String f : files) {
                Path csv = Path.of(f);
                Manifest m = json.readValue(csv.resolveSibling("manifest.json").toFile(), Manifest.class);
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(csv.toUri());
                byShape.computeIfAbsent(new Shape(header(csv, rules.format()), m.specVersion()), s -> new ArrayList<>()).add(p);
                lineage.add(RowFactory.create(TextLines.key(p), m.deliveryId(), csv.getParent().getFileName().toString(), m.sender(),
                        file.name(), Timestamp.from(OffsetDateTime.parse(m.extractedAt()).toInstant()),
                        Date.valueOf(m.period().from()), Date.valueOf(m.period().to()), m.specVersion()));
            }
            Dataset<Row> context = spark.createDataFrame(lineage, SourceLoader.CONTEXT);
            Dataset<Row> units = afamUnits(spark, ctx.rules().get("AFAM").format(), landing);
            System.out.printf(Locale.ROOT, "files=%d shapes=%d afam_units=%d%n", files.size(), byShape.size(), units.count());

            for (int rep = 1; rep <= repetitions; rep++) {
                Dataset<Row> read = null, checked = null;
                for (Map.Entry<Shape, List<org.apache.hadoop.fs.Path>> g : byShape.entrySet()) {
                    Dataset<Row> lines = TextLines.read(spark, g.getValue(), rules.format(), g.getKey().header().size());
                    Dataset<Row> part = new RowChecker(rules, file, ctx.codeLists(), comuni, pseudonymizer, g.getKey().specVersion())
                            .check(lines.join(broadcast(context), TextLines.PATH), g.getKey().header());
                    read = read == null ? lines : read.union(lines);
                    checked = checked == null ? part : checked.unionByName(part);
                }
                Dataset<Row> all = read, rows = checked;
                time(rep, "read", () -> all.count());
                time(rep, "check", () -> rows.write().format("noop").mode(SaveMode.Overwrite).save());
                time(rep, "write", () -> rows.write().mode(SaveMode.Overwrite).parquet(out.resolve("checked").toString()));
                time(rep, "cache", () -> cachedAndCounted(rows));
                time(rep, "cache+udo", () -> cachedAndCounted(withUnknownUnits(rows, file, units)));
            }
        } finally {
            spark.stop();
        }
    }

    private record Shape(List<String> header, String specVersion) {}

    private static void cachedAndCounted(Dataset<Row> rows) {
        Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
        kept.groupBy(TextLines.PATH).count().collectAsList();
        kept.unpersist(true);
    }

    /** The loader's one cross-record rule on FLUSSO: a warning when {@code codice_udo} is not an AFAM unit. */
    private static Dataset<Row> withUnknownUnits(Dataset<Row> checked, SourceRules.FileRules file, Dataset<Row> units) {
        SourceRules.FieldRule f = file.fields().stream().filter(x -> x.warnUnknown() != null).findFirst().orElseThrow();
        return SourceLoader.withUnknownUnitWarning(checked, f, units);
    }

    /** The distinct unit codes of the AFAM deliveries in folders (what bronze's AFAM table would hold), read by Spark. */
    private static Dataset<Row> afamUnits(SparkSession spark, SourceRules.Format format, Path landing) throws IOException {
        List<String> csvs;
        try (var s = Files.list(landing)) {
            csvs = s.filter(p -> p.getFileName().toString().startsWith("AFAM_") && Files.isDirectory(p))
                    .map(p -> p.resolve("unita_offerta.csv").toString()).sorted().toList();
        }
        spark.conf().set("spark.sql.legacy.javaCharsets", "true");
        return spark.read().option("header", "true").option("sep", format.separator()).option("quote", format.quote())
                .option("encoding", format.encoding()).csv(csvs.toArray(String[]::new))
                .select(col("CODICE_CUDES").as(SourceLoader.UNIT)).where(col(SourceLoader.UNIT).isNotNull()).distinct().localCheckpoint();
    }

    private static void time(int rep, String part, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        System.out.printf(Locale.ROOT, "part=%s repetition=%d seconds=%.3f%n", part, rep, (System.nanoTime() - t0) / 1e9);
    }

    /** The header's column names, as the intake reads them (a UTF-8 byte-order mark and the spaces around names dropped). */
    private static List<String> header(Path csv, SourceRules.Format format) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, Charset.forName(format.encoding()))) {
            String line = r.readLine().replace("\uFEFF", "");
            return Arrays.stream(line.split(Pattern.quote(format.separator()), -1)).map(String::strip).toList();
        }
    }
}
