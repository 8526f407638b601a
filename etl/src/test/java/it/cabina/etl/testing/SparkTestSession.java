package it.cabina.etl.testing;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Map;

/** One local Spark session per test JVM (UI off, 2 shuffle partitions): starting Spark and Delta is the slow part. */
public final class SparkTestSession {
    private static SparkSession spark;
    public static final java.nio.file.Path EXPORT;

    static {
        try {
            EXPORT = java.nio.file.Files.createTempDirectory("cabina-test-export").resolve("export");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (spark == null) spark = SparkSessions.create(config());
        return spark;
    }

    /** The project's configuration with test-sized Spark settings. */
    public static CabinaConfig config() {
        CabinaConfig c = CabinaConfig.load();
        Map<String, String> settings = new LinkedHashMap<>(c.sparkSettings());
        settings.put("spark.sql.shuffle.partitions", "2");
        settings.put("spark.default.parallelism", "2");
        settings.put("spark.ui.enabled", "false");
        settings.put("spark.databricks.delta.snapshotPartitions", "1");
        // the analysts' export of every test goes to one temporary folder of this JVM, never into the project
        // housekeeping (VACUUM of every table) would double each test nightly: HousekeepingTest runs it on purpose
        CabinaConfig.Operations o = c.operations();
        return c.withSpark("local[2]", "cabina-test", settings).withPaths(null, null, null, EXPORT.toString())
                .withOperations(new CabinaConfig.Operations(o.lockHeartbeatSeconds(), o.lockStaleMinutes(), o.auditDays(),
                        o.archiveDays(), o.rejectedDays(), o.compactMinFiles(), false, o.vacuumEveryDays()));
    }
}
