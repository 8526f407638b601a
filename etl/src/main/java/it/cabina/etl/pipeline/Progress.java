package it.cabina.etl.pipeline;

import java.io.PrintStream;
import java.util.function.Consumer;

/** Progress lines of a run, with the elapsed time; they go to the console (never row contents). */
public final class Progress implements Consumer<String> {
    private final PrintStream out;
    private final long start = System.nanoTime();

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
        accept(name + " ...");
        T r = body.get();
        accept(String.format("%s: fatto in %.1f s", name, (System.nanoTime() - t0) / 1e9));
        return r;
    }
}
