package it.cabina.cli;

import it.cabina.etl.export.AnalystExport;
import it.cabina.etl.context.Progress;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import it.cabina.warehouse.tables.DeltaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Pubblica le tabelle gold come Parquet semplice per gli analisti (DuckDB, pandas, Spark senza Delta),",
                "con il dizionario dei dati; la cartella è sostituita per intero (mai metà esportazione)."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "DIR", description = "Cartella del warehouse (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--out", paramLabel = "DIR", description = "Cartella di destinazione (default: paths.export).")
    String out;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = CabinaConfig.load().withPaths(null, warehouse, null, out);
        Map<String, Long> rows = new AnalystExport(new DeltaStore(SparkSessions.create(config), config.warehouse()),
                config.home(), new Progress(System.out)).publish(config.export());
        rows.forEach((t, n) -> System.out.printf("  %-26s %,10d righe%n", t, n));
        return 0;
    }
}
