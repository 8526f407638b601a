package it.cabina.etl.context;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Progress lines of a run, with the elapsed time (never row contents), written through the logging library: logger
 * {@value #LOGGER} on standard output, {@value #ERRORS} (problems that stop a command) on standard error. As text
 * (for people, the default) a line is {@code [   12.3s] what happened}; as JSON ({@code --log-format json}, see
 * {@code conf/log4j2.properties}) one object per line with the time, level, run id, stage, event and counts
 * ({@link ProgressEvent}). Each named stage is also recorded with its duration and the counts reported during it, for
 * the run ledger and the metrics.
 */
public final class Progress implements Consumer<String> {
    public static final String LOGGER = "cabina.progress";
    public static final String ERRORS = "cabina.errors";
    private static final Logger OUT = LogManager.getLogger(LOGGER);
    private static final Logger ERR = LogManager.getLogger(ERRORS);

    private final boolean silent;
    private final long start = System.nanoTime();
    private final List<StageRecord> stages = new ArrayList<>();
    private Map<String, Long> currentCounts;
    private volatile String stage;
    private volatile String runId;

    /** A finished stage: its name, seconds, and what it counted (rows, deliveries, files…). */
    public record StageRecord(String name, double seconds, Map<String, Long> counts) {}

    public Progress() {
        this(false);
    }

    private Progress(boolean silent) {
        this.silent = silent;
    }

    /** Records stages and counts, writes nothing. */
    public static Progress silent() {
        return new Progress(true);
    }

    /** The run the following lines belong to (their {@code run_id}). */
    public void runId(String id) {
        this.runId = id;
    }

    public String runId() {
        return runId;
    }

    @Override
    public void accept(String line) {
        log(OUT, Level.INFO, event("progress", line));
    }

    /** A problem that stops the command, on standard error: {@code ERRORE: …} as text. */
    public void error(String problem) {
        log(ERR, Level.ERROR, event("error", "ERRORE: " + problem, false));
    }

    /** The last line of a command: how it ended ({@code ESITO: …}) and its exit code. */
    public void outcome(int exitCode, String line) {
        log(OUT, exitCode == 0 ? Level.INFO : Level.WARN, event("outcome", line).with("exit_code", exitCode));
    }

    /** One part of an installation check ({@code cabina check}): OK with what was found, or each of its problems. */
    public void checked(String part, String found, List<String> problems) {
        StringBuilder text = new StringBuilder(problems.isEmpty() ? "  OK      " : "  ERRORE  ").append(part);
        if (problems.isEmpty() && !found.isEmpty()) text.append(": ").append(found);
        problems.forEach(p -> text.append(System.lineSeparator()).append("            - ").append(p));
        log(OUT, problems.isEmpty() ? Level.INFO : Level.ERROR, event("check", text.toString()).with("check", part)
                .with("problems", List.copyOf(problems)));
    }

    /** Runs a named stage, printing its start and duration. */
    public <T> T stage(String name, Supplier<T> body) {
        long t0 = System.nanoTime();
        Map<String, Long> outer = currentCounts;
        String outerStage = stage;
        currentCounts = new LinkedHashMap<>();
        stage = name;
        accept(name + " ...");
        try {
            T r = body.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> counts = Map.copyOf(currentCounts);
            synchronized (stages) {
                stages.add(new StageRecord(name, seconds, counts));
            }
            log(OUT, Level.INFO, event("stage_end", String.format("%s: fatto in %.1f s", name, seconds))
                    .with("seconds", ProgressEvent.tenths(seconds)).with("counts", new LinkedHashMap<>(counts)));
            return r;
        } finally {
            currentCounts = outer;
            stage = outerStage;
        }
    }

    /** Adds to a count of the stage under way (ignored outside a stage). */
    public void count(String what, long n) {
        if (currentCounts != null) currentCounts.merge(what, n, Long::sum);
    }

    /** The stages finished so far, in order. */
    public List<StageRecord> stages() {
        synchronized (stages) {
            return List.copyOf(stages);
        }
    }

    private ProgressEvent event(String event, String text) {
        return event(event, text, true);
    }

    private ProgressEvent event(String event, String text, boolean timed) {
        return new ProgressEvent(event, text, (System.nanoTime() - start) / 1e9, runId, stage, timed);
    }

    private void log(Logger logger, Level level, ProgressEvent e) {
        if (!silent) logger.log(level, e);
    }
}
