package it.cabina.bench;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.StageId;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The FLUSSO bronze load against the floor Spark sets on the same files (issue 22: FLUSSO bronze within 2× a bare read):
 * <ul>
 *   <li>{@code bare LANDING OUT}: every FLUSSO delivery's {@code prestazioni.csv} read by Spark's own CSV reader with
 *       the source's format (separator, quote, charset) and every field as text, written as Parquet, rows counted
 *       from what was written. No rule, no pseudonym, no lineage, no ledger: what parsing and writing the rows costs.
 *       Zipped deliveries are unpacked into OUT first, outside the time;</li>
 *   <li>{@code bronze LANDING WAREHOUSE AS_OF}: the nightly up to the ledger (which counts the rows received) on a
 *       landing area that holds the FLUSSO deliveries (and the AFAM ones their rule on {@code codice_udo} reads), with
 *       the configured settings; its figure is the bronze stage's.</li>
 *   <li>{@code parts LANDING OUT [REPETITIONS]}: where the bronze load's time goes between the floor and the whole
 *       ({@link FlussoParts}).</li>
 * </ul>
 * Each prints {@code compute_seconds=…} (the read and write, or the bronze stage: without JVM and session start) and
 * {@code input_rows=…} (for {@code bronze}, the AFAM rows included); the nightly's progress lines also give the FLUSSO
 * file type's own time.
 */
public final class FlussoFloor {
    private FlussoFloor() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args[0].equals("bronze") && args.length < 4) {
            System.err.println("usage: FlussoFloor bare LANDING OUT | bronze LANDING WAREHOUSE AS_OF | parts LANDING OUT [REPETITIONS]");
            System.exit(2);
        }
        CabinaConfig config = CabinaConfig.load();
        switch (args[0]) {
            case "bare" -> bare(config, Path.of(args[1]), Path.of(args[2]));
            case "bronze" -> bronze(config, Path.of(args[1]), Path.of(args[2]), LocalDate.parse(args[3]));
            case "parts" -> FlussoParts.run(config, Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 4);
            default -> throw new IllegalArgumentException("unknown action " + args[0]);
        }
    }

    private static void bare(CabinaConfig config, Path landing, Path out) throws IOException {
        List<String> files = flussoFiles(landing, out.resolve("unzipped"));
        SparkSession spark = SparkSessions.create(config);
        try {
            var format = CabinaContext.create(config, spark).rules().get("FLUSSO").format();
            // Spark 4's CSV reader takes only a few Unicode charsets unless told to accept every Java charset (windows-1252)
            spark.conf().set("spark.sql.legacy.javaCharsets", "true");
            long t0 = System.nanoTime();
            spark.read().option("header", "true").option("sep", format.separator()).option("quote", format.quote())
                    .option("encoding", format.encoding()).option("inferSchema", "false").option("mode", "PERMISSIVE")
                    .csv(files.toArray(String[]::new))
                    .write().mode(SaveMode.Overwrite).parquet(out.resolve("parquet").toString());
            long rows = spark.read().parquet(out.resolve("parquet").toString()).count();
            System.out.printf(Locale.ROOT, "compute_seconds=%.3f%ninput_rows=%d%nfiles=%d%n", (System.nanoTime() - t0) / 1e9, rows, files.size());
        } finally {
            spark.stop();
        }
    }

    /**
     * The prestazioni.csv of every FLUSSO delivery: of the folders where they are, of the zips unpacked under
     * {@code unzipped}; each has its delivery's manifest.json beside it.
     */
    static List<String> flussoFiles(Path landing, Path unzipped) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(landing)) {
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith("FLUSSO_")).sorted().toList()) {
                String name = d.getFileName().toString();
                if (Files.isDirectory(d)) {
                    out.add(d.resolve("prestazioni.csv").toAbsolutePath().toString());
                } else if (name.endsWith(".zip")) {
                    Path target = unzipped.resolve(name.substring(0, name.length() - 4)).resolve("prestazioni.csv");
                    Files.createDirectories(target.getParent());
                    try (InputStream in = Files.newInputStream(d); ZipInputStream zip = new ZipInputStream(in)) {
                        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                            if (e.getName().endsWith("prestazioni.csv")) Files.copy(zip, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            if (e.getName().endsWith("manifest.json")) {
                                Files.copy(zip, target.resolveSibling("manifest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                    out.add(target.toAbsolutePath().toString());
                }
            }
        }
        return out;
    }

    private static void bronze(CabinaConfig base, Path landing, Path warehouse, LocalDate asOf) {
        CabinaConfig config = base.withPaths(landing.toString(), warehouse.toString(), null, warehouse.resolveSibling("export").toString())
                .withEsiti(warehouse.resolveSibling("esiti").toString());
        SparkSession spark = SparkSessions.create(config);
        try {
            PseudonymKey key = System.getenv("CABINA_PSEUDONYM_KEY") == null ? PseudonymKey.demoKey() : PseudonymKey.load(config);
            Progress progress = new Progress();
            // up to the ledger, which counts the rows received (its commit is a fraction of a second)
            new Nightly(CabinaContext.create(config, spark), key.pseudonymizer(), progress).run(new NightlyOptions(asOf, false).until(StageId.LEDGER));
            Progress.StageRecord bronze = progress.stages().stream().filter(st -> st.name().startsWith("Caricamento bronze")).findFirst().orElseThrow();
            long rows = progress.stages().stream().mapToLong(st -> st.counts().getOrDefault("righe_ricevute", 0L)).sum();
            System.out.printf(Locale.ROOT, "compute_seconds=%.3f%ninput_rows=%d%n", bronze.seconds(), rows);
        } finally {
            spark.stop();
        }
    }
}
