package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;

import it.cabina.etl.aggregates.AggregateBuilder;
import it.cabina.etl.anomalies.Anomalies;
import it.cabina.etl.export.AnalystExport;
import it.cabina.etl.indicators.ExplanationFiles;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.landing.CheckedDelivery;
import it.cabina.etl.landing.Intake;
import it.cabina.etl.landing.LandingFiles;
import it.cabina.etl.landing.LandingIntake;
import it.cabina.etl.landing.Ledger;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.landing.RunLedger;
import it.cabina.etl.model.ModelBuilder;
import it.cabina.etl.model.ModelChecks;
import it.cabina.etl.model.SilverBuilder;
import it.cabina.etl.ops.Housekeeping;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.quality.Esiti;
import it.cabina.etl.quality.Quarantine;
import it.cabina.warehouse.files.PublishedFiles;
import it.cabina.etl.sources.BronzeTypes;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.warehouse.reference.Territory;
import it.cabina.warehouse.tables.Tables;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nightly job as a list of named stages ({@link #stages}): intake (discover, validate, decide) → recovery of
 * interrupted runs → load each source into bronze and quarantine → record the ledger (one commit) and move deliveries
 * aside → silver → gold → indicators → aggregates → checks of the model → anomalies → publication → explanations → export →
 * esiti for the senders → housekeeping.
 * Nothing is visible as loaded until the ledger commit; a run stopped before it is redone by the next run
 * ({@link Recovery}). One run at a time per warehouse ({@link RunLock}); each stage's time and counts go to the run
 * ledger. {@link NightlyOptions#until()} stops after a stage.
 */
public final class Nightly {
    private final CabinaContext ctx;
    private final Pseudonymizer pseudonymizer;
    private final Progress progress;
    private final List<PublicationStage> publications;

    public Nightly(CabinaContext ctx, Pseudonymizer pseudonymizer, Progress progress) {
        this(ctx, pseudonymizer, progress, List.of());
    }

    public Nightly(CabinaContext ctx, Pseudonymizer pseudonymizer, Progress progress, List<PublicationStage> publications) {
        this.ctx = ctx;
        this.pseudonymizer = pseudonymizer;
        this.progress = progress;
        this.publications = publications;
    }

    /**
     * @throws RunLock.BusyException when another nightly holds this warehouse (nothing is touched)
     * @throws Preflight.NotWritableException when the landing area or the export folder cannot be written
     */
    public NightlyResult run(NightlyOptions options) {
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        LocalDate asOf = options.asOf() != null ? options.asOf() : LocalDate.now(ZoneId.of("Europe/Rome"));
        String runId = RunLock.runId("run", now);
        progress.runId(runId);
        progress.accept("Nightly " + runId + " (data di riferimento " + asOf + ") landing=" + ctx.config().landing()
                + " warehouse=" + ctx.config().warehouse());
        int firstStage = progress.stages().size(); // a Progress may have seen earlier runs
        var hadoop = ctx.spark().sparkContext().hadoopConfiguration();
        RunState run = null;
        try {
            // a broken catalogue or view stops the run before it loads anything
            var catalog = IndicatorEngine.catalog(ctx);
            var anomalyRules = Anomalies.rules(ctx);
            Preflight.check(hadoop, ctx.config().landing(), List.of(ctx.config().export().riservato(), ctx.config().export().aperto()), runId);
            try (RunLock lock = RunLock.acquire(hadoop, ctx.config().warehouse(), runId, ctx.config().operations(), progress)) {
                run = new RunState(ctx, options, runId, now, t0, asOf, lock, firstStage, catalog, anomalyRules);
                try {
                    NightlyResult result = run(run);
                    writeMetrics(run, runId, t0, firstStage, result.stoppedEarly() ? NightlyMetrics.Outcome.STOPPED
                            : result.exitCode() == NightlyResult.PARTIAL ? NightlyMetrics.Outcome.PARTIAL : NightlyMetrics.Outcome.OK);
                    return result;
                } catch (RuntimeException | Error e) {
                    try {
                        new RunLedger(ctx.store()).failed(runId, Instant.now(), asOf, (System.nanoTime() - t0) / 1e9, stagesOf(run), String.valueOf(e.getMessage()));
                    } catch (RuntimeException ledgerDown) {
                        e.addSuppressed(ledgerDown);
                    }
                    throw e;
                }
            }
        } catch (RunLock.BusyException busy) {
            throw busy; // the run holding the lock writes the metrics
        } catch (RuntimeException | Error e) {
            writeMetrics(run, runId, t0, firstStage, NightlyMetrics.Outcome.FAILED);
            throw e;
        }
    }

    /** The metrics file of operations.metrics_file, if any; a failure to write it is told, never fatal. */
    private void writeMetrics(RunState run, String runId, long t0, int firstStage, NightlyMetrics.Outcome outcome) {
        java.nio.file.Path file = ctx.config().operations().metricsFile();
        if (file == null) return;
        Map<String, StageId> ids = stages().stream().collect(Collectors.toMap(Stage::name, Stage::id, (a, b) -> a));
        List<Progress.StageRecord> all = progress.stages();
        NightlyMetrics.of(runId, outcome, (System.nanoTime() - t0) / 1e9, all.subList(Math.min(firstStage, all.size()), all.size()), ids,
                run == null || run.intake == null ? null : result(run, false), run == null ? 0 : run.warnings.size(),
                run != null && run.lock.takenOver() != null).publish(file, progress);
    }

    private NightlyResult run(RunState run) {
        for (Stage stage : stages()) {
            if (stage.when().test(run)) {
                try {
                    progress.stage(stage.name(), () -> {
                        stage.work().accept(run);
                        return null;
                    });
                } catch (RuntimeException e) {
                    if (stage.onFailure() == Stage.FailurePolicy.STOP_RUN) throw e;
                    String warning = stage.name() + " non riuscita: " + e.getMessage();
                    run.warnings.add(warning);
                    progress.accept("ATTENZIONE: " + warning + " (il resto del nightly prosegue)");
                }
            }
            if (stage.id() == run.options.until()) {
                progress.accept("Interrotto dopo «" + stage.name() + "» come richiesto (--until): il prossimo nightly riprende da qui");
                return result(run, true);
            }
        }
        run.lock.check();
        NightlyResult result = result(run, false);
        new RunLedger(ctx.store()).finished(run.runId, Instant.now(), run.asOf, result.count(LedgerEntry.Status.LOADED),
                result.count(LedgerEntry.Status.REJECTED), result.count(LedgerEntry.Status.DUPLICATE), result.rowsReceived(),
                result.rowsLoaded(), result.rowsSetAside(), (System.nanoTime() - run.t0) / 1e9, stagesOf(run), run.unfinishedRuns.keySet());
        progress.accept(String.format("Consegne: %d caricate, %d respinte, %d duplicate. Righe: %,d ricevute = %,d caricate + %,d scartate",
                result.count(LedgerEntry.Status.LOADED), result.count(LedgerEntry.Status.REJECTED), result.count(LedgerEntry.Status.DUPLICATE),
                result.rowsReceived(), result.rowsLoaded(), result.rowsSetAside()));
        return result;
    }

    private NightlyResult result(RunState run, boolean stoppedEarly) {
        return new NightlyResult(run.runId, List.copyOf(run.entries), run.intake == null ? 0 : run.intake.deferred().size(),
                run.modelRebuilt, stoppedEarly, List.copyOf(run.warnings));
    }

    private List<Progress.StageRecord> stagesOf(RunState run) {
        List<Progress.StageRecord> all = progress.stages();
        return all.subList(Math.min(run.firstStageRecord, all.size()), all.size());
    }

    /** The stages of a night, in order. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>(List.of(
                Stage.of(StageId.INTAKE, "Ricezione e verifica delle consegne", List.of("landing", Tables.LEDGER.name(), Tables.RUNS.name()),
                        r -> true, this::intake),
                Stage.of(StageId.RECOVERY, "Ripresa delle esecuzioni interrotte", List.of(Tables.RUNS.name(), Tables.LEDGER.name()),
                        r -> !r.unfinishedRuns.isEmpty(), this::recover),
                Stage.of(StageId.BRONZE, "Caricamento bronze e scarti", List.of("landing"),
                        r -> !r.intake.accepted().isEmpty(), this::loadBronze),
                Stage.of(StageId.LEDGER, "Registro delle consegne", List.of("bronze", Tables.QUARANTINE.name()),
                        r -> true, this::recordLedger),
                Stage.of(StageId.SILVER, "Silver (versioni correnti)", List.of("bronze", Tables.LEDGER.name()),
                        RunState::modelRebuilt, this::silver),
                Stage.of(StageId.GOLD, "Gold (schema a stella)", List.of("silver", "conf/territory", "conf/codelists"),
                        RunState::modelRebuilt, r -> r.rewrittenGold = new ModelBuilder(ctx, progress).buildGold(r.params, r.rebuiltSilver)),
                Stage.of(StageId.GOLD_CHECKS, "Controlli del modello (gold)", List.of("model/gold/models.yaml", "gold"),
                        r -> !r.rewrittenGold.isEmpty(), r -> new ModelChecks(ctx, progress).run(r.runId, r.rewrittenGold)),
                Stage.of(StageId.INDICATORS, "Indicatori del triennio", List.of("gold", "conf/indicators.yaml", "conf/views"),
                        RunState::modelRebuilt, this::indicators),
                Stage.of(StageId.AGGREGATES, "Aggregati semestrali", List.of("gold", Tables.LEDGER.name(), Tables.QUARANTINE.name()),
                        RunState::modelRebuilt, r -> r.rewrittenAggregates = new AggregateBuilder(ctx, progress).build(r.params)),
                Stage.of(StageId.AGGREGATE_CHECKS, "Controlli degli aggregati", List.of("model/aggregates/models.yaml", "gold"),
                        r -> !r.rewrittenAggregates.isEmpty(), r -> new ModelChecks(ctx, progress).run(r.runId, r.rewrittenAggregates)),
                Stage.of(StageId.ANOMALIES, "Anomalie rispetto allo storico", List.of("conf/anomalies.yaml", Tables.LEDGER.name(), "gold"),
                        r -> r.modelRebuilt || !ctx.store().exists(Tables.ANOMALIES), this::anomalies).warnOnFailure()));
        for (PublicationStage p : publications) {
            stages.add(Stage.of(StageId.PUBLICATION, p.name(), List.of("gold", Tables.INDICATOR_VALUES.name()),
                    r -> r.modelRebuilt || p.outputMissing(ctx), r -> p.run(ctx, progress)));
        }
        stages.add(Stage.of(StageId.EXPLANATIONS, "Spiegazioni degli indicatori per Ambito", List.of("gold", "silver", "conf/views"),
                r -> r.modelRebuilt || ExplanationFiles.missing(ctx),
                r -> new ExplanationFiles(ctx, r.catalog).write(r.asOf, progress)).warnOnFailure());
        stages.add(Stage.of(StageId.EXPORT, "Esportazioni per gli analisti (riservata e aperta)", List.of("gold", Tables.INDICATOR_VALUES.name(), "conf/reports.yaml"),
                RunState::modelRebuilt, this::export));
        stages.add(Stage.of(StageId.ESITI, "Esiti delle consegne per i mittenti", List.of(Tables.LEDGER.name(), Tables.QUARANTINE.name()),
                r -> true, r -> progress.count("esiti", new Esiti(ctx.store(),
                        new PublishedFiles(ctx.config().esiti(), ctx.spark().sparkContext().hadoopConfiguration())).write(progress))));
        stages.add(Stage.of(StageId.HOUSEKEEPING, "Manutenzione", List.of("warehouse", "landing/_archive", "landing/_rejected"),
                r -> ctx.config().operations().housekeepingInNightly(),
                r -> new Housekeeping(ctx, progress).run(Instant.now(), false)).warnOnFailure());
        return stages;
    }

    private void intake(RunState run) {
        Path landing = new Path(ctx.config().landing());
        LandingFiles files = new LandingFiles(ctx.spark().sparkContext().hadoopConfiguration());
        Ledger ledger = new Ledger(ctx.store());
        run.landingIntake = new LandingIntake(files, ctx.rules(), ctx::knownSender, progress);
        Intake in = io(() -> run.landingIntake.intake(landing, ledger.known(), run.runId, run.startedAt, run.options.asOf()));
        run.intake = in;
        progress.count("consegne_da_caricare", in.accepted().size());
        progress.count("consegne_decise", in.decided().size());
        progress.count("consegne_rimandate", in.deferred().size());
        progress.accept(String.format("  %d consegne da caricare, %d già decise (respinte o duplicate), %d rimandate (dopo il %s)",
                in.accepted().size(), in.decided().size(), in.deferred().size(), run.asOf));
        RunLedger runs = new RunLedger(ctx.store());
        run.unfinishedRuns = runs.unfinished();
        if (!run.unfinishedRuns.isEmpty()) {
            progress.accept("Ripresa dopo " + run.unfinishedRuns.size() + " esecuzioni interrotte " + run.unfinishedRuns.keySet()
                    + ": le loro consegne si ricaricano da capo e silver e gold si ricalcolano");
        }
        boolean everything = run.options.rebuild() || !run.unfinishedRuns.isEmpty();
        run.modelRebuilt = everything || !in.accepted().isEmpty() || !ctx.store().exists(Tables.FACT_CASE);
        run.changedSources = everything ? Set.copyOf(CabinaContext.SOURCES)
                : in.accepted().stream().map(CheckedDelivery::source).collect(Collectors.toSet());
        if (!run.modelRebuilt) progress.accept("Nessuna consegna nuova: silver e gold invariati");
        runs.started(run.runId, run.startedAt, run.asOf, in.accepted().stream().map(d -> d.delivery().name()).toList(), run.lock.takenOver());
    }

    private void recover(RunState run) {
        progress.count("consegne_ripulite", new Recovery(ctx).clean(run.unfinishedRuns, new Ledger(ctx.store())));
        progress.count("esecuzioni_riprese", run.unfinishedRuns.size());
    }

    /** Silver of the sources with new deliveries, and of those whose bronze types were converted ({@link BronzeTypes}). */
    private void silver(RunState run) {
        Set<String> sources = new java.util.TreeSet<>(run.changedSources);
        sources.addAll(run.retyped);
        sources.addAll(BronzeTypes.upgrade(ctx, progress));
        run.rebuiltSilver = new SilverBuilder(ctx, progress).build(sources);
    }

    private void loadBronze(RunState run) {
        run.retyped = BronzeTypes.upgrade(ctx, progress);
        Set<String> comuni = ctx.territory().comuni().stream().map(Territory.Comune::codiceIstat).collect(Collectors.toSet());
        Quarantine quarantine = new Quarantine(ctx.store());
        List<SourceLoader.FileLoad> files = new ArrayList<>();
        for (String source : CabinaContext.SOURCES) {
            List<CheckedDelivery> batch = run.intake.accepted().stream().filter(d -> d.source().equals(source)).toList();
            files.addAll(new SourceLoader(ctx.store(), ctx.rules().get(source), ctx.codeLists(), comuni, pseudonymizer, quarantine, progress)
                    .plan(batch, run.counts));
        }
        SourceLoader.loadAll(files);
        progress.count("consegne", run.intake.accepted().size());
    }

    /** The ledger commit: from here the night's deliveries are loaded; then they are moved aside. */
    private void recordLedger(RunState run) {
        run.entries.addAll(run.intake.decided());
        for (CheckedDelivery d : run.intake.accepted()) {
            LedgerEntry e = LandingIntake.entry(run.runId, run.startedAt, d.delivery(), d.manifest(), d, LedgerEntry.Status.LOADED,
                    List.of(), d.warnings(), d.fingerprint());
            List<LedgerEntry.FileCounts> fc = d.files().stream()
                    .map(f -> run.counts.of(d.delivery().name()).getOrDefault(f.name(), new LedgerEntry.FileCounts(f.name(), f.sha256(), f.records(), 0, 0, 0, 0)))
                    .toList();
            run.entries.add(new LedgerEntry(e.runId(), e.processedAt(), e.deliveryName(), e.deliveryId(), e.source(), e.sender(), e.mode(),
                    e.extractedAt(), e.periodFrom(), e.periodTo(), e.status(), e.reasons(), e.warnings(), e.fingerprint(), fc));
        }
        for (LedgerEntry e : run.entries) {
            if (e.status() != LedgerEntry.Status.LOADED) continue;
            long rec = e.files().stream().mapToLong(LedgerEntry.FileCounts::received).sum();
            long aside = e.files().stream().mapToLong(LedgerEntry.FileCounts::setAside).sum();
            progress.accept(String.format("  caricata %-40s %,8d righe, %,6d scartate", e.deliveryName(), rec, aside));
        }
        run.lock.check();
        new Ledger(ctx.store()).append(run.entries);
        progress.count("consegne_registrate", run.entries.size());
        progress.count("righe_ricevute", run.entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::received).sum());
        progress.count("righe_scartate", run.entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::setAside).sum());
        progress.accept("  registro: " + run.entries.size() + " consegne registrate; spostamento nell'archivio");
        io(() -> {
            run.landingIntake.archive(new Path(ctx.config().landing()), run.intake);
            return null;
        });
    }

    private void indicators(RunState run) {
        long n = new IndicatorEngine(ctx, run.catalog).compute(run.runId, run.asOf).count();
        progress.count("valori", n);
        progress.accept(String.format("  %,d valori (indicatore × anno × territorio) registrati per %s", n, run.runId));
    }

    /** Anomalies are shown, never blocking: the stage warns on failure and the run goes on. */
    private void anomalies(RunState run) {
        progress.count("anomalie", new Anomalies(ctx).run(run.anomalyRules, run.params, run.runId, progress).size());
        new ModelChecks(ctx, progress).run(run.runId, List.of(it.cabina.warehouse.model.Models.gold().get(Tables.ANOMALIES.name())));
    }

    private void export(RunState run) {
        List<AnalystExport.Published> exported = io(() -> new AnalystExport(ctx, progress).publish(new AnalystExport.Run(run.runId, run.asOf)));
        for (AnalystExport.Published p : exported) {
            progress.count("tabelle_" + p.kind(), p.rows().size());
            progress.count("righe_" + p.kind(), p.rows().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
