package it.cabina.bench;

import it.cabina.etl.aggregates.AggregateBuilder;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.model.RunParameters;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.SaveMode;

import java.time.LocalDate;
import java.util.List;

/**
 * The Cabina side of the benchmark, on an existing warehouse (one Spark session, like the nightly):
 * <ul>
 *   <li>{@code compute WAREHOUSE AS_OF}: the indicators and the semiannual aggregates alone, exactly as the nightly's
 *       two stages run them; prints {@code compute_seconds=…} (without JVM and session start) and {@code input_rows=…};</li>
 *   <li>{@code compute-warm WAREHOUSE AS_OF}: the same twice in one JVM; {@code compute_seconds=…} is the second time,
 *       when Spark's code is loaded and compiled (what the cold figure pays on top of it is the JVM's warm-up);</li>
 *   <li>{@code extras WAREHOUSE OUT}: writes the tables the aggregates read and the analysts' export does not carry
 *       ({@code ledger_deliveries}, {@code quarantine}, the AFAM rows of silver {@code afam_unita_offerta}) as plain
 *       Parquet, for the reference engine.</li>
 * </ul>
 */
public final class CabinaSide {
    private CabinaSide() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: CabinaSide compute WAREHOUSE AS_OF | extras WAREHOUSE OUT");
            System.exit(2);
        }
        CabinaConfig config = CabinaConfig.load().withPaths(null, args[1], null, null);
        CabinaContext ctx = CabinaContext.create(config, SparkSessions.create(config));
        try {
            switch (args[0]) {
                case "compute" -> compute(ctx, LocalDate.parse(args[2]), 1);
                case "compute-warm" -> compute(ctx, LocalDate.parse(args[2]), 2);
                case "extras" -> extras(ctx, args[2]);
                default -> throw new IllegalArgumentException("unknown action " + args[0]);
            }
        } finally {
            ctx.spark().stop();
        }
    }

    private static void compute(CabinaContext ctx, LocalDate asOf, int rounds) {
        Progress progress = new Progress();
        double seconds = 0;
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
            progress.stage("Indicatori del triennio", () -> new IndicatorEngine(ctx, catalog).compute("bench-" + System.currentTimeMillis(), asOf));
            progress.stage("Aggregati semestrali", () -> new AggregateBuilder(ctx, progress)
                    .rebuild(RunParameters.of(ctx, asOf, catalog.triennio().dal(), catalog.triennio().al())));
            seconds = (System.nanoTime() - t0) / 1e9;
            if (round < rounds) System.out.printf("round_%d_seconds=%.3f%n", round, seconds);
        }
        long rows = 0;
        for (Table t : Tables.star()) if (ctx.store().exists(t)) rows += ctx.store().read(t).count();
        System.out.printf("compute_seconds=%.3f%ninput_rows=%d%n", seconds, rows);
    }

    private static void extras(CabinaContext ctx, String out) {
        for (Table t : List.of(Tables.LEDGER, Tables.QUARANTINE, Table.silver("AFAM", "unita_offerta"))) {
            ctx.store().read(t).write().mode(SaveMode.Overwrite).parquet(out + "/" + t.name());
        }
    }
}
