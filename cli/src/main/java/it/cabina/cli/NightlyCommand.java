package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyMetrics;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.etl.pipeline.RunLock;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.spark.Concurrently;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Carica le consegne in attesa nel landing e aggiorna il warehouse.",
                "Prima di toccare i dati fa gli stessi controlli di `cabina check` (configurazione, riferimenti, regole, catalogo,",
                "modelli, template, percorsi, chiave): se qualcosa non va, codice 2 con ogni problema elencato.",
                "La chiave degli pseudonimi si legge dalla variabile d'ambiente CABINA_PSEUDONYM_KEY, oppure dal file indicato da",
                "CABINA_PSEUDONYM_KEY_FILE (credenziali di systemd, secret di Kubernetes); non è mai mostrata.",
                "Alla fine scrive le metriche in operations.metrics_file (formato testuale di Prometheus), se indicato.",
                "Codici di uscita: 0 tutto caricato, 3 alcune consegne respinte, 4 il warehouse è occupato da un'altra esecuzione",
                "(nightly, export, report --all, housekeeping: nulla fatto), 1 errore, 2 configurazione.",
                "L'ultima riga dice l'esito: ESITO: OK | PARZIALE | OCCUPATO | ERRORE."})
public final class NightlyCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions paths;

    @Mixin
    LogOptions logs;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "Data di riferimento (default: oggi): le consegne depositate dopo aspettano.")
    LocalDate asOf;

    @Option(names = "--rebuild", description = "Ricalcola silver e gold anche senza consegne nuove.")
    boolean rebuild;

    @Override
    public Integer call() {
        CabinaConfig config;
        try {
            config = logs.configure(paths::config);
        } catch (ConfigException e) {
            Progress progress = new Progress();
            return configError(progress, e.problems());
        }
        return run(config, () -> PseudonymKey.load(config), new NightlyOptions(asOf, rebuild));
    }

    /**
     * Checks the installation, then runs the nightly; whatever happens, the last line printed is the outcome, so that a
     * log's tail tells it.
     */
    static int run(CabinaConfig config, Supplier<PseudonymKey> keySource, NightlyOptions options) {
        Logging.use(config.logFormat());
        Progress progress = new Progress();
        long t0 = System.nanoTime();
        // Spark starts beside the checks: neither reads nor writes data, and in a new JVM each takes seconds
        Concurrently.Beside<CabinaContext> opening = Concurrently.beside("cabina-spark-start", () -> Jobs.open(config));
        List<String> problems = Checks.run(config, keySource, progress);
        if (!problems.isEmpty()) {
            NightlyMetrics.configError(Instant.now(), (System.nanoTime() - t0) / 1e9).publish(config.operations().metricsFile(), progress);
            return configError(progress, problems);
        }
        try {
            CabinaContext ctx = opening.join();
            SparkSession.setActiveSession(ctx.spark()); // the session's thread was the opener's
            NightlyResult result = new Nightly(ctx, keySource.get().pseudonymizer(), progress, Checks.publications()).run(options);
            int code = result.exitCode();
            progress.outcome(code, code == NightlyResult.OK ? "ESITO: OK"
                    : "ESITO: PARZIALE — " + result.count(LedgerEntry.Status.REJECTED) + " consegne respinte (vedi ./cabina status)");
            return code;
        } catch (RunLock.BusyException e) {
            return Locked.busy(progress, e);
        } catch (RuntimeException e) {
            progress.error(Main.message(e));
            if (System.getenv("CABINA_DEBUG") != null) e.printStackTrace();
            int code = Main.exitCode(e);
            progress.outcome(code, "ESITO: ERRORE (codice " + code + ") — il prossimo nightly riprende da dove si è fermato");
            return code;
        }
    }

    private static int configError(Progress progress, List<String> problems) {
        problems.forEach(progress::error);
        progress.outcome(2, "ESITO: ERRORE (codice 2) — configurazione: " + Checks.count(problems.size())
                + " (vedi sopra e ./cabina check); nulla è stato fatto");
        return 2;
    }
}
