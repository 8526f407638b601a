package it.cabina.cli;

import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.RunLock;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.reports.publish.ReportStage;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import it.cabina.reports.publish.ReportStage;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Carica le consegne in attesa nel landing e aggiorna il warehouse.",
                "La chiave degli pseudonimi si legge SOLO dalla variabile d'ambiente CABINA_PSEUDONYM_KEY.",
                "Codici di uscita: 0 tutto caricato, 3 alcune consegne respinte, 4 un altro nightly è in corso (nulla fatto),",
                "1 errore, 2 configurazione. L'ultima riga dice l'esito: ESITO: OK | PARZIALE | OCCUPATO | ERRORE."})
public final class NightlyCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions paths;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "Data di riferimento (default: oggi): le consegne depositate dopo aspettano.")
    LocalDate asOf;

    @Option(names = "--rebuild", description = "Ricalcola silver e gold anche senza consegne nuove.")
    boolean rebuild;

    @Override
    public Integer call() {
        CabinaConfig config = paths.config();
        PseudonymKey key = PseudonymKey.fromEnvironment(config.pseudonymKeyEnv());
        return run(config, key, new NightlyOptions(asOf, rebuild));
    }

    /** Runs the nightly; whatever happens, the last line printed is the outcome, so that a log's tail tells it. */
    static int run(CabinaConfig config, PseudonymKey key, NightlyOptions options) {
        Progress progress = new Progress(System.out);
        try {
            CabinaContext ctx = Jobs.open(config);
            NightlyResult result = new Nightly(ctx, key.pseudonymizer(), progress, List.of(new ReportStage())).run(options);
            int code = result.exitCode();
            progress.accept(code == NightlyResult.OK ? "ESITO: OK"
                    : "ESITO: PARZIALE — " + result.count(LedgerEntry.Status.REJECTED) + " consegne respinte (vedi ./cabina status)");
            return code;
        } catch (RunLock.BusyException e) {
            System.err.println("ERRORE: " + e.getMessage());
            System.err.flush();
            progress.accept("ESITO: OCCUPATO — un altro nightly è in corso (" + e.holder().runId() + "): nulla è stato fatto");
            return NightlyResult.BUSY;
        } catch (RuntimeException e) {
            System.err.println("ERRORE: " + Main.message(e));
            if (System.getenv("CABINA_DEBUG") != null) e.printStackTrace();
            System.err.flush();
            int code = e instanceof ConfigException ? 2 : NightlyResult.FAILED;
            progress.accept("ESITO: ERRORE (codice " + code + ") — il prossimo nightly riprende da dove si è fermato");
            return code;
        }
    }
}
