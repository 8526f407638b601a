package it.cabina.reports.publish;

import it.cabina.etl.context.Progress;
import it.cabina.reports.Format;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.reports.service.ReportService;
import it.cabina.warehouse.files.PublishedFiles;
import it.cabina.warehouse.published.Comparison;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.Levels;
import it.cabina.warehouse.published.LoadStatus;
import it.cabina.warehouse.published.PublishedJson;
import it.cabina.warehouse.published.ReportEntry;
import it.cabina.warehouse.published.ReportIndexFile;
import it.cabina.warehouse.published.ReportKind;
import it.cabina.warehouse.spark.Concurrently;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the reports of a run: every report kind for the latest ended period, for every territory that has
 * data, as PDF and XLSX under {@code <report>/<period>/<LEVEL>/<territory>.<ext>}; the dashboards the portal shows
 * under {@code data/cruscotto/}; the load status in {@code data/stato.json}; and {@code index.json} listing every
 * report file, those of earlier periods included; the comparisons of the Ambiti under {@code data/confronto/}.
 * A report whose document and renderer are those of the file already published ({@link ReportFingerprint}) is kept as
 * it is, with its entry and generation time, unless the publication is forced.
 */
public final class ReportPublisher {
    public static final String INDEX = ReportIndexFile.PATH;

    private final ReportService service;
    private final PublishedFiles files;
    private final Progress progress;
    private final boolean force;

    /** @param force render every report, even one whose published file was rendered from the same document */
    public ReportPublisher(ReportService service, PublishedFiles files, Progress progress, boolean force) {
        this.service = service;
        this.files = files;
        this.progress = progress;
        this.force = force;
    }

    /**
     * What a publication produced: the files it lists (rendered or kept), those kept because their document had not
     * changed, the rendering time of each report rendered once its data was read, and the slowest.
     */
    public record Result(int files, int kept, List<Double> secondsPerReport, ReportKey slowest) {
        public double median() {
            List<Double> s = secondsPerReport.stream().sorted().toList();
            return s.isEmpty() ? 0 : s.get(s.size() / 2);
        }

        /** The 95th percentile. */
        public double p95() {
            List<Double> s = secondsPerReport.stream().sorted().toList();
            return s.isEmpty() ? 0 : s.get((int) Math.ceil(s.size() * 0.95) - 1);
        }

        public double max() {
            return secondsPerReport.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        /** " (report period LEVEL territory)" of the slowest report, for the progress line; empty without reports. */
        public String slowestText() {
            return slowest == null ? "" : " (" + slowest.kind().slug() + " " + slowest.period() + " " + slowest.level() + " " + slowest.territory() + ")";
        }

        /** "N file (K invariati, non rigenerati)" for the progress lines. */
        public String filesText() {
            return String.format("%,d file", files) + (kept == 0 ? "" : String.format(" (%,d invariati, non rigenerati)", kept));
        }

        /** The rendering times for the progress lines: median, 95th percentile, maximum and the slowest report. */
        public String timesText() {
            if (secondsPerReport.isEmpty()) return "nessun report da rigenerare";
            return String.format("per report rigenerato, a dati letti: mediana %.3f s, 95° percentile %.3f s, massimo %.3f s%s",
                    median(), p95(), max(), slowestText());
        }
    }

    public Result publish() {
        String generatedAt = service.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        List<ReportEntry> entries = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<ReportKey> keys = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            String period = service.latestPeriod(kind);
            List<ReportKey> ofKind = service.builder(kind).available(period);
            keys.addAll(ofKind);
            lines.add(String.format("  %-14s %-8s %3d territori", kind.slug(), period, ofKind.size()));
        }
        Map<String, ReportEntry> previous = previousIndex();
        String renderer = ReportFingerprint.renderer();
        // filling and exporting is CPU work on data already in memory: one report per core at a time
        List<Published> published = Concurrently.map(keys, Concurrently.CPU, key -> publish(key, generatedAt, renderer, previous));
        int slowest = -1, kept = 0;
        for (int i = 0; i < published.size(); i++) {
            Published p = published.get(i);
            entries.addAll(p.entries());
            kept += p.kept();
            if (p.kept() == p.entries().size()) continue;
            seconds.add(p.seconds());
            if (slowest < 0 || p.seconds() > published.get(slowest).seconds()) slowest = i;
        }
        lines.forEach(progress);
        writeDashboards(generatedAt);
        files.write(LoadStatus.PATH, PublishedJson.write(LedgerStatus.of(service.data(), generatedAt)));
        files.write(INDEX, PublishedJson.write(new ReportIndexFile(merge(previous, entries))));
        return new Result(entries.size(), kept, seconds, slowest < 0 ? null : keys.get(slowest));
    }

    /** One report's files and index entries, the files kept as they were, and its rendering time per format rendered. */
    private record Published(List<ReportEntry> entries, int kept, double seconds) {}

    private Published publish(ReportKey key, String generatedAt, String renderer, Map<String, ReportEntry> previous) {
        long t0 = System.nanoTime();
        ReportDocument doc = service.document(key);
        String fingerprint = ReportFingerprint.of(doc, renderer);
        List<ReportEntry> entries = new ArrayList<>();
        int kept = 0;
        for (Format format : Format.values()) {
            ReportEntry before = previous.get(key.path(format));
            if (!force && before != null && fingerprint.equals(before.fingerprint())) {
                entries.add(before);
                kept++;
                continue;
            }
            try {
                files.write(key.path(format), service.render(doc, format));
            } catch (RuntimeException e) {
                throw new IllegalStateException(key.path(format) + ": " + e, e);
            }
            entries.add(entry(key, doc, format, generatedAt, fingerprint));
        }
        int rendered = Format.values().length - kept;
        return new Published(entries, kept, rendered == 0 ? 0 : (System.nanoTime() - t0) / 1e9 / rendered);
    }


    /**
     * The cruscotto of every territory and year of the triennium, and the comparison of the Ambiti of every territory above
     * the Ambito, as the portal shows them.
     */
    private void writeDashboards(String generatedAt) {
        for (List<String> k : service.data().keys("indicatori", "anno")) {
            ReportKey key = new ReportKey(Dashboard.KIND, k.get(2), k.get(0), k.get(1));
            files.write(Dashboard.path(Integer.parseInt(key.period()), key.level(), key.territory()),
                    PublishedJson.write(service.cruscotto().dashboard(key, generatedAt)));
            if (!Comparison.KIND.publishedFor(key.level())) continue;
            Comparison c = service.confronto().comparison(new ReportKey(Comparison.KIND, key.period(), key.level(), key.territory()), generatedAt);
            if (!c.ambiti().isEmpty()) files.write(Comparison.path(c.year(), c.level(), c.territory()), PublishedJson.write(c));
        }
    }

    private static ReportEntry entry(ReportKey key, ReportDocument doc, Format format, String generatedAt, String fingerprint) {
        return new ReportEntry(key.kind().slug(), key.period(), key.level(), key.territory(), doc.territoryName(), doc.title(),
                format.extension(), key.path(format), generatedAt, fingerprint);
    }

    /** The entries of the previous index whose files are still there, by path. */
    private Map<String, ReportEntry> previousIndex() {
        Map<String, ReportEntry> byPath = new LinkedHashMap<>();
        if (files.exists(INDEX)) {
            try {
                for (ReportEntry e : PublishedJson.read(files.read(INDEX), ReportIndexFile.class).reports()) {
                    if (e.path() != null && files.exists(e.path())) byPath.put(e.path(), e);
                }
            } catch (IOException e) {
                progress.accept("  " + INDEX + " precedente illeggibile (" + e.getMessage() + "): si rigenerano tutti i report");
            }
        }
        return byPath;
    }

    /** This run's entries, plus those of the previous index that were not redone. */
    private List<ReportEntry> merge(Map<String, ReportEntry> previous, List<ReportEntry> fresh) {
        Map<String, ReportEntry> byPath = new LinkedHashMap<>(previous);
        for (ReportEntry e : fresh) byPath.put(e.path(), e);
        return byPath.values().stream().sorted(Comparator
                        .comparing(ReportEntry::report)
                        .thenComparing(ReportEntry::period, Comparator.reverseOrder())
                        .thenComparingInt(e -> Levels.ALL.indexOf(e.level()))
                        .thenComparing(ReportEntry::territoryName)
                        .thenComparing(ReportEntry::format))
                .toList();
    }
}
