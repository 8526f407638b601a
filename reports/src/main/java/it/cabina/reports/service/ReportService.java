package it.cabina.reports.service;

import it.cabina.reports.Format;
import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.context.CabinaContext;
import it.cabina.reports.confronto.ConfrontoReport;
import it.cabina.reports.cruscotto.CruscottoReport;
import it.cabina.reports.cruscotto.IndicatorCells;
import it.cabina.reports.data.Periods;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.qualita.QualitaReport;
import it.cabina.reports.render.DocumentRenderer;
import it.cabina.reports.render.Templates;
import it.cabina.reports.render.WarmUp;
import it.cabina.reports.reteofferta.ReteOffertaReport;
import it.cabina.reports.semestrale.SemestraleReport;
import it.cabina.warehouse.published.ReportKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The reports of one warehouse state: reads the data once, then builds and renders any report of any territory.
 * Templates are compiled once per JVM and shared by every file of a run.
 */
public final class ReportService {
    /** The templates of every registered kind, and the first XLSX sheet they share. */
    public static final List<String> TEMPLATES = Stream.concat(Stream.of(DocumentRenderer.INFO_TEMPLATE),
            Stream.of(ReportKind.values()).flatMap(k -> k.templates().stream())).toList();
    private static final Templates COMPILED = new Templates();
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/yyyy 'alle' HH:mm").withZone(ZoneId.of("Europe/Rome"));

    private final ReportData data;
    private final IndicatorCatalog catalog;
    private final Map<ReportKind, ReportBuilder> builders = new EnumMap<>(ReportKind.class);
    private final DocumentRenderer renderer;
    private final Instant generatedAt;
    private List<String> warmUpProblems = List.of();

    private ReportService(ReportData data, IndicatorCatalog catalog, ReportSettings settings, CabinaContext ctx, Instant generatedAt) {
        this.data = data;
        this.catalog = catalog;
        this.generatedAt = generatedAt;
        IndicatorCells cells = new IndicatorCells(data, catalog, ctx.codeLists().get("area_policy"), settings);
        for (ReportKind kind : ReportKind.values()) {
            // exhaustive: a registered kind without its builder does not compile
            ReportBuilder builder = switch (kind) {
                case CRUSCOTTO -> new CruscottoReport(data, catalog, cells, settings);
                case SEMESTRALE -> new SemestraleReport(data, settings);
                case RETE_OFFERTA -> new ReteOffertaReport(data);
                case QUALITA -> new QualitaReport(data, settings);
                case CONFRONTO -> new ConfrontoReport(data, cells, settings);
            };
            if (builder.kind() != kind) {
                throw new IllegalStateException(builder.getClass().getSimpleName() + " costruisce " + builder.kind().slug() + ", non " + kind.slug());
            }
            builders.put(kind, builder);
        }
        this.renderer = new DocumentRenderer(COMPILED, PRINTED.format(generatedAt));
    }

    public static ReportService open(CabinaContext ctx) {
        return open(ctx, settings(ctx));
    }

    public static ReportSettings settings(CabinaContext ctx) {
        return settings(ctx.config().home());
    }

    public static ReportSettings settings(java.nio.file.Path home) {
        return ReportSettings.load(home.resolve("conf/reports.yaml"));
    }

    /**
     * Compiles every registered template (kept for the run that follows) and tells each one that does not compile,
     * not only the first.
     */
    public static List<String> templateProblems() {
        List<String> problems = new java.util.ArrayList<>();
        for (String t : TEMPLATES) {
            try {
                COMPILED.get(t);
            } catch (RuntimeException e) {
                problems.add(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        return problems;
    }

    public static ReportService open(CabinaContext ctx, ReportSettings settings) {
        COMPILED.compileAll(TEMPLATES); // a broken template stops here, before any file is written
        // the report engine starts up (fonts, exporters, charts) while Spark reads the data
        CompletableFuture<List<String>> warmUp = CompletableFuture.supplyAsync(() -> WarmUp.render(COMPILED, TEMPLATES));
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
        ReportData data = ReportData.read(ctx, settings, catalog.triennio());
        ReportService service = new ReportService(data, catalog, settings, ctx, Instant.now());
        service.warmUpProblems = warmUp.join();
        return service;
    }

    /** What the start-up rendering with placeholder rows could not render (empty normally; never fatal). */
    public List<String> warmUpProblems() {
        return warmUpProblems;
    }

    public ReportData data() { return data; }

    public Instant generatedAt() { return generatedAt; }

    public ReportBuilder builder(ReportKind kind) {
        return builders.get(kind);
    }

    public CruscottoReport cruscotto() {
        return (CruscottoReport) builders.get(ReportKind.CRUSCOTTO);
    }

    public ConfrontoReport confronto() {
        return (ConfrontoReport) builders.get(ReportKind.CONFRONTO);
    }

    /**
     * The period the nightly publishes: the latest semester ended by the run date; for the yearly report the latest
     * ended year, kept within the triennium.
     */
    public String latestPeriod(ReportKind kind) {
        if (!kind.yearly()) return Periods.latestEndedSemester(data.asOf());
        int year = Math.max(catalog.triennio().dal(), Math.min(catalog.triennio().al(), data.asOf().getYear() - 1));
        return String.valueOf(year);
    }

    public ReportDocument document(ReportKey key) {
        ReportDocument doc = builders.get(key.kind()).build(key);
        for (Part part : doc.parts()) {
            // the registry's templates are the ones compiled and warmed up before a run
            if (!key.kind().templates().contains(part.template())) {
                throw new IllegalStateException("template " + part.template() + " non registrato per il report " + key.kind().slug());
            }
        }
        return doc;
    }

    public byte[] render(ReportKey key, Format format) {
        return renderer.render(document(key), format);
    }

    public byte[] render(ReportDocument doc, Format format) {
        return renderer.render(doc, format);
    }
}
