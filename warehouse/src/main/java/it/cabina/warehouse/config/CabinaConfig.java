package it.cabina.warehouse.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, read once from {@code conf/cabina.yaml} and passed down, immutable.
 * Relative paths are resolved against the project home (the folder holding {@code conf/}).
 */
public record CabinaConfig(
        Path home,
        String landing,
        String warehouse,
        String reports,
        Export export,
        String pseudonymKeyEnv,
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
        Operations operations) {

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
     * Settings of unattended runs ({@code operations} in cabina.yaml).
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
     */
    public record Operations(int lockHeartbeatSeconds, int lockStaleMinutes, int auditDays, int archiveDays, int rejectedDays,
                             int compactMinFiles, boolean housekeepingInNightly, int vacuumEveryDays) {
        public Operations {
            if (lockHeartbeatSeconds < 1 || lockStaleMinutes < 1) throw new ConfigException("operations.lock: heartbeat_seconds and stale_after_minutes must be at least 1");
            if ((long) lockStaleMinutes * 60 <= 2L * lockHeartbeatSeconds) throw new ConfigException("operations.lock: stale_after_minutes must exceed two heartbeats");
            if (compactMinFiles < 2) throw new ConfigException("operations.housekeeping.compact_min_files must be at least 2");
            if (vacuumEveryDays < 0) throw new ConfigException("operations.housekeeping.vacuum_every_days cannot be negative");
            if (auditDays < 0 || archiveDays < 0 || rejectedDays < 0) throw new ConfigException("operations.housekeeping: retention days cannot be negative");
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
        String other = System.getProperty(CONFIG_PROPERTY);
        if (other == null || other.isBlank()) other = System.getenv(CONFIG_ENV);
        return load(home, home.resolve(other == null || other.isBlank() ? "conf/cabina.yaml" : other));
    }

    /**
     * The YAML tree of a configuration file. A file may start from another ({@code extends: cabina.yaml}, relative to its
     * own folder) and name only what differs: its mappings are merged into the other's, key by key; lists and values
     * replace the other's. So conf/cabina-lombardia.yaml and conf/cabina-test.yaml say only what they change.
     */
    static JsonNode readWithBase(Path file, List<Path> seen) {
        if (seen.contains(file.toAbsolutePath().normalize())) throw new ConfigException("configuration files extend each other in a cycle: " + seen);
        seen.add(file.toAbsolutePath().normalize());
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) throw new ConfigException(file + ": not a YAML mapping");
        JsonNode base = tree.get("extends");
        if (base == null) return tree;
        Path baseFile = file.resolveSibling(base.asText());
        if (!Files.isRegularFile(baseFile)) throw new ConfigException(file + ": extends " + base.asText() + ", which is not there");
        com.fasterxml.jackson.databind.node.ObjectNode merged = (com.fasterxml.jackson.databind.node.ObjectNode) readWithBase(baseFile, seen);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("extends");
        merge(merged, (com.fasterxml.jackson.databind.node.ObjectNode) tree);
        return merged;
    }

    private static void merge(com.fasterxml.jackson.databind.node.ObjectNode into, com.fasterxml.jackson.databind.node.ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((com.fasterxml.jackson.databind.node.ObjectNode) existing, (com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    public static CabinaConfig load(Path home, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file
                    + " (set -D" + HOME_PROPERTY + " or " + HOME_ENV + " to the Cabina folder)");
        }
        JsonNode root = readWithBase(file, new java.util.ArrayList<>());
        JsonNode paths = required(root, "paths", file);
        JsonNode territory = required(root, "territory", file);
        JsonNode spark = required(root, "spark", file);
        Map<String, List<String>> senders = new LinkedHashMap<>();
        JsonNode sendersNode = root.path("senders");
        for (Iterator<Map.Entry<String, JsonNode>> it = sendersNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> list = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> list.add(v.asText()));
            else list.add(e.getValue().asText());
            senders.put(e.getKey(), List.copyOf(list));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        spark.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return new CabinaConfig(
                home,
                resolveUri(home, text(paths, "landing", file)),
                resolveUri(home, text(paths, "warehouse", file)),
                resolveUri(home, text(paths, "reports", file)),
                export(home, paths, root.path("export")),
                root.path("pseudonym").path("key_env").asText("CABINA_PSEUDONYM_KEY"),
                home.resolve(text(territory, "comuni", file)),
                home.resolve(text(territory, "ats_asst", file)),
                home.resolve(text(territory, "ambiti", file)),
                territory.path("region_code").asText("03"),
                home.resolve(root.path("codelists").asText("conf/codelists")),
                home.resolve(root.path("rules").asText("conf/rules")),
                Map.copyOf(senders),
                spark.path("master").asText("local[*]"),
                spark.path("app_name").asText("cabina"),
                Map.copyOf(settings),
                root.path("deadlines").path("flusso_days").asInt(60),
                portal(home, root.path("portal"), file), operations(root.path("operations")));
    }

    private static Export export(Path home, JsonNode paths, JsonNode export) {
        String parent = paths.path("export").asText("data/export");
        return new Export(resolveUri(home, paths.path("export_riservato").asText(parent + "/riservato")),
                resolveUri(home, paths.path("export_aperto").asText(parent + "/aperto")),
                export.path("keep_versions").asInt(3));
    }

    private static Portal portal(Path home, JsonNode node, Path file) {
        JsonNode proxiesNode = node.path("trusted_proxies");
        if (!proxiesNode.isMissingNode() && !proxiesNode.isNull() && !proxiesNode.isArray()) {
            throw new ConfigException(file + ": portal.trusted_proxies must be a list of addresses or CIDR blocks");
        }
        List<String> proxies = new ArrayList<>();
        proxiesNode.forEach(v -> proxies.add(v.asText().strip()));
        Portal p = new Portal(
                home.resolve(node.path("users_file").asText("data/portal/users.json")).normalize(),
                home.resolve(node.path("audit_log").asText("data/portal/audit.log")).normalize(),
                home.resolve(node.path("access_log").asText("data/portal/access.log")).normalize(),
                Duration.ofMinutes(node.path("session_minutes").asLong(480)),
                node.path("failed_logins_before_delay").asInt(3),
                Duration.ofSeconds(node.path("failed_login_delay_seconds").asLong(2)),
                Duration.ofSeconds(node.path("failed_login_max_delay_seconds").asLong(300)),
                node.path("failed_login_max_tracked").asInt(10_000),
                proxies);
        if (p.sessionLifetime().isNegative() || p.sessionLifetime().isZero() || p.failuresBeforeDelay() < 1
                || p.failureDelay().isNegative() || p.maxFailureDelay().compareTo(p.failureDelay()) < 0
                || p.maxTrackedFailures() < 1) {
            throw new ConfigException(file + ": portal settings out of range: " + p);
        }
        return p;
    }

    /** A copy with other portal settings (tests and `serve --users`). */
    public CabinaConfig withPortal(Portal portal) {
        return new CabinaConfig(home, landing, warehouse, reports, export, pseudonymKeyEnv, comuniFile, atsAsstFile, ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, operations);
    }

    private static Operations operations(JsonNode ops) {
        JsonNode lock = ops.path("lock");
        JsonNode hk = ops.path("housekeeping");
        return new Operations(lock.path("heartbeat_seconds").asInt(30), lock.path("stale_after_minutes").asInt(10),
                hk.path("audit_days").asInt(30), hk.path("archive_days").asInt(90), hk.path("rejected_days").asInt(90),
                hk.path("compact_min_files").asInt(16), hk.path("in_nightly").asBoolean(true), hk.path("vacuum_every_days").asInt(7));
    }

    /** A copy with other operations settings (tests use retention 0). */
    public CabinaConfig withOperations(Operations ops) {
        return new CabinaConfig(home, landing, warehouse, reports, export, pseudonymKeyEnv, comuniFile, atsAsstFile, ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, ops);
    }

    /** A copy with other export settings (tests keep fewer versions). */
    public CabinaConfig withExport(Export export) {
        return new CabinaConfig(home, landing, warehouse, reports, export, pseudonymKeyEnv, comuniFile, atsAsstFile, ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, operations);
    }

    /** A copy with other Spark settings (tests use fewer partitions). */
    public CabinaConfig withSpark(String master, String appName, Map<String, String> settings) {
        return new CabinaConfig(home, landing, warehouse, reports, export, pseudonymKeyEnv, comuniFile, atsAsstFile, ambitiFile,
                regionCode, codelistsDir, rulesDir, senders, master, appName, Map.copyOf(settings), flussoDeadlineDays, portal, operations);
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
                pseudonymKeyEnv, comuniFile, atsAsstFile, ambitiFile, regionCode, codelistsDir, rulesDir,
                senders, sparkMaster, sparkAppName, sparkSettings, flussoDeadlineDays, portal, operations);
    }


    /** A path with a URI scheme (hdfs:, s3a:, file:) is kept as is; a plain path is made absolute against base. */
    static String resolveUri(Path base, String value) {
        if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !value.matches("^[a-zA-Z]:\\\\.*")) return value;
        return base.resolve(value).toAbsolutePath().normalize().toString();
    }

    private static JsonNode required(JsonNode node, String name, Path file) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) throw new ConfigException(file + ": missing section '" + name + "'");
        return n;
    }

    private static String text(JsonNode node, String name, Path file) {
        JsonNode n = node.get(name);
        if (n == null || n.asText().isBlank()) throw new ConfigException(file + ": missing value '" + name + "'");
        return n.asText();
    }

}
