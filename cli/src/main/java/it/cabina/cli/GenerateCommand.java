package it.cabina.cli;

import it.cabina.etl.generate.DeliveryGenerator;
import it.cabina.etl.generate.GenerationSummary;
import it.cabina.etl.generate.GeneratorOptions;
import it.cabina.etl.generate.Scale;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Scrive consegne sintetiche (CSI, FLUSSO, AFAM) per il territorio demo, deterministiche per un seme.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Cartella di destinazione (un landing).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seme (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "DEMO", description = "Dimensione: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scale scale;

    @Option(names = "--defects", defaultValue = "0.02", description = "Quota di righe che violano una regola (default: ${DEFAULT-VALUE}).")
    double defects;

    @Override
    public Integer call() {
        GenerationSummary summary = generate(CabinaConfig.load(), out, seed, scale, defects);
        System.out.println(summary.describe());
        return 0;
    }

    static GenerationSummary generate(CabinaConfig config, Path out, long seed, Scale scale, double defects) {
        GeneratorOptions d = GeneratorOptions.defaults(out);
        GeneratorOptions o = new GeneratorOptions(out, seed, scale, d.from(), d.to(), defects, d.zipSome());
        return new DeliveryGenerator().generate(o, config);
    }
}
