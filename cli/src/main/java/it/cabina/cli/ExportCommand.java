package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.export.AnalystExport;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Pubblica le due esportazioni per gli analisti (Parquet semplice, per DuckDB, pandas, R, Spark senza Delta):",
                "riservata (schema a stella, pseudonimi: paths.export_riservato) e aperta (aggregati e indicatori con i piccoli",
                "numeri tutelati, Parquet e CSV: paths.export_aperto). Ognuna in una nuova versione <run_id>/ con _manifest.json,",
                "cabina.sql e datapackage.json; il file CURRENT la indica per ultimo; restano le ultime export.keep_versions."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "DIR", description = "Cartella del warehouse (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--out", paramLabel = "DIR", description = "Cartella che accoglie DIR/riservato e DIR/aperto (default: paths.export_riservato e paths.export_aperto).")
    String out;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = CabinaConfig.load().withPaths(null, warehouse, null, out);
        CabinaContext ctx = Jobs.open(config);
        AnalystExport.Run run = AnalystExport.latestRun(ctx);
        for (AnalystExport.Published p : new AnalystExport(ctx, new Progress(System.out)).publish(run)) {
            System.out.printf("%s: %s/%s (run %s, data di riferimento %s)%n", p.kind(), p.folder(), p.version(), run.id(), run.asOf());
            p.rows().forEach((t, n) -> System.out.printf("  %-26s %,10d righe%n", t, n));
        }
        return 0;
    }
}
