package it.cabina.etl.pipeline;

import it.cabina.etl.context.Progress;
import it.cabina.etl.landing.LedgerEntry;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of the last nightly in the Prometheus text format, for node_exporter's textfile collector
 * ({@code operations.metrics_file}): when it ended and how, how long each stage took and what it counted, deliveries and
 * rows. Written whatever the outcome (not when another run held the lock: that one writes its own), to a temporary file
 * renamed over the old one, so that the collector never reads half a file. The last success is carried over from the
 * previous file when this run did not succeed.
 *
 * @param stages      each stage that finished: its id (lower case), seconds and counts
 * @param deliveries  deliveries by status of the ledger (loaded, rejected, duplicate) and deferred
 * @param rows        rows received, loaded and set aside
 */
public record NightlyMetrics(String runId, Instant endedAt, Outcome outcome, double seconds, List<Stage> stages,
                             Map<String, Long> deliveries, Map<String, Long> rows, long modelChecksFailed, int warnings,
                             boolean lockTakenOver) {
    static final String LAST_SUCCESS = "cabina_nightly_last_success_timestamp_seconds";

    /** How a nightly ended; OK and PARTIAL (some deliveries rejected, the rest loaded) count as a success. */
    public enum Outcome {
        OK, PARTIAL, FAILED, CONFIG_ERROR, STOPPED;

        boolean success() {
            return this == OK || this == PARTIAL;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Stage(String id, double seconds, Map<String, Long> counts) {}

    /**
     * The metrics of a nightly from what it recorded.
     *
     * @param done   the stages that finished, named as in the progress lines
     * @param ids    the id of each stage by its name
     * @param result what the run did, or null when it stopped before knowing its deliveries
     */
    static NightlyMetrics of(String runId, Outcome outcome, double seconds, List<Progress.StageRecord> done, Map<String, StageId> ids,
                             NightlyResult result, int warnings, boolean lockTakenOver) {
        List<Stage> stages = done.stream().map(s -> new Stage(ids.getOrDefault(s.name(), StageId.PUBLICATION).name().toLowerCase(Locale.ROOT),
                s.seconds(), s.counts())).toList();
        Map<String, Long> deliveries = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        if (result != null) {
            deliveries.put("loaded", result.count(LedgerEntry.Status.LOADED));
            deliveries.put("rejected", result.count(LedgerEntry.Status.REJECTED));
            deliveries.put("duplicate", result.count(LedgerEntry.Status.DUPLICATE));
            deliveries.put("deferred", (long) result.deferred());
            rows.put("received", result.rowsReceived());
            rows.put("loaded", result.rowsLoaded());
            rows.put("set_aside", result.rowsSetAside());
        }
        long checksFailed = done.stream().mapToLong(s -> s.counts().getOrDefault("controlli_falliti", 0L)).sum();
        return new NightlyMetrics(runId, Instant.now(), outcome, seconds, stages, deliveries, rows, checksFailed, warnings, lockTakenOver);
    }

    /** The metrics of a run that stopped before its stages: a configuration problem found by the check. */
    public static NightlyMetrics configError(Instant endedAt, double seconds) {
        return new NightlyMetrics(null, endedAt, Outcome.CONFIG_ERROR, seconds, List.of(), Map.of(), Map.of(), 0, 0, false);
    }

    /**
     * Writes the metrics to this file (null: none configured); a failure is told as a warning, never fatal: the metrics
     * must not stop a night.
     */
    public void publish(Path file, java.util.function.Consumer<String> progress) {
        if (file == null) return;
        try {
            write(file);
        } catch (IOException | RuntimeException e) {
            progress.accept("ATTENZIONE: metriche non scritte in " + file + ": " + e.getMessage());
        }
    }

    /** Writes the metrics atomically to this file (created with its folder), keeping the previous last success. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Optional<Double> lastSuccess = outcome.success() ? Optional.of(epochSeconds(endedAt)) : previousSuccess(file);
        // not ending in .prom: the collector ignores it until it is renamed
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text(lastSuccess), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's content. */
    String text(Optional<Double> lastSuccess) {
        StringBuilder out = new StringBuilder();
        out.append("# Cabina: the last nightly").append(runId == null ? "" : " (" + runId + ")").append(", ").append(outcome.label())
                .append('\n');
        gauge(out, "cabina_nightly_last_run_timestamp_seconds", "When the last nightly ended (Unix time).",
                Map.of("", epochSeconds(endedAt)));
        if (lastSuccess.isPresent()) {
            gauge(out, LAST_SUCCESS, "When the last successful nightly (outcome ok or partial) ended (Unix time).",
                    Map.of("", lastSuccess.get()));
        }
        Map<String, Double> outcomes = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) outcomes.put("outcome=\"" + o.label() + "\"", o == outcome ? 1.0 : 0.0);
        gauge(out, "cabina_nightly_outcome", "1 for the outcome of the last nightly: ok, partial (deliveries rejected),"
                + " failed, config_error (nothing started), stopped (--until).", outcomes);
        gauge(out, "cabina_nightly_duration_seconds", "How long the last nightly ran.", Map.of("", seconds));
        Map<String, Double> stageSeconds = new LinkedHashMap<>();
        Map<String, Double> stageCounts = new LinkedHashMap<>();
        for (Stage s : stages) {
            stageSeconds.merge("stage=\"" + s.id() + "\"", s.seconds(), Double::sum);
            s.counts().forEach((what, n) -> stageCounts.merge("stage=\"" + s.id() + "\",what=\"" + what + "\"", (double) n, Double::sum));
        }
        gauge(out, "cabina_nightly_stage_duration_seconds", "Seconds of each stage of the last nightly that finished.", stageSeconds);
        gauge(out, "cabina_nightly_stage_counted", "What each stage of the last nightly counted (deliveries, rows, tables…).", stageCounts);
        gauge(out, "cabina_nightly_deliveries", "Deliveries of the last nightly by status: loaded, rejected, duplicate, deferred.",
                labelled("status", deliveries));
        for (Map.Entry<String, Long> r : rows.entrySet()) {
            gauge(out, "cabina_nightly_rows_" + r.getKey(), "Rows " + r.getKey().replace('_', ' ') + " by the last nightly.",
                    Map.of("", (double) r.getValue()));
        }
        gauge(out, "cabina_nightly_model_checks_failed", "Checks of the gold and aggregate models that found rows (anomalies).",
                Map.of("", (double) modelChecksFailed));
        gauge(out, "cabina_nightly_warnings", "Stages of the last nightly that failed without stopping it.", Map.of("", (double) warnings));
        gauge(out, "cabina_nightly_lock_taken_over", "1 when the last nightly took over an abandoned lock.",
                Map.of("", lockTakenOver ? 1.0 : 0.0));
        return out.toString();
    }

    private static Map<String, Double> labelled(String label, Map<String, Long> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(label + "=\"" + k + "\"", (double) v));
        return out;
    }

    private static void gauge(StringBuilder out, String name, String help, Map<String, Double> series) {
        if (series.isEmpty()) return;
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        series.forEach((labels, v) -> out.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ')
                .append(BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()).append('\n'));
    }

    private static double epochSeconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    /** The last success of the file written before, if any. */
    static Optional<Double> previousSuccess(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(LAST_SUCCESS + " "))
                    .map(l -> Double.valueOf(l.substring(LAST_SUCCESS.length() + 1).strip())).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
