package it.cabina.portal.load;

import it.cabina.portal.Level;
import it.cabina.portal.ReportIndex;
import it.cabina.portal.Scope;
import it.cabina.portal.TerritoryAccess;
import it.cabina.portal.UserStore;
import it.cabina.portal.web.PortalServer;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.published.ReportEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load test of the report portal, run by hand ({@code ops/portal-load.sh}), never by the test suite: a portal over a
 * reports folder, on 127.0.0.1 only, and N planners (one account each, of every level) who log in, then browse the list,
 * filter it, open dashboards and download reports until the time is up (ramp-up + seconds). Prints requests, errors and
 * response times; exits with 1 when a request failed.
 *
 * <pre>--reports DIR (default data/demo/reports)  --users N (50)  --seconds S (60)  --think-ms MS (1000: mean pause
 * between two requests of one planner, uniform in 0..2×MS; 0 for back-to-back requests)  --ramp-up S (10: planners
 * log in one after the other over this time, as bcrypt makes a login cost a good fraction of a second of CPU)
 * --out FILE (the Markdown table, appended)</pre>
 */
public final class PortalLoad {
    static final String PASSWORD = "carico-di-prova-2026";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path reports = Path.of(options.getOrDefault("--reports", "data/demo/reports")).toAbsolutePath().normalize();
        int users = Integer.parseInt(options.getOrDefault("--users", "50"));
        Duration length = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds", "60")));
        long thinkMillis = Long.parseLong(options.getOrDefault("--think-ms", "1000"));
        Duration rampUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--ramp-up", "10")));
        if (users < 1 || users > 500 || length.isNegative() || length.compareTo(Duration.ofMinutes(30)) > 0
                || rampUp.isNegative() || rampUp.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--users 1..500, --seconds up to 1800, --ramp-up up to 600");
        }
        List<ReportEntry> entries = new ReportIndex(reports).entries();
        if (entries.isEmpty()) throw new IllegalStateException("no report in " + reports + "/index.json: run ./cabina demo first");

        Path work = Files.createTempDirectory("portal-load");
        CabinaConfig config = withLogsIn(CabinaConfig.load(), work);
        Path usersFile = work.resolve("users.json");
        List<String> accounts = createAccounts(usersFile, users, entries, TerritoryAccess.of(config));
        PortalServer server = new PortalServer(PortalServer.Setup.of(config, reports, usersFile, config.portal().auditLog(),
                Clock.systemUTC())).start("127.0.0.1", 0);
        System.out.printf(Locale.ROOT, "load average (1, 5, 15 min) before: %s%n", loadAverage());
        System.out.printf(Locale.ROOT, "portal on 127.0.0.1:%d over %s (%d reports); %d planners logging in over %d s, then "
                        + "all of them for %d s, pause %d ms on average%n",
                server.port(), reports, entries.size(), users, rampUp.toSeconds(), length.toSeconds(), thinkMillis);

        List<Planner.Sample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Instant start = Instant.now();
        Instant end = start.plus(rampUp).plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Planner>> running = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                Instant loginAt = start.plus(rampUp.multipliedBy(i).dividedBy(accounts.size()));
                Planner p = new Planner(server.port(), accounts.get(i), PASSWORD, loginAt, end, thinkMillis);
                running.add(pool.submit(() -> {
                    p.run();
                    return p;
                }));
            }
            for (Future<Planner> f : running) {
                Planner p = f.get(rampUp.plus(length).toSeconds() + 120, TimeUnit.SECONDS);
                samples.addAll(p.samples());
                errors.addAll(p.errors());
            }
        } finally {
            pool.shutdownNow();
            server.stop();
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.printf(Locale.ROOT, "%d cores; load average (1, 5, 15 min) at the end: %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        String table = LoadReport.table(samples, errors.size(), took);
        System.out.println(table);
        errors.stream().limit(10).forEach(e -> System.out.println("error: " + e));
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), table + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        deleteQuietly(work);
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    /** Audit and access logs in the scratch folder, not in data/portal. */
    private static CabinaConfig withLogsIn(CabinaConfig config, Path work) {
        CabinaConfig.Portal p = config.portal();
        return config.withPortal(new CabinaConfig.Portal(work.resolve("users.json"), work.resolve("audit.log"),
                work.resolve("access.log"), p.sessionLifetime(), p.failuresBeforeDelay(), p.failureDelay(), p.maxFailureDelay(),
                p.maxTrackedFailures(), List.of()));
    }

    /** One account per planner, taking the territories of index.json in turn from every level (Ambito, ASST, ATS, Region). */
    private static List<String> createAccounts(Path file, int count, List<ReportEntry> entries, TerritoryAccess access) {
        Map<Level, List<String>> byLevel = new TreeMap<>();
        entries.stream().filter(e -> Level.parse(e.level()) != null && access.exists(Level.parse(e.level()), e.territory()))
                .forEach(e -> byLevel.computeIfAbsent(Level.parse(e.level()), l -> new ArrayList<>()).add(e.territory()));
        byLevel.replaceAll((level, codes) -> codes.stream().distinct().sorted().toList());
        List<Level> levels = new ArrayList<>(byLevel.keySet());
        UserStore store = UserStore.openOrEmpty(file);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Level level = levels.get(i % levels.size());
            List<String> codes = byLevel.get(level);
            names.add("pianificatore" + i);
            store.put(names.get(i), PASSWORD, List.of(new Scope(level, codes.get((i / levels.size()) % codes.size()))), false, access);
        }
        store.save();
        return names;
    }

    /** What else the machine was doing: the figures are only as good as the cores the portal had. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("usage: --name value …");
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary folder
        }
    }
}
