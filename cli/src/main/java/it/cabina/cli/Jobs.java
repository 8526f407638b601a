package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;

/** Opens the one Spark session of this JVM and the job context. */
final class Jobs {
    private Jobs() {}

    static CabinaContext open(CabinaConfig config) {
        return CabinaContext.create(config, SparkSessions.create(config));
    }
}
