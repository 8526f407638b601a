package it.cabina.cli;

import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Option;

import java.util.function.Supplier;

/** {@code --log-format}: the format of the command's lines, over {@code logging.format} of conf/cabina.yaml. */
public final class LogOptions {
    @Option(names = "--log-format", paramLabel = "text|json",
            description = {"Formato delle righe: text (per le persone) o json (un oggetto JSON per riga: ora, livello, run_id,",
                    "fase, evento, conteggi; sullo standard output solo righe JSON). Default: logging.format di conf/cabina.yaml, text."})
    CabinaConfig.LogFormat format;

    /**
     * Reads the configuration with the format chosen already in use (the option's, or text while the configuration is
     * read, so that its problems are told in that format), then the configuration's own when no option was given.
     */
    CabinaConfig configure(Supplier<CabinaConfig> load) {
        Logging.use(format != null ? format : CabinaConfig.LogFormat.TEXT);
        CabinaConfig config = load.get();
        if (format == null) {
            Logging.use(config.logFormat());
            return config;
        }
        return config.withLogFormat(format);
    }
}
