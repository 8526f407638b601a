package it.cabina.cli;

import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.generator.GenerationSummary;
import it.cabina.generator.Scale;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Genera un landing dimostrativo in data/demo e vi esegue il nightly, con la chiave demo.",
                "La cartella data/demo viene ricreata a ogni esecuzione."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Cartella della demo (default: data/demo nella cartella del progetto).")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "Seme (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "DEMO", description = "Dimensione: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scale scale;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", defaultValue = "2026-11-23",
            description = "Data di riferimento della demo (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Override
    public Integer call() throws IOException {
        CabinaConfig base = CabinaConfig.load();
        Path root = (dir != null ? dir : base.home().resolve("data/demo")).toAbsolutePath();
        deleteTree(root);
        Path landing = root.resolve("landing");
        CabinaConfig config = base.withPaths(landing.toString(), root.resolve("warehouse").toString(),
                root.resolve("reports").toString(), root.resolve("export").toString());
        System.out.println("DEMO: dati sintetici in " + root + " — chiave degli pseudonimi DEMO incorporata (non usarla per dati reali)");
        GenerationSummary summary = GenerateCommand.generate(base, landing, seed, scale, 0.02);
        System.out.println(GenerateCommand.describe(summary, landing));
        int code = NightlyCommand.run(config, PseudonymKey.demoKey(), new NightlyOptions(asOf, false));
        System.out.println("Warehouse: " + config.warehouse());
        System.out.println("Prova:  ./cabina status --warehouse " + config.warehouse());
        System.out.println("        ./cabina sql --warehouse " + config.warehouse() + " \"SELECT codice_ambito, area_utenza, count(*) FROM fact_case GROUP BY 1, 2 ORDER BY 1, 2\"");
        System.out.println("        cd " + config.export().riservato() + " && duckdb -init cabina.sql     (esportazione per gli analisti; aperta: "
                + config.export().aperto() + ")");
        // rejected deliveries are part of the demo (the generator makes some on purpose): not a failure here
        return code == 3 ? 0 : code;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
