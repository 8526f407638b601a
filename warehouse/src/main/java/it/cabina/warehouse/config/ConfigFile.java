package it.cabina.warehouse.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * {@code conf/cabina.yaml} as written: every key it may hold (in snake_case), its type and its default — the one place
 * where defaults live. Bound by {@link ConfigReader}, which first refuses unknown keys and wrong types; {@link #check}
 * then tells the values out of range. {@link CabinaConfig} is what the code uses, with paths resolved.
 */
public record ConfigFile(@JsonProperty(required = true) Paths paths, Pseudonym pseudonym,
                         @JsonProperty(required = true) TerritoryFiles territory, String codelists, String rules,
                         Map<String, List<String>> senders, Deadlines deadlines, @JsonProperty(required = true) Spark spark,
                         Portal portal, Operations operations, Logging logging, Export export) {
    public ConfigFile {
        pseudonym = or(pseudonym, () -> new Pseudonym(null, null));
        codelists = or(codelists, () -> "conf/codelists");
        rules = or(rules, () -> "conf/rules");
        senders = or(senders, Map::of);
        deadlines = or(deadlines, () -> new Deadlines(null));
        portal = or(portal, () -> new Portal(null, null, null, null, null, null, null, null, null));
        operations = or(operations, () -> new Operations(null, null, null));
        logging = or(logging, () -> new Logging(null));
        export = or(export, () -> new Export(null));
    }

    /** Data paths: local paths (relative to the project) or Hadoop URIs. */
    public record Paths(@JsonProperty(required = true) String landing, @JsonProperty(required = true) String warehouse,
                        @JsonProperty(required = true) String reports, String export, String exportRiservato,
                        String exportAperto, String esiti) {
        public Paths {
            export = or(export, () -> "data/export");
            String parent = export.replaceAll("/+$", "");
            exportRiservato = or(exportRiservato, () -> parent + "/riservato");
            exportAperto = or(exportAperto, () -> parent + "/aperto");
            esiti = or(esiti, () -> "data/esiti");
        }
    }

    /** Where the pseudonym key is read: the variable holding it, or the variable naming a file that holds it. */
    public record Pseudonym(String keyEnv, String keyFileEnv) {
        public Pseudonym {
            keyEnv = or(keyEnv, () -> "CABINA_PSEUDONYM_KEY");
            keyFileEnv = or(keyFileEnv, () -> "CABINA_PSEUDONYM_KEY_FILE");
        }
    }

    public record TerritoryFiles(@JsonProperty(required = true) String comuni, @JsonProperty(required = true) String atsAsst,
                                 @JsonProperty(required = true) String ambiti, String regionCode) {
        public TerritoryFiles {
            regionCode = or(regionCode, () -> "03");
        }
    }

    public record Deadlines(Integer flussoDays) {
        public Deadlines {
            flussoDays = or(flussoDays, () -> 60);
        }

        void check(Problems p) {
            p.atLeast("deadlines.flusso_days", flussoDays, 0);
        }
    }

    public record Spark(String master, String appName, Map<String, String> settings) {
        public Spark {
            master = or(master, () -> "local[*]");
            appName = or(appName, () -> "cabina");
            settings = or(settings, Map::of);
        }
    }

    public record Portal(String usersFile, String auditLog, String accessLog, Integer sessionMinutes,
                         Integer failedLoginsBeforeDelay, Integer failedLoginDelaySeconds, Integer failedLoginMaxDelaySeconds,
                         Integer failedLoginMaxTracked, List<String> trustedProxies) {
        public Portal {
            usersFile = or(usersFile, () -> "data/portal/users.json");
            auditLog = or(auditLog, () -> "data/portal/audit.log");
            accessLog = or(accessLog, () -> "data/portal/access.log");
            sessionMinutes = or(sessionMinutes, () -> 480);
            failedLoginsBeforeDelay = or(failedLoginsBeforeDelay, () -> 3);
            failedLoginDelaySeconds = or(failedLoginDelaySeconds, () -> 2);
            failedLoginMaxDelaySeconds = or(failedLoginMaxDelaySeconds, () -> 300);
            failedLoginMaxTracked = or(failedLoginMaxTracked, () -> 10_000);
            trustedProxies = or(trustedProxies, List::of);
        }

        void check(Problems p) {
            p.atLeast("portal.session_minutes", sessionMinutes, 1);
            p.atLeast("portal.failed_logins_before_delay", failedLoginsBeforeDelay, 1);
            p.atLeast("portal.failed_login_delay_seconds", failedLoginDelaySeconds, 0);
            p.atLeast("portal.failed_login_max_delay_seconds", failedLoginMaxDelaySeconds, failedLoginDelaySeconds,
                    "failed_login_delay_seconds");
            p.atLeast("portal.failed_login_max_tracked", failedLoginMaxTracked, 1);
        }
    }

    /**
     * Unattended runs: the lock, the housekeeping, and the metrics file of the nightly (Prometheus text format, for
     * node_exporter's textfile collector; empty: none).
     */
    public record Operations(Lock lock, Housekeeping housekeeping, String metricsFile) {
        public Operations {
            lock = or(lock, () -> new Lock(null, null));
            housekeeping = or(housekeeping, () -> new Housekeeping(null, null, null, null, null, null));
            metricsFile = or(metricsFile, () -> "");
        }

        void check(Problems p) {
            p.atLeast("operations.lock.heartbeat_seconds", lock.heartbeatSeconds(), 1);
            p.atLeast("operations.lock.stale_after_minutes", lock.staleAfterMinutes(), 1);
            if (lock.staleAfterMinutes() * 60L <= 2L * lock.heartbeatSeconds()) {
                p.add("operations.lock.stale_after_minutes", "deve superare due battiti (2 × heartbeat_seconds = "
                        + 2 * lock.heartbeatSeconds() + " s), è " + lock.staleAfterMinutes() + " min");
            }
            p.atLeast("operations.housekeeping.compact_min_files", housekeeping.compactMinFiles(), 2);
            p.atLeast("operations.housekeeping.vacuum_every_days", housekeeping.vacuumEveryDays(), 0);
            p.atLeast("operations.housekeeping.audit_days", housekeeping.auditDays(), 0);
            p.atLeast("operations.housekeeping.archive_days", housekeeping.archiveDays(), 0);
            p.atLeast("operations.housekeeping.rejected_days", housekeeping.rejectedDays(), 0);
            if (metricsFile.endsWith("/")) p.add("operations.metrics_file", "è una cartella: serve un file (es. …/cabina.prom)");
        }
    }

    /**
     * The analysts' exports: each is published as a new version folder with a CURRENT file naming it; the last
     * {@code keep_versions} versions are kept (at least 2: the one being read and the new one).
     */
    public record Export(Integer keepVersions) {
        public Export {
            keepVersions = or(keepVersions, () -> 3);
        }

        void check(Problems p) {
            p.atLeast("export.keep_versions", keepVersions, 2);
        }
    }

    public record Lock(Integer heartbeatSeconds, Integer staleAfterMinutes) {
        public Lock {
            heartbeatSeconds = or(heartbeatSeconds, () -> 30);
            staleAfterMinutes = or(staleAfterMinutes, () -> 10);
        }
    }

    public record Housekeeping(Boolean inNightly, Integer compactMinFiles, Integer vacuumEveryDays, Integer auditDays,
                               Integer archiveDays, Integer rejectedDays) {
        public Housekeeping {
            inNightly = or(inNightly, () -> true);
            compactMinFiles = or(compactMinFiles, () -> 16);
            vacuumEveryDays = or(vacuumEveryDays, () -> 7);
            auditDays = or(auditDays, () -> 30);
            archiveDays = or(archiveDays, () -> 90);
            rejectedDays = or(rejectedDays, () -> 90);
        }
    }

    /** How progress lines are written: text for people, or one JSON object per line ({@code --log-format} overrides it). */
    public record Logging(CabinaConfig.LogFormat format) {
        public Logging {
            format = or(format, () -> CabinaConfig.LogFormat.TEXT);
        }
    }

    /** Tells every value out of range, with its key's path. */
    void check(Problems p) {
        deadlines.check(p);
        portal.check(p);
        operations.check(p);
        export.check(p);
    }

    private static <T> T or(T value, java.util.function.Supplier<T> otherwise) {
        return value != null ? value : otherwise.get();
    }
}
