package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.export.AnalystExport;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Pubblica le due esportazioni per gli analisti (Parquet semplice, per DuckDB, pandas, R, Spark senza Delta):",
                "riservata (schema a stella, pseudonimi: paths.export_riservato) e aperta (aggregati e indicatori con i piccoli",
                "numeri tutelati, Parquet e CSV: paths.export_aperto). Ognuna in una nuova versione <run_id>/ con _manifest.json,",
                "cabina.sql e datapackage.json; il file CURRENT la indica per ultimo; restano le ultime export.keep_versions.",
                "Prende lo stesso lucchetto del nightly: codice 4, senza fare nulla, se sullo stesso warehouse è in corso",
                "un nightly, un report --all, una manutenzione o un altro export."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "DIR", description = "Cartella del warehouse (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--out", paramLabel = "DIR", description = "Cartella che accoglie DIR/riservato e DIR/aperto (default: paths.export_riservato e paths.export_aperto).")
    String out;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = logs.configure(() -> CabinaConfig.load().withPaths(null, warehouse, null, out));
        Progress progress = new Progress();
        CabinaContext ctx = Jobs.open(config);
        return Locked.run(ctx, "export", progress, () -> {
            AnalystExport.Run run = AnalystExport.latestRun(ctx);
            for (AnalystExport.Published p : new AnalystExport(ctx, progress).publish(run)) {
                progress.accept(String.format("%s: %s/%s (run %s, data di riferimento %s)", p.kind(), p.folder(), p.version(), run.id(), run.asOf()));
                p.rows().forEach((t, n) -> progress.accept(String.format("  %-26s %,10d righe", t, n)));
            }
            progress.outcome(0, "ESITO: OK — esportazioni riservata e aperta pubblicate");
            return 0;
        });
    }
}
