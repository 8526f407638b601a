package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.reports.Format;
import it.cabina.reports.ReportKey;
import it.cabina.reports.service.ReportService;
import it.cabina.reports.publish.ReportPublisher;
import it.cabina.reports.publish.ReportStage;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.published.Levels;
import it.cabina.warehouse.published.ReportKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Genera un report (PDF o XLSX) dal warehouse, oppure con --all tutti i report dell'ultimo periodo",
                "concluso per ogni territorio, con index.json, come fa il nightly.",
                "Con --all prende lo stesso lucchetto del nightly: codice 4, senza fare nulla, se sullo stesso warehouse è in corso",
                "un nightly, un export, una manutenzione o un altro report --all. Un report singolo legge soltanto il warehouse",
                "e scrive il proprio file (--out): non prende il lucchetto.",
                "Livelli: AMBITO (es. AMB-BUSTO-ARSIZIO), ASST (es. 030711), ATS (es. 030322), REGIONE (03).",
                "Report:"})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "DIR", description = "Cartella del warehouse (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--reports", paramLabel = "DIR", description = "Cartella dei report per --all (default: paths.reports).")
    String reports;

    @Option(names = "--force", description = "Con --all, rigenera anche i report già pubblicati con gli stessi dati e lo stesso programma "
            + "(di norma restano come sono).")
    boolean force;

    @Mixin
    LogOptions logs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--all", required = true, description = "Tutti i report dell'ultimo periodo concluso, per ogni territorio con dati.")
        boolean all;

        @ArgGroup(exclusive = false)
        One one;
    }

    static final class One {
        @Option(names = "--report", required = true, paramLabel = "NOME", completionCandidates = Kinds.class,
                description = "${COMPLETION-CANDIDATES}")
        String report;
        @Option(names = "--period", required = true, paramLabel = "P", description = "Anno (AAAA) o semestre (AAAA-S1, AAAA-S2), secondo il report.")
        String period;
        @Option(names = "--level", required = true, paramLabel = "L", completionCandidates = LevelNames.class,
                description = "${COMPLETION-CANDIDATES}")
        String level;
        @Option(names = "--territory", required = true, paramLabel = "T", description = "Codice del territorio.")
        String territory;
        @Option(names = "--format", required = true, paramLabel = "pdf|xlsx")
        String format;
        @Option(names = "--out", paramLabel = "FILE", description = "File da scrivere (default: <report>-<periodo>-<territorio>.<formato> nella cartella corrente).")
        Path out;
    }

    /** The registered report kinds, for --report. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() { return ReportKind.slugs().iterator(); }
    }

    static final class LevelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() { return Levels.ALL.iterator(); }
    }

    private CommandSpec spec;

    /** The help ends with one line per registered kind: its title, period and, when not all, its levels. */
    @Spec
    void listKinds(CommandSpec spec) {
        this.spec = spec;
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ReportKind kind : ReportKind.values()) {
            lines.add(String.format("  %-13s %s (periodo: %s%s)", kind.slug(), kind.title(), kind.period().description(),
                    kind.levels().equals(Levels.ALL) ? "" : "; livelli: " + String.join(", ", kind.levels())));
        }
        spec.usageMessage().description(lines.toArray(String[]::new));
    }

    @Override
    public Integer call() throws Exception {
        if (force && !what.all) throw Arguments.invalid(spec, "--force vale soltanto con --all: un report singolo si genera sempre");
        CabinaConfig config = logs.configure(() -> CabinaConfig.load().withPaths(null, warehouse, reports, null));
        if (what.all) {
            Progress progress = new Progress();
            CabinaContext ctx = Jobs.open(config);
            return Locked.run(ctx, "report", progress, () -> {
                ReportPublisher.Result r = ReportStage.publish(ctx, progress, force);
                progress.outcome(0, "ESITO: OK — " + r.filesText() + " in " + config.reports() + "; " + r.timesText());
                return 0;
            });
        }
        One o = what.one;
        ReportKey key = Arguments.parsed(spec, () -> new ReportKey(ReportKind.of(o.report), o.period, o.level.toUpperCase(Locale.ROOT), o.territory));
        Format format = Arguments.parsed(spec, () -> Format.of(o.format));
        CabinaContext ctx = Jobs.open(config);
        ReportService service = ReportService.open(ctx);
        if (service.data().territory(key.level(), key.territory()) == null) {
            throw Arguments.invalid(spec, "territorio " + key.level() + " " + key.territory() + " non presente nel warehouse");
        }
        if (!service.builder(key.kind()).available(key.period()).contains(key)) {
            throw Arguments.invalid(spec, "nessun dato per " + key.kind().slug() + " " + key.period() + " " + key.level() + " "
                    + key.territory() + ": l'ultimo periodo concluso è " + service.latestPeriod(key.kind()));
        }
        long t0 = System.nanoTime();
        byte[] bytes = service.render(key, format);
        Path out = o.out != null ? o.out
                : Path.of(key.kind().slug() + "-" + key.period() + "-" + key.territory() + "." + format.extension());
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, bytes);
        new Progress().outcome(0, String.format("%s (%,d byte, generato in %.3f s a dati letti)", out, bytes.length, (System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
