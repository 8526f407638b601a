package it.cabina.etl.testing;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;


/** One local Spark session per test JVM (UI off, 2 shuffle partitions): starting Spark and Delta is the slow part. */
public final class SparkTestSession {
    private static SparkSession spark;
    public static final java.nio.file.Path EXPORT;
    /** The esiti, and the reports folder, of every test nightly of this JVM that does not choose its own. */
    public static final java.nio.file.Path ESITI, REPORTS;

    static {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("cabina-test-export");
            EXPORT = tmp.resolve("export");
            ESITI = tmp.resolve("esiti");
            REPORTS = tmp.resolve("reports");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (spark == null) spark = SparkSessions.create(config());
        return spark;
    }

    /**
     * A session of its own over the same Spark: its temporary views and SQL settings are not the other classes', so a
     * test class that runs beside them (JUnit's parallel execution, src/test/resources/junit-platform.properties) can
     * run nightlies without either side replacing the other's views.
     */
    public static SparkSession isolated() {
        return get().newSession();
    }

    /**
     * The configuration of the tests: conf/cabina-test.yaml (test-sized Spark settings, no housekeeping in the nightly;
     * surefire names it in CABINA_CONFIG), with the analysts' export, the reports (the explanations of a nightly go there)
     * and the esiti of every test in temporary folders of this JVM, never in the project.
     */
    public static CabinaConfig config() {
        return CabinaConfig.load().withPaths(null, null, REPORTS.toString(), EXPORT.toString()).withEsiti(ESITI.toString());
    }
}
