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
import it.cabina.etl.ops.Housekeeping;
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
 * Nothing is visible as loaded until the ledger commit; a run stopped before it is redone by the next run
 * ({@link Recovery}). One run at a time per warehouse ({@link RunLock}); each stage's time and counts go to the run ledger.
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
        String runId = "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneId.of("UTC")).format(now);
        progress.accept("Nightly " + runId + " (data di riferimento " + asOf + ") landing=" + ctx.config().landing()
                + " warehouse=" + ctx.config().warehouse());
        int firstStage = progress.stages().size(); // a Progress may have seen earlier runs
        var hadoop = ctx.spark().sparkContext().hadoopConfiguration();
        Preflight.check(hadoop, ctx.config().landing(), ctx.config().export(), runId);
        try (RunLock lock = RunLock.acquire(hadoop, ctx.config().warehouse(), runId, ctx.config().operations(), progress)) {
            try {
                return run(options, runId, now, t0, asOf, lock, firstStage);
            } catch (RuntimeException | Error e) {
                try {
                    new RunLedger(ctx.store()).failed(runId, Instant.now(), asOf, (System.nanoTime() - t0) / 1e9,
                            progress.stages().subList(firstStage, progress.stages().size()), String.valueOf(e.getMessage()));
                } catch (RuntimeException ledgerDown) {
                    e.addSuppressed(ledgerDown);
                }
                throw e;
            }
        }
    }

    private NightlyResult run(NightlyOptions options, String runId, Instant now, long t0, LocalDate asOf, RunLock lock, int firstStage) {
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx); // a broken catalogue stops the run before it loads anything
        Path landing = new Path(ctx.config().landing());
        LandingFiles files = new LandingFiles(ctx.spark().sparkContext().hadoopConfiguration());
        Ledger ledger = new Ledger(ctx.store());
        LandingIntake landingIntake = new LandingIntake(files, ctx.rules(), ctx::knownSender, progress);

        Intake intake = progress.stage("Ricezione e verifica delle consegne", () -> {
            Intake in = io(() -> landingIntake.intake(landing, ledger.known(), runId, now, options.asOf()));
            progress.count("consegne_da_caricare", in.accepted().size());
            progress.count("consegne_decise", in.decided().size());
            progress.count("consegne_rimandate", in.deferred().size());
            return in;
        });
        progress.accept(String.format("  %d consegne da caricare, %d già decise (respinte o duplicate), %d rimandate (dopo il %s)",
                intake.accepted().size(), intake.decided().size(), intake.deferred().size(), asOf));

        FileCountsCollector counts = new FileCountsCollector();
        RunLedger runs = new RunLedger(ctx.store());
        Map<String, List<String>> unfinishedRuns = runs.unfinished();
        if (!unfinishedRuns.isEmpty()) {
            progress.accept("Ripresa dopo " + unfinishedRuns.size() + " esecuzioni interrotte " + unfinishedRuns.keySet()
                    + ": le loro consegne si ricaricano da capo e silver e gold si ricalcolano");
            progress.stage("Ripresa delle esecuzioni interrotte", () -> {
                progress.count("consegne_ripulite", new Recovery(ctx).clean(unfinishedRuns, ledger));
                progress.count("esecuzioni_riprese", unfinishedRuns.size());
                return null;
            });
        }
        runs.started(runId, now, asOf, intake.accepted().stream().map(d -> d.delivery().name()).toList(), lock.takenOver());
        if (!intake.accepted().isEmpty()) {
            progress.stage("Caricamento bronze e scarti", () -> {
                Set<String> comuni = ctx.territory().comuni().stream().map(Territory.Comune::codiceIstat).collect(Collectors.toSet());
                Quarantine quarantine = new Quarantine(ctx.store());
                for (String source : CabinaContext.SOURCES) {
                    List<CheckedDelivery> batch = intake.accepted().stream().filter(d -> d.source().equals(source)).toList();
                    new SourceLoader(ctx.store(), ctx.rules().get(source), ctx.codeLists(), comuni, pseudonymizer, quarantine, progress)
                            .load(batch, counts);
                }
                progress.count("consegne", intake.accepted().size());
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
        lock.check();
        progress.stage("Registro delle consegne", () -> {
            ledger.append(entries);
            progress.count("consegne_registrate", entries.size());
            progress.count("righe_ricevute", entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::received).sum());
            progress.count("righe_scartate", entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::setAside).sum());
            progress.accept("  registro: " + entries.size() + " consegne registrate; spostamento nell'archivio");
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
                long n = values.count();
                progress.count("valori", n);
                progress.accept(String.format("  %,d valori (indicatore × anno × territorio) registrati per %s", n, runId));
                return null;
            });
            progress.stage("Aggregati semestrali", () -> {
                new AggregateBuilder(ctx, progress).build(asOf, catalog.triennio().dal() - 1);
                return null;
            });
            publish(publications);
            progress.stage("Esportazione per gli analisti", () -> {
                Map<String, Long> exported = io(() -> new AnalystExport(ctx.store(), ctx.config().home(), progress).publish(ctx.config().export()));
                progress.count("tabelle", exported.size());
                progress.count("righe", exported.values().stream().mapToLong(Long::longValue).sum());
                return exported;
            });
        } else {
            progress.accept("Nessuna consegna nuova: silver e gold invariati");
            publish(publications.stream().filter(p -> p.outputMissing(ctx)).toList());
        }
        if (ctx.config().operations().housekeepingInNightly()) {
            progress.stage("Manutenzione", () -> new Housekeeping(ctx, progress).run(Instant.now(), false));
        }
        lock.check();
        NightlyResult result = new NightlyResult(runId, entries, intake.deferred().size(), rebuild);
        runs.finished(runId, Instant.now(), asOf, result.count(LedgerEntry.Status.LOADED), result.count(LedgerEntry.Status.REJECTED),
                result.count(LedgerEntry.Status.DUPLICATE), result.rowsReceived(), result.rowsLoaded(), result.rowsSetAside(),
                (System.nanoTime() - t0) / 1e9, progress.stages().subList(firstStage, progress.stages().size()), unfinishedRuns.keySet());
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
