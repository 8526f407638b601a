package it.cabina.warehouse.spark;

import it.cabina.warehouse.config.CabinaConfig;
import org.apache.spark.sql.SparkSession;

/** The one place where the SparkSession is made. Under spark-submit the master comes from the launcher, not from conf. */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(CabinaConfig config) {
        SparkSession.Builder builder = SparkSession.builder().appName(config.sparkAppName());
        boolean submitted = System.getProperty("spark.master") != null;
        if (!submitted) builder.master(config.sparkMaster());
        config.sparkSettings().forEach(builder::config);
        // Parsing relies on null for an unparseable value (then set aside with FORMAT), not on ANSI errors.
        builder.config("spark.sql.ansi.enabled", "false");
        // Timestamps are written as Parquet INT64 microseconds adjusted to UTC (Spark's default, INT96, is deprecated by
        // the Parquet format and read with warnings or as local times by pyarrow and R): in the Delta tables and in the
        // analysts' exports alike.
        builder.config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("cabina.spark.log", "ERROR"));
        return spark;
    }
}
