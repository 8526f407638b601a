package it.cabina.etl.testing;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pseudonym.Pseudonymizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A nightly in a child JVM, as the launcher runs it (same classpath, same Spark flags, test-sized Spark settings), whose
 * progress lines the test reads, so that it can be killed with SIGKILL at a chosen stage.
 * {@code main(landing, warehouse, export, asOf, key)} is the child's side.
 */
public final class NightlyProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    public static void main(String[] args) {
        CabinaContext ctx = CabinaContext.create(SparkTestSession.config().withPaths(args[0], args[1], null, args[2]), SparkTestSession.get());
        new Nightly(ctx, new Pseudonymizer(args[4].getBytes(StandardCharsets.UTF_8)), new Progress())
                .run(new NightlyOptions(LocalDate.parse(args[3]), false));
        System.exit(0);
    }

    public NightlyProcess(Path landing, Path warehouse, Path export, LocalDate asOf, String key) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the Spark module flags of surefire's argLine (and ./cabina), but the collector, chosen below
            if (a.matches("-XX:[+-]Use\\w+GC")) continue;
            if (a.startsWith("--add-") || a.startsWith("-XX:") || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty")) cmd.add(a);
        }
        // A child lives one night at most, beside the test JVM on a machine of two cores: the optimising compiler would
        // spend more than it saves in that time, and a smaller heap with the serial collector is enough for the tiny
        // landing. Measured on one such night, three runs each: 0.86x the CPU, the same wall time, 830 MiB instead of
        // 1,160 at the peak (bench/README.md, "The test suite").
        cmd.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        for (String p : List.of("cabina.home", "log4j2.configurationFile", "java.io.tmpdir")) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NightlyProcess.class.getName(),
                landing.toString(), warehouse.toString(), export.toString(), asOf.toString(), key));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        process = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException e) {
                // the process was killed
            }
        }, "nightly-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    public long pid() { return process.pid(); }

    /** Waits for a progress line; fails with what the child printed when it ends or the time runs out first. */
    public String await(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String l = lines.poll(200, TimeUnit.MILLISECONDS);
            if (l != null) {
                seen.add(l);
                if (line.test(l)) return l;
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("the child nightly never printed the awaited line; it printed:\n" + String.join("\n", seen));
    }

    /** SIGKILL, as a machine that dies: no shutdown hook, no finally block runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the child did not die");
    }

    public List<String> seen() { return List.copyOf(seen); }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
