package it.cabina.etl.ops;

import io.delta.tables.DeltaTable;
import it.cabina.etl.landing.LandingFiles;
import it.cabina.etl.landing.Ledger;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

/**
 * Keeps the warehouse and the landing area small and within their retention:
 * <ol>
 *   <li>compaction ({@code OPTIMIZE}) of tables that appends and rewrites have left in many small files;</li>
 *   <li>{@code VACUUM} of every table, keeping the files of the audit window: the window is set as the table property
 *       {@code delta.deletedFileRetentionDuration} (Delta 4.3 ignores the hours argument of vacuum unless it is 0), and
 *       the log is kept at least as long, so time travel works for the whole window. VACUUM lists every file of every
 *       table, so the nightly does it every {@code vacuum_every_days} (the time of the last one is kept in
 *       {@code <warehouse>/_housekeeping/last_vacuum}); {@code cabina housekeeping} always does it;</li>
 *   <li>deletion of delivered files past their retention in {@code _archive} and {@code _rejected} (they hold tax codes;
 *       the ledger keeps their SHA-256), and of staging copies left by an interrupted run.</li>
 * </ol>
 * Nothing here changes a table's content.
 */
public final class Housekeeping {
    private final CabinaContext ctx;
    private final Progress progress;

    public Housekeeping(CabinaContext ctx, Progress progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /**
     * Files below this size are compacted. A night's appends leave files of kilobytes; a full load leaves files of
     * tens of megabytes (the 28 M FLUSSO rows of the regional benchmark: 42 files of 23 MB on average), and rewriting
     * those into one took 2–3 minutes of a 17-minute full load, to gain nothing (Delta's default threshold is 1 GB;
     * 32 MB still caught them).
     */
    static final long SMALL_FILE_BYTES = 8L << 20;
    private static final String OPTIMIZE_MIN_FILE_SIZE = "spark.databricks.delta.optimize.minFileSize";

    private static Row compactSmallFiles(DeltaTable table) {
        return table.optimize().executeCompaction().select("metrics.numFilesRemoved", "metrics.numFilesAdded").first();
    }

    /** The session's OPTIMIZE threshold set to {@link #SMALL_FILE_BYTES} while {@code work} runs, then put back. */
    private <T> T withSmallFileThreshold(java.util.function.Supplier<T> work) {
        var conf = ctx.spark().conf();
        String before = conf.getOption(OPTIMIZE_MIN_FILE_SIZE).getOrElse(() -> null);
        conf.set(OPTIMIZE_MIN_FILE_SIZE, String.valueOf(SMALL_FILE_BYTES));
        try {
            return work.get();
        } finally {
            if (before == null) conf.unset(OPTIMIZE_MIN_FILE_SIZE);
            else conf.set(OPTIMIZE_MIN_FILE_SIZE, before);
        }
    }

    /** What the housekeeping compacted in one table: files compacted (-1: not compacted) and files after. */
    private record TableDone(Table table, long filesCompacted, long filesAfter) {}

    /** Compacts one table if its files are many and small, and vacuums it if due. */
    private TableDone tidy(Table t, boolean vacuum) {
        CabinaConfig.Operations ops = ctx.config().operations();
        DeltaTable table = DeltaTable.forPath(ctx.spark(), ctx.store().path(t));
        DeltaStore.TableFiles current = ctx.store().files(t);
        if (vacuum) retention(t, current.properties(), ops.auditDays());
        long files = current.count();
        long compacted = -1, after = files;
        if (files >= ops.compactMinFiles() && current.bytes() / files < SMALL_FILE_BYTES) {
            Row m = compactSmallFiles(table);
            compacted = m.getLong(0);
            after = m.getLong(1);
        }
        if (vacuum) table.vacuum();
        return new TableDone(t, compacted, after);
    }

    public record Result(int tablesCompacted, long filesCompacted, int tablesVacuumed, List<String> deliveriesDeleted) {}

    /** @param forceVacuum VACUUM even if the last one is younger than {@code vacuum_every_days} */
    public Result run(Instant now, boolean forceVacuum) {
        CabinaConfig.Operations ops = ctx.config().operations();
        DeltaStore store = ctx.store();
        int compacted = 0;
        long filesCompacted = 0;
        long t0 = System.nanoTime();
        Path marker = new Path(new Path(store.root(), "_housekeeping"), "last_vacuum");
        Instant lastVacuum = lastVacuum(marker);
        boolean vacuum = forceVacuum || ops.vacuumEveryDays() == 0
                || (lastVacuum != null && !lastVacuum.plus(Duration.ofDays(ops.vacuumEveryDays())).isAfter(now));
        if (!vacuum && lastVacuum == null) {
            // a new warehouse has nothing older than the audit window: its first VACUUM is due in vacuum_every_days
            writeLastVacuum(marker, now);
            progress.accept("  VACUUM: primo conteggio da oggi (ogni " + ops.vacuumEveryDays() + " giorni)");
        } else if (!vacuum) {
            progress.accept("  VACUUM non dovuto: l'ultimo è del " + lastVacuum + " (ogni " + ops.vacuumEveryDays() + " giorni)");
        }
        // each table is a few small Spark jobs and a listing: several tables at a time keep the cores busy
        List<TableDone> done = withSmallFileThreshold(() -> Concurrently.map(store.list(), Concurrently.SPARK_QUERIES, t -> tidy(t, vacuum)));
        for (TableDone d : done) {
            if (d.filesCompacted() >= 0) {
                compacted++;
                filesCompacted += d.filesCompacted();
                progress.accept(String.format("  compattata %-28s %,6d file → %,d", d.table().name(), d.filesCompacted(), d.filesAfter()));
            }
        }
        int vacuumed = vacuum ? done.size() : 0; // every table, when due
        if (vacuum) writeLastVacuum(marker, now);
        progress.count("tabelle_compattate", compacted);
        progress.count("file_compattati", filesCompacted);
        progress.count("tabelle_vacuum", vacuumed);
        progress.accept(String.format("  %d tabelle compattate (%,d file piccoli), %d con VACUUM (finestra di %d giorni), in %.1f s",
                compacted, filesCompacted, vacuumed, ops.auditDays(), (System.nanoTime() - t0) / 1e9));
        List<String> deleted = new ArrayList<>();
        try {
            deleted.addAll(purge(LandingFiles.ARCHIVE, Duration.ofDays(ops.archiveDays()), now));
            deleted.addAll(purge(LandingFiles.REJECTED, Duration.ofDays(ops.rejectedDays()), now));
            progress.count("consegne_eliminate", deleted.size());
            progress.count("copie_staging_eliminate", purgeOrphanStaging());
        } catch (IOException e) {
            throw new UncheckedIOException("housekeeping of the landing area " + ctx.config().landing() + ": " + e.getMessage(), e);
        }
        return new Result(compacted, filesCompacted, vacuumed, deleted);
    }

    private Instant lastVacuum(Path marker) {
        try {
            FileSystem fs = marker.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
            if (!fs.exists(marker)) return null;
            try (var in = fs.open(marker)) {
                return Instant.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim());
            }
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return null; // unreadable: vacuum again, which is always safe
        }
    }

    private void writeLastVacuum(Path marker, Instant when) {
        try {
            FileSystem fs = marker.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
            try (var out = fs.create(marker, true)) {
                out.write(when.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the time of the VACUUM in " + marker, e);
        }
    }

    /** Sets the retention properties when they differ (a property change is a commit: not every night). */
    private void retention(Table t, Map<String, String> properties, int auditDays) {
        String files = "interval " + auditDays + " days";
        // the log must outlive the files it points to, and never less than Delta's default of 30 days
        String log = "interval " + Math.max(auditDays, 30) + " days";
        if (files.equals(properties.get("delta.deletedFileRetentionDuration")) && log.equals(properties.get("delta.logRetentionDuration"))) {
            return;
        }
        ctx.spark().sql("ALTER TABLE delta.`" + ctx.store().path(t).replace("`", "``") + "` SET TBLPROPERTIES ("
                + "'delta.deletedFileRetentionDuration' = '" + files + "', 'delta.logRetentionDuration' = '" + log + "')");
    }

    /** Deletes the deliveries of one folder processed longer ago than the retention (by the ledger, else by the file's date). */
    private List<String> purge(String folder, Duration retention, Instant now) throws IOException {
        Path dir = new Path(ctx.config().landing(), folder);
        FileSystem fs = dir.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
        if (!fs.exists(dir)) return List.of();
        Map<String, Instant> processed = processedAt();
        List<String> out = new ArrayList<>();
        for (FileStatus st : fs.listStatus(dir)) {
            String name = st.getPath().getName();
            String delivery = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
            Instant when = processed.getOrDefault(delivery, Instant.ofEpochMilli(st.getModificationTime()));
            if (!when.plus(retention).isAfter(now)) {
                if (!fs.delete(st.getPath(), true)) throw new IOException("cannot delete " + st.getPath());
                out.add(name);
                progress.accept("  eliminata " + folder + "/" + name + " (elaborata il " + when + ", conservazione "
                        + retention.toDays() + " giorni; il registro ne conserva le impronte SHA-256)");
            }
        }
        return out;
    }

    /** Staging copies of zips no longer in the landing area (left by an interrupted run; they hold tax codes). */
    private int purgeOrphanStaging() throws IOException {
        Path landing = new Path(ctx.config().landing());
        Path staging = new Path(landing, LandingFiles.STAGING);
        FileSystem fs = staging.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
        if (!fs.exists(staging)) return 0;
        int n = 0;
        for (FileStatus st : fs.listStatus(staging)) {
            String name = st.getPath().getName();
            if (fs.exists(new Path(landing, name + ".zip")) || fs.exists(new Path(landing, name))) continue;
            if (fs.delete(st.getPath(), true)) n++;
        }
        return n;
    }

    /** When each delivery was last recorded in the ledger. */
    private Map<String, Instant> processedAt() {
        Map<String, Instant> out = new HashMap<>();
        for (Row r : new Ledger(ctx.store()).read().groupBy("delivery_name").agg(max(col("processed_at"))).collectAsList()) {
            out.put(r.getString(0), ((Timestamp) r.get(1)).toInstant());
        }
        return out;
    }
}
