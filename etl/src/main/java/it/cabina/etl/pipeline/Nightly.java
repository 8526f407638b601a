package it.cabina.etl.pipeline;

import it.cabina.etl.aggregates.AggregateBuilder;
import it.cabina.etl.export.AnalystExport;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.landing.CheckedDelivery;
import it.cabina.etl.landing.Intake;
import it.cabina.etl.landing.LandingFiles;
import it.cabina.etl.landing.LandingIntake;
import it.cabina.etl.landing.Ledger;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.landing.RunLedger;
import it.cabina.etl.model.ModelBuilder;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.quality.Quarantine;
import it.cabina.etl.sources.FileCountsCollector;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.warehouse.reference.Territory;
import it.cabina.warehouse.tables.Tables;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nightly job as a straight list of stages: intake (discover, validate, decide) → load each source into bronze
 * and quarantine → record the ledger (one commit) → move deliveries aside → rebuild silver and gold.
 * Nothing is visible as loaded until the ledger commit; a run stopped before it is redone by the next run.
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

    public NightlyResult run(NightlyOptions options) {
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        LocalDate asOf = options.asOf() != null ? options.asOf() : LocalDate.now(ZoneId.of("Europe/Rome"));
        String runId = "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneId.of("UTC")).format(now);
        progress.accept("Nightly " + runId + " (data di riferimento " + asOf + ") landing=" + ctx.config().landing()
                + " warehouse=" + ctx.config().warehouse());
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx); // a broken catalogue stops the run before it loads anything
        Path landing = new Path(ctx.config().landing());
        LandingFiles files = new LandingFiles(ctx.spark().sparkContext().hadoopConfiguration());
        Ledger ledger = new Ledger(ctx.store());
        LandingIntake landingIntake = new LandingIntake(files, ctx.rules(), ctx::knownSender, progress);

        Intake intake = progress.stage("Ricezione e verifica delle consegne", () -> io(() ->
                landingIntake.intake(landing, ledger.known(), runId, now, options.asOf())));
        progress.accept(String.format("  %d consegne da caricare, %d già decise (respinte o duplicate), %d rimandate (dopo il %s)",
                intake.accepted().size(), intake.decided().size(), intake.deferred().size(), asOf));

        FileCountsCollector counts = new FileCountsCollector();
        RunLedger runs = new RunLedger(ctx.store());
        Map<String, List<String>> unfinishedRuns = runs.unfinished();
        Set<String> unfinished = unfinishedRuns.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        if (!unfinishedRuns.isEmpty()) {
            progress.accept("Ripresa dopo " + unfinishedRuns.size() + " esecuzioni interrotte " + unfinishedRuns.keySet()
                    + ": le loro consegne si ricaricano da capo e silver e gold si ricalcolano");
        }
        runs.started(runId, now, asOf, intake.accepted().stream().map(d -> d.delivery().name()).toList());
        if (!intake.accepted().isEmpty()) {
            progress.stage("Caricamento bronze e scarti", () -> {
                Set<String> comuni = ctx.territory().comuni().stream().map(Territory.Comune::codiceIstat).collect(Collectors.toSet());
                Quarantine quarantine = new Quarantine(ctx.store());
                for (String source : CabinaContext.SOURCES) {
                    List<CheckedDelivery> batch = intake.accepted().stream().filter(d -> d.source().equals(source)).toList();
                    new SourceLoader(ctx.store(), ctx.rules().get(source), ctx.codeLists(), comuni, pseudonymizer, quarantine, progress)
                            .load(batch, counts, unfinished);
                }
                return null;
            });
        }
        List<LedgerEntry> entries = new ArrayList<>(intake.decided());
        for (CheckedDelivery d : intake.accepted()) {
            LedgerEntry e = LandingIntake.entry(runId, now, d.delivery(), d.manifest(), d, LedgerEntry.Status.LOADED,
                    List.of(), d.warnings(), d.fingerprint());
            List<LedgerEntry.FileCounts> fc = d.files().stream()
                    .map(f -> counts.of(d.delivery().name()).getOrDefault(f.name(), new LedgerEntry.FileCounts(f.name(), f.sha256(), f.records(), 0, 0, 0, 0)))
                    .toList();
            entries.add(new LedgerEntry(e.runId(), e.processedAt(), e.deliveryName(), e.deliveryId(), e.source(), e.sender(), e.mode(),
                    e.extractedAt(), e.periodFrom(), e.periodTo(), e.status(), e.reasons(), e.warnings(), e.fingerprint(), fc));
        }
        for (LedgerEntry e : entries) {
            if (e.status() != LedgerEntry.Status.LOADED) continue;
            long rec = e.files().stream().mapToLong(LedgerEntry.FileCounts::received).sum();
            long aside = e.files().stream().mapToLong(LedgerEntry.FileCounts::setAside).sum();
            progress.accept(String.format("  caricata %-40s %,8d righe, %,6d scartate", e.deliveryName(), rec, aside));
        }
        progress.stage("Registro delle consegne", () -> {
            ledger.append(entries);
            io(() -> { landingIntake.archive(landing, intake); return null; });
            return null;
        });
        boolean rebuild = options.rebuild() || !intake.accepted().isEmpty() || !unfinishedRuns.isEmpty()
                || !ctx.store().exists(Tables.FACT_CASE);
        if (rebuild) {
            Set<String> changed = options.rebuild() || !unfinishedRuns.isEmpty() ? Set.copyOf(CabinaContext.SOURCES)
                    : intake.accepted().stream().map(CheckedDelivery::source).collect(Collectors.toSet());
            new ModelBuilder(ctx, progress).build(asOf, changed);
            progress.stage("Indicatori del triennio", () -> {
                var values = new IndicatorEngine(ctx, catalog).compute(runId, asOf);
                progress.accept(String.format("  %,d valori (indicatore × anno × territorio) registrati per %s", values.count(), runId));
                return null;
            });
            progress.stage("Aggregati semestrali", () -> {
                new AggregateBuilder(ctx, progress).build(asOf, catalog.triennio().dal() - 1);
                return null;
            });
            publish(publications);
            progress.stage("Esportazione per gli analisti", () -> io(() ->
                    new AnalystExport(ctx.store(), ctx.config().home(), progress).publish(ctx.config().export())));
        } else {
            progress.accept("Nessuna consegna nuova: silver e gold invariati");
            publish(publications.stream().filter(p -> p.outputMissing(ctx)).toList());
        }
        NightlyResult result = new NightlyResult(runId, entries, intake.deferred().size(), rebuild);
        runs.finished(runId, Instant.now(), asOf, result.count(LedgerEntry.Status.LOADED), result.count(LedgerEntry.Status.REJECTED),
                result.count(LedgerEntry.Status.DUPLICATE), result.rowsReceived(), result.rowsLoaded(), result.rowsSetAside(),
                (System.nanoTime() - t0) / 1e9, unfinishedRuns.keySet());
        progress.accept(String.format("Consegne: %d caricate, %d respinte, %d duplicate. Righe: %,d ricevute = %,d caricate + %,d scartate",
                result.count(LedgerEntry.Status.LOADED), result.count(LedgerEntry.Status.REJECTED), result.count(LedgerEntry.Status.DUPLICATE),
                result.rowsReceived(), result.rowsLoaded(), result.rowsSetAside()));
        return result;
    }

    private void publish(List<PublicationStage> stages) {
        for (PublicationStage p : stages) {
            progress.stage(p.name(), () -> {
                p.run(ctx, progress);
                return null;
            });
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
