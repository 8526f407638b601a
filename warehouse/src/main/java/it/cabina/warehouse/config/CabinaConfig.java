package it.cabina.warehouse.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, read once from {@code conf/cabina.yaml} and passed down, immutable.
 * Relative paths are resolved against the project home (the folder holding {@code conf/}). The file's keys, their types
 * and defaults are {@link ConfigFile}'s; {@link #load(Path, Path)} refuses a file with unknown keys or wrong values.
 *
 * @param pseudonymKeyEnv     the environment variable holding the pseudonym key
 * @param pseudonymKeyFileEnv the environment variable naming a file that holds it (systemd credentials, Kubernetes secrets)
 * @param logFormat           how progress lines are written (text for people, or JSON lines)
 */
public record CabinaConfig(
        Path home,
        String landing,
        String warehouse,
        String reports,
        Export export,
        String esiti,
        String pseudonymKeyEnv,
        String pseudonymKeyFileEnv,
        Path comuniFile,
        Path atsAsstFile,
        Path ambitiFile,
        String regionCode,
        Path codelistsDir,
        Path rulesDir,
        Map<String, List<String>> senders,
        String sparkMaster,
        String sparkAppName,
        Map<String, String> sparkSettings,
        int flussoDeadlineDays,
        Portal portal,
        Operations operations,
        LogFormat logFormat) {

    /** The format of progress lines: text for people, or one JSON object per line for log collectors. */
    public enum LogFormat { TEXT, JSON }

    /**
     * Settings of the report portal ({@code portal:} in cabina.yaml). Paths are absolute.
     * After {@code failuresBeforeDelay} failed logins for a user name or an address, each further attempt waits
     * {@code failureDelay}, doubled at every new failure up to {@code maxFailureDelay}; at most
     * {@code maxTrackedFailures} user names and addresses with failures are remembered at once.
     * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are honoured only from {@code trustedProxies}
     * (addresses or CIDR blocks, e.g. {@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}).
     */
    public record Portal(Path usersFile, Path auditLog, Path accessLog, Duration sessionLifetime,
                         int failuresBeforeDelay, Duration failureDelay, Duration maxFailureDelay, int maxTrackedFailures,
                         List<String> trustedProxies) {
        public Portal {
            trustedProxies = List.copyOf(trustedProxies);
        }
    }

    /**
     * Settings of unattended runs ({@code operations} in cabina.yaml; their ranges are checked by {@link ConfigFile}).
     *
     * @param lockHeartbeatSeconds how often a running nightly refreshes its lock
     * @param lockStaleMinutes     a lock not refreshed for this long is abandoned (its holder died on another host)
     * @param auditDays            VACUUM keeps the files of table versions of the last N days (time travel, audit)
     * @param archiveDays          processed deliveries stay in landing/_archive this long, then are deleted
     * @param rejectedDays         rejected deliveries stay in landing/_rejected this long, then are deleted
     * @param compactMinFiles      a table is compacted when it has at least this many data files
     * @param housekeepingInNightly whether the nightly ends with housekeeping (else only {@code cabina housekeeping})
     * @param vacuumEveryDays      the nightly's housekeeping runs VACUUM when the last one is this many days old (0: always);
     *                             VACUUM lists every file of every table, the slow part of housekeeping
     * @param metricsFile          where each nightly writes its metrics (Prometheus text format), or null: nowhere
     */
    public record Operations(int lockHeartbeatSeconds, int lockStaleMinutes, int auditDays, int archiveDays, int rejectedDays,
                             int compactMinFiles, boolean housekeepingInNightly, int vacuumEveryDays, Path metricsFile) {
        /** Without a metrics file. */
        public Operations(int lockHeartbeatSeconds, int lockStaleMinutes, int auditDays, int archiveDays, int rejectedDays,
                          int compactMinFiles, boolean housekeepingInNightly, int vacuumEveryDays) {
            this(lockHeartbeatSeconds, lockStaleMinutes, auditDays, archiveDays, rejectedDays, compactMinFiles,
                    housekeepingInNightly, vacuumEveryDays, null);
        }
    }

    /**
     * The analysts' exports (issue 21), each in its own folder so that file permissions can differ: {@code riservato},
     * the person-level star schema (pseudonymised), for authorised analysts; {@code aperto}, aggregates and indicators
     * with small cells protected, publishable as they are. Each publication is a new version folder; the last
     * {@code keepVersions} of each are kept (at least 2: a reader of the previous version is never disturbed).
     * Keys: {@code paths.export_riservato}, {@code paths.export_aperto} (default: {@code riservato/} and {@code aperto/}
     * under {@code paths.export}, itself {@code data/export} by default), {@code export.keep_versions} (default 3).
     */
    public record Export(String riservato, String aperto, int keepVersions) {
        public Export {
            if (keepVersions < 2) throw new ConfigException("export.keep_versions must be at least 2 (the version being read and the new one)");
        }

        /** Both exports under one folder ({@code DIR/riservato}, {@code DIR/aperto}): the command line's {@code --export DIR}. */
        public Export under(String folder) {
            return new Export(folder.replaceAll("/+$", "") + "/riservato", folder.replaceAll("/+$", "") + "/aperto", keepVersions);
        }
    }

    public static final String HOME_PROPERTY = "cabina.home";
    public static final String HOME_ENV = "CABINA_HOME";

    /** The project home: -Dcabina.home, else $CABINA_HOME, else the current directory or its first parent holding conf/cabina.yaml. */
    public static Path locateHome() {
        String prop = System.getProperty(HOME_PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("conf/cabina.yaml"))) return p;
        }
        return dir;
    }

    public static final String CONFIG_PROPERTY = "cabina.config";
    public static final String CONFIG_ENV = "CABINA_CONFIG";

    /**
     * Reads {@code conf/cabina.yaml} of the project home, or the file named by -Dcabina.config or $CABINA_CONFIG
     * (relative to the home), e.g. {@code conf/cabina-lombardia.yaml} for the regional benchmark territory.
     */
    public static CabinaConfig load() {
        Path home = locateHome();
        return load(home, configFile(home));
    }

    /** The configuration file {@link #load()} reads: -Dcabina.config or $CABINA_CONFIG (relative to the home), else conf/cabina.yaml. */
    public static Path configFile(Path home) {
        String other = System.getProperty(CONFIG_PROPERTY);
        if (other == null || other.isBlank()) other = System.getenv(CONFIG_ENV);
        return home.resolve(other == null || other.isBlank() ? "conf/cabina.yaml" : other);
    }

    /**
     * Reads a configuration file (which may {@code extends} another): unknown keys, wrong types, missing and out-of-range
     * values are all reported together in one {@link ConfigException}, each with the file and the key's path.
     */
    public static CabinaConfig load(Path home, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file
                    + " (set -D" + HOME_PROPERTY + " or " + HOME_ENV + " to the Cabina folder)");
        }
        return of(home, new ConfigReader(home).read(file));
    }

    /** The configuration a checked file gives, its paths resolved against the project home. */
    static CabinaConfig of(Path home, ConfigFile f) {
        Map<String, List<String>> senders = new LinkedHashMap<>();
        f.senders().forEach((source, list) -> senders.put(source, List.copyOf(list)));
        ConfigFile.Portal p = f.portal();
        ConfigFile.Housekeeping hk = f.operations().housekeeping();
        String metrics = f.operations().metricsFile();
        return new CabinaConfig(
                home,
                resolveUri(home, f.paths().landing()),
                resolveUri(home, f.paths().warehouse()),
                resolveUri(home, f.paths().reports()),
                new Export(resolveUri(home, f.paths().exportRiservato()), resolveUri(home, f.paths().exportAperto()),
                        f.export().keepVersions()),
                resolveUri(home, f.paths().esiti()),
                f.pseudonym().keyEnv(),
                f.pseudonym().keyFileEnv(),
                home.resolve(f.territory().comuni()),
                home.resolve(f.territory().atsAsst()),
                home.resolve(f.territory().ambiti()),
                f.territory().regionCode(),
                home.resolve(f.codelists()),
                home.resolve(f.rules()),
                Map.copyOf(senders),
                f.spark().master(),
                f.spark().appName(),
                Map.copyOf(f.spark().settings()),
                f.deadlines().flussoDays(),
                new Portal(home.resolve(p.usersFile()).normalize(), home.resolve(p.auditLog()).normalize(),
                        home.resolve(p.accessLog()).normalize(), Duration.ofMinutes(p.sessionMinutes()), p.failedLoginsBeforeDelay(),
                        Duration.ofSeconds(p.failedLoginDelaySeconds()), Duration.ofSeconds(p.failedLoginMaxDelaySeconds()),
                        p.failedLoginMaxTracked(), p.trustedProxies().stream().map(String::strip).toList()),
                new Operations(f.operations().lock().heartbeatSeconds(), f.operations().lock().staleAfterMinutes(), hk.auditDays(),
                        hk.archiveDays(), hk.rejectedDays(), hk.compactMinFiles(), hk.inNightly(), hk.vacuumEveryDays(),
                        metrics.isBlank() ? null : home.resolve(metrics).normalize()),
                f.logging().format());
    }

    /** A copy with other portal settings (tests and `serve --users`). */
    public CabinaConfig withPortal(Portal portal) {
        return new CabinaConfig(home, landing, warehouse, reports, export, esiti, pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile,
                ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, operations, logFormat);
    }

    /** A copy with other operations settings (tests use retention 0). */
    public CabinaConfig withOperations(Operations ops) {
        return new CabinaConfig(home, landing, warehouse, reports, export, esiti, pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile,
                ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, ops, logFormat);
    }

    /** A copy with other export settings (tests keep fewer versions). */
    public CabinaConfig withExport(Export export) {
        return new CabinaConfig(home, landing, warehouse, reports, export, esiti, pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile,
                ambitiFile, regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal,
                operations, logFormat);
    }

    /** A copy with other Spark settings (tests use fewer partitions). */
    public CabinaConfig withSpark(String master, String appName, Map<String, String> settings) {
        return new CabinaConfig(home, landing, warehouse, reports, export, esiti, pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile,
                ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, master, appName, Map.copyOf(settings), flussoDeadlineDays, portal, operations, logFormat);
    }

    /** A copy with another format of progress lines (`--log-format`). */
    public CabinaConfig withLogFormat(LogFormat format) {
        return new CabinaConfig(home, landing, warehouse, reports, export, esiti, pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile,
                ambitiFile, regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal,
                operations, format);
    }

    /** A copy with other data paths (null keeps the configured one). */
    public CabinaConfig withPaths(String landing, String warehouse, String reports) {
        return withPaths(landing, warehouse, reports, null);
    }

    /** A copy with other data paths (null keeps the configured one); {@code export} holds both exports ({@link Export#under}). */
    public CabinaConfig withPaths(String landing, String warehouse, String reports, String export) {
        Path cwd = Path.of("").toAbsolutePath();
        return new CabinaConfig(home,
                landing == null ? this.landing : resolveUri(cwd, landing),
                warehouse == null ? this.warehouse : resolveUri(cwd, warehouse),
                reports == null ? this.reports : resolveUri(cwd, reports),
                export == null ? this.export : this.export.under(resolveUri(cwd, export)),
                esiti, pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile,
                ambitiFile, regionCode, codelistsDir, rulesDir,
                senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, operations, logFormat);
    }


    /** A copy whose esiti (the files returned to the senders) go to another folder. */
    public CabinaConfig withEsiti(String esiti) {
        return new CabinaConfig(home, landing, warehouse, reports, export, resolveUri(Path.of("").toAbsolutePath(), esiti),
                pseudonymKeyEnv, pseudonymKeyFileEnv, comuniFile, atsAsstFile, ambitiFile, regionCode, codelistsDir, rulesDir, senders,
                sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, operations, logFormat);
    }

    /** A path with a URI scheme (hdfs:, s3a:, file:) is kept as is; a plain path is made absolute against base. */
    static String resolveUri(Path base, String value) {
        if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !value.matches("^[a-zA-Z]:\\\\.*")) return value;
        return base.resolve(value).toAbsolutePath().normalize().toString();
    }

}
