package it.cabina.cli;

import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.generator.GenerationSummary;
import it.cabina.generator.Scale;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.etl.context.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                "La cartella della demo viene ricreata a ogni esecuzione; una cartella non vuota che non sia una demo",
                "(senza il file " + DemoCommand.MARKER + ") non viene toccata."})
public final class DemoCommand implements Callable<Integer> {
    /** The file that marks a folder as made by demo: only such a folder (or an empty one) is deleted and made again. */
    static final String MARKER = ".cabina-demo";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Cartella della demo (default: data/demo nella cartella del progetto).")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "Seme (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "DEMO", description = "Dimensione: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scale scale;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", defaultValue = "2026-11-23",
            description = "Data di riferimento della demo (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() throws IOException {
        CabinaConfig base = logs.configure(CabinaConfig::load);
        Progress progress = new Progress();
        Path root = (dir != null ? dir : base.home().resolve("data/demo")).toAbsolutePath();
        if (Files.isDirectory(root) && !Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
            throw Arguments.invalid(spec, "la cartella " + root + " non è vuota e non è una demo (manca " + MARKER
                    + "): non la cancello; scegli un'altra --dir");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) throw Arguments.invalid(spec, root + " non è una cartella");
        deleteTree(root);
        Files.createDirectories(root);
        Files.writeString(root.resolve(MARKER), "cartella creata da 'cabina demo': viene ricreata a ogni esecuzione\n");
        Path landing = root.resolve("landing");
        CabinaConfig config = base.withPaths(landing.toString(), root.resolve("warehouse").toString(),
                root.resolve("reports").toString(), root.resolve("export").toString()).withEsiti(root.resolve("esiti").toString());
        progress.accept("DEMO: dati sintetici in " + root + " — chiave degli pseudonimi DEMO incorporata (non usarla per dati reali)");
        GenerationSummary summary = GenerateCommand.generate(base, landing, seed, scale, 0.02);
        GenerateCommand.describe(summary, landing).lines().forEach(progress);
        int code = NightlyCommand.run(config, PseudonymKey::demoKey, new NightlyOptions(asOf, false));
        progress.accept("Warehouse: " + config.warehouse());
        progress.accept("Prova:  ./cabina status --warehouse " + config.warehouse());
        progress.accept("        ./cabina sql --warehouse " + config.warehouse() + " \"SELECT codice_ambito, area_utenza, count(*) FROM fact_case GROUP BY 1, 2 ORDER BY 1, 2\"");
        progress.accept("        cd " + config.export().riservato() + " && duckdb -init cabina.sql     (esportazione per gli analisti; aperta: "
                + config.export().aperto() + ")");
        // rejected deliveries are part of the demo (the generator makes some on purpose): not a failure here
        return code == 3 ? 0 : code;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
