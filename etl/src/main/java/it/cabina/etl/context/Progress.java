package it.cabina.etl.context;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Progress lines of a run, with the elapsed time; they go to the console (never row contents). Each named stage is
 * also recorded with its duration and the counts reported during it, for the run ledger.
 */
public final class Progress implements Consumer<String> {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final List<StageRecord> stages = new ArrayList<>();
    private Map<String, Long> currentCounts;

    /** A finished stage: its name, seconds, and what it counted (rows, deliveries, files…). */
    public record StageRecord(String name, double seconds, Map<String, Long> counts) {}

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @Override
    public void accept(String line) {
        out.printf("[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, line);
        out.flush();
    }

    /** Runs a named stage, printing its start and duration. */
    public <T> T stage(String name, java.util.function.Supplier<T> body) {
        long t0 = System.nanoTime();
        Map<String, Long> outer = currentCounts;
        currentCounts = new LinkedHashMap<>();
        accept(name + " ...");
        try {
            T r = body.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            synchronized (stages) {
                stages.add(new StageRecord(name, seconds, Map.copyOf(currentCounts)));
            }
            accept(String.format("%s: fatto in %.1f s", name, seconds));
            return r;
        } finally {
            currentCounts = outer;
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
}
