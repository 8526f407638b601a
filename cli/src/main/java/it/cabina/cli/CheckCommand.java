package it.cabina.cli;

import it.cabina.etl.context.Progress;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Controlla l'installazione senza leggere né scrivere dati e senza avviare Spark:",
                "la configurazione (chiavi sconosciute, tipi sbagliati, valori mancanti o fuori intervallo, con il percorso della",
                "chiave e il file), territorio e liste di codici, regole delle fonti, catalogo degli indicatori e viste, modelli",
                "gold e aggregati, template dei report, percorsi, presenza della chiave degli pseudonimi (mai mostrata).",
                "Il nightly fa gli stessi controlli prima di toccare i dati.",
                "Codici di uscita: 0 tutto a posto, 2 problemi (tutti elencati, non solo il primo)."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions paths;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() {
        Progress progress = new Progress();
        Path home = CabinaConfig.locateHome();
        Path configFile = CabinaConfig.configFile(home).toAbsolutePath().normalize();
        String file = (configFile.startsWith(home) ? home.relativize(configFile) : configFile).toString();
        CabinaConfig config;
        try {
            config = logs.configure(paths::config);
        } catch (ConfigException e) {
            progress.checked("configurazione", "", e.problems());
            progress.accept("  (gli altri controlli richiedono una configurazione valida)");
            return outcome(progress, e.problems().size());
        }
        progress.checked("configurazione", file, List.of());
        return outcome(progress, Checks.run(config, () -> PseudonymKey.load(config), progress).size());
    }

    private static int outcome(Progress progress, int problems) {
        if (problems == 0) {
            progress.outcome(0, "ESITO: OK — installazione pronta per il nightly");
            return 0;
        }
        progress.outcome(2, "ESITO: ERRORE (codice 2) — " + Checks.count(problems) + " (vedi sopra)");
        return 2;
    }
}
