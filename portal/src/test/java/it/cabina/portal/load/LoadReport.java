package it.cabina.portal.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The load test's figures as a Markdown table: requests, errors, median and 95th percentile, per kind and overall. */
final class LoadReport {
    private LoadReport() {}

    static String table(List<Planner.Sample> samples, int errors, Duration took) {
        Map<String, List<Planner.Sample>> byKind = new TreeMap<>();
        for (Planner.Sample s : samples) byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        StringBuilder t = new StringBuilder("| requests | count | median ms | p95 ms | max ms | MB |\n|---|---:|---:|---:|---:|---:|\n");
        byKind.forEach((kind, list) -> t.append(row(kind, list)));
        t.append(row("**browsing and downloading** (all but login)", samples.stream().filter(s -> !s.kind().startsWith("login")).toList()));
        t.append(row("**all**", samples));
        t.append(String.format(Locale.ROOT, "%n%d requests in %.1f s (%.0f per second), %d errors%n", samples.size(),
                took.toMillis() / 1000.0, samples.size() / (took.toMillis() / 1000.0), errors));
        return t.toString();
    }

    private static String row(String kind, List<Planner.Sample> list) {
        long[] nanos = list.stream().mapToLong(Planner.Sample::nanos).sorted().toArray();
        long bytes = list.stream().mapToLong(Planner.Sample::bytes).sum();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", kind, nanos.length,
                millis(percentile(nanos, 50)), millis(percentile(nanos, 95)), millis(nanos.length == 0 ? 0 : nanos[nanos.length - 1]),
                bytes / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) { return nanos / 1e6; }
}
