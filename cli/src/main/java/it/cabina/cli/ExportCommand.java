package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.export.AnalystExport;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Pubblica le tabelle gold come Parquet semplice per gli analisti (DuckDB, pandas, Spark senza Delta),",
                "con il dizionario dei dati; la cartella è sostituita per intero (mai metà esportazione).",
                "Prende lo stesso lucchetto del nightly: codice 4, senza fare nulla, se sullo stesso warehouse è in corso",
                "un nightly, un report --all, una manutenzione o un altro export."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "DIR", description = "Cartella del warehouse (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--out", paramLabel = "DIR", description = "Cartella di destinazione (default: paths.export).")
    String out;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = logs.configure(() -> CabinaConfig.load().withPaths(null, warehouse, null, out));
        Progress progress = new Progress();
        CabinaContext ctx = Jobs.open(config);
        return Locked.run(ctx, "export", progress, () -> {
            Map<String, Long> rows = new AnalystExport(ctx.store(), config.home(), progress).publish(config.export());
            rows.forEach((t, n) -> progress.accept(String.format("  %-26s %,10d righe", t, n)));
            progress.outcome(0, "ESITO: OK — " + rows.size() + " tabelle esportate in " + config.export());
            return 0;
        });
    }
}
