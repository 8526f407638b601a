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
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("cabina.spark.log", "ERROR"));
        return spark;
    }
}
