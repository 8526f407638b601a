package it.cabina.cli;

import it.cabina.generator.DeliveryGenerator;
import it.cabina.generator.GenerationSummary;
import it.cabina.generator.GeneratorOptions;
import it.cabina.generator.Scale;
import it.cabina.generator.Source;
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
        System.out.println(describe(summary, out));
        return 0;
    }

    static String describe(GenerationSummary s, Path out) {
        StringBuilder sb = new StringBuilder(String.format("Generate %d consegne in %s (seme %d, scala %s, %s..%s):%n",
                s.deliveries().size(), out, s.seed(), s.scale(), s.from(), s.to()));
        for (Source src : Source.values()) {
            StringBuilder bySpec = new StringBuilder();
            s.deliveriesBySpec(src).forEach((v, n) -> bySpec.append(bySpec.length() == 0 ? "" : ", ").append(v.text()).append(": ").append(n));
            sb.append(String.format("  %-7s %4d consegne, %,10d righe (tracciato %s)%n", src, s.deliveries(src).size(), s.rows(src), bySpec));
        }
        sb.append(String.format("  righe con un difetto voluto: %,d %s%n", s.defects(), s.defectsByRule()));
        sb.append(String.format("  consegne da scartare per intero: %d %s%n", s.rejected().size(), s.rejectedByDefect()));
        sb.append(String.format("  semestri FLUSSO mancanti: %d, rinviati: %d; scenari di versione: %s%n",
                s.missingFlusso().size(), s.resentFlusso().size(), s.scenarioCounts()));
        sb.append("  riepilogo: ").append(out.resolve("_generator/summary.json"));
        return sb.toString();
    }

    static GenerationSummary generate(CabinaConfig config, Path out, long seed, Scale scale, double defects) {
        GeneratorOptions d = GeneratorOptions.defaults(out);
        GeneratorOptions o = new GeneratorOptions(out, seed, scale, d.from(), d.to(), defects, d.zipSome());
        return new DeliveryGenerator().generate(o, config);
    }
}
