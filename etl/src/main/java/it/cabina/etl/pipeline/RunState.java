package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;

import it.cabina.etl.anomalies.AnomalyRules;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.landing.Intake;
import it.cabina.etl.landing.LandingIntake;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.model.RunParameters;
import it.cabina.warehouse.model.Model;
import it.cabina.etl.sources.FileCountsCollector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one nightly knows as its stages go: filled by the stages in order, read by the ones after them. */
public final class RunState {
    final CabinaContext ctx;
    final NightlyOptions options;
    final String runId;
    final Instant startedAt;
    final long t0;
    final LocalDate asOf;
    final RunLock lock;
    final int firstStageRecord;
    final IndicatorCatalog catalog;
    final AnomalyRules anomalyRules;
    final RunParameters params;

    LandingIntake landingIntake;
    Intake intake;
    Map<String, List<String>> unfinishedRuns = Map.of();
    /** The sources whose silver tables are rebuilt tonight (empty: silver and gold stay as they are). */
    Set<String> changedSources = Set.of();
    boolean modelRebuilt;
    /** The sources whose bronze tables were converted to the types their rules declare now (BronzeTypes). */
    Set<String> retyped = Set.of();
    Set<String> rebuiltSilver = Set.of();
    /** The gold tables and the aggregates rewritten tonight: their checks run. */
    List<Model> rewrittenGold = List.of();
    List<Model> rewrittenAggregates = List.of();
    final FileCountsCollector counts = new FileCountsCollector();
    final List<LedgerEntry> entries = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    RunState(CabinaContext ctx, NightlyOptions options, String runId, Instant startedAt, long t0, LocalDate asOf, RunLock lock,
             int firstStageRecord, IndicatorCatalog catalog, AnomalyRules anomalyRules) {
        this.ctx = ctx;
        this.options = options;
        this.runId = runId;
        this.startedAt = startedAt;
        this.t0 = t0;
        this.asOf = asOf;
        this.lock = lock;
        this.firstStageRecord = firstStageRecord;
        this.catalog = catalog;
        this.anomalyRules = anomalyRules;
        this.params = RunParameters.of(ctx, asOf, catalog.triennio().dal(), catalog.triennio().al());
    }

    public CabinaContext ctx() { return ctx; }

    public String runId() { return runId; }

    public LocalDate asOf() { return asOf; }

    /** Whether silver, gold and what is computed from them are rebuilt tonight. */
    public boolean modelRebuilt() { return modelRebuilt; }
}
