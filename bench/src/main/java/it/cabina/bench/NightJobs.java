package it.cabina.bench;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.Nightly;
import it.cabina.etl.pipeline.NightlyOptions;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The fixed cost of a nightly: where a night on a small landing area spends its time, counted in Spark jobs. Runs the
 * nightly {@code RUNS} times in one JVM, each on a fresh copy of {@code LANDING} into a new warehouse under {@code WORK}
 * (the first run pays for a cold JVM; the others are what a warm one costs), and prints, per run, each stage's seconds,
 * Spark jobs and tasks; then, for the last run, the call sites whose jobs took the most time (Delta's own jobs by their
 * description, for instance "Filtering files for query", one per Delta table a query scans).
 * Usage: {@code NightJobs LANDING WORK [RUNS] [AS_OF]}; the settings are CABINA_CONFIG's ({@code conf/cabina-test.yaml}
 * for the tests' Spark), the key CABINA_PSEUDONYM_KEY's (the demo key when unset).
 */
public final class NightJobs {
    private NightJobs() {}

    /** Jobs and tasks seen, and per call site the time and number of the jobs of the run being recorded. */
    static final class Jobs extends SparkListener {
        final AtomicLong jobs = new AtomicLong(), tasks = new AtomicLong();
        final Map<Integer, Long> started = new ConcurrentHashMap<>();
        final Map<Integer, String> siteOf = new ConcurrentHashMap<>();
        final Map<String, long[]> bySite = new ConcurrentHashMap<>();
        /** When each job started, to give each stage its jobs (the stages run one after another). */
        final java.util.concurrent.ConcurrentLinkedQueue<Long> startTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();

        long jobsBetween(long from, long to) {
            return startTimes.stream().filter(t -> t >= from && t < to).count();
        }

        @Override
        public void onJobStart(SparkListenerJobStart e) {
            jobs.incrementAndGet();
            long now = System.nanoTime();
            started.put(e.jobId(), now);
            startTimes.add(now);
            String site = e.stageInfos().isEmpty() ? "?" : e.stageInfos().last().name();
            String description = e.properties() == null ? null : e.properties().getProperty("spark.job.description");
            siteOf.put(e.jobId(), description != null && description.startsWith("Delta") ? description.replaceAll("version: \\d+", "version: N") : site);
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd e) {
            Long t0 = started.remove(e.jobId());
            String site = siteOf.remove(e.jobId());
            if (t0 == null || site == null) return;
            long[] s = bySite.computeIfAbsent(site, k -> new long[2]);
            synchronized (s) {
                s[0] += System.nanoTime() - t0;
                s[1]++;
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            tasks.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NightJobs LANDING WORK [RUNS] [AS_OF]");
            System.exit(2);
        }
        Path landing = Path.of(args[0]).toAbsolutePath(), work = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        LocalDate asOf = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2026, 11, 23);
        if (Files.exists(work)) throw new IllegalArgumentException(work + " exists: NightJobs writes a new folder");
        CabinaConfig base = CabinaConfig.load();
        SparkSession spark = SparkSessions.create(base);
        Jobs listener = new Jobs();
        spark.sparkContext().addSparkListener(listener);
        PseudonymKey key = System.getenv("CABINA_PSEUDONYM_KEY") == null ? PseudonymKey.demoKey() : PseudonymKey.load(base);
        for (int run = 1; run <= runs; run++) {
            Path root = work.resolve("run-" + run);
            copy(landing, root.resolve("landing"));
            CabinaConfig config = base.withPaths(root.resolve("landing").toString(), root.resolve("warehouse").toString(),
                    root.resolve("reports").toString(), root.resolve("export").toString()).withEsiti(root.resolve("esiti").toString());
            listener.bySite.clear();
            Progress progress = Progress.silent();
            long t0 = System.nanoTime(), j0 = listener.jobs.get(), k0 = listener.tasks.get();
            new Nightly(CabinaContext.create(config, spark), key.pseudonymizer(), progress).run(new NightlyOptions(asOf, false));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%n## Run %d of %d%s: %.1f s, %,d Spark jobs, %,d tasks%n%n", run, runs, run == 1 ? " (cold JVM)" : "",
                    seconds, listener.jobs.get() - j0, listener.tasks.get() - k0);
            System.out.println("| stage | seconds | share | Spark jobs |");
            System.out.println("|---|---:|---:|---:|");
            long from = t0;
            for (Progress.StageRecord s : progress.stages()) {
                long to = from + (long) (s.seconds() * 1e9);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f %% | %d |%n", s.name(), s.seconds(), 100 * s.seconds() / seconds,
                        listener.jobsBetween(from, to));
                from = to;
            }
        }
        System.out.printf("%n## Where the last run's Spark jobs went (by call site, top 15)%n%n| call site | jobs | seconds |%n|---|---:|---:|%n");
        listener.bySite.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %d | %.2f |%n", e.getKey().replace("|", "/"), e.getValue()[1], e.getValue()[0] / 1e9));
        spark.stop();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
