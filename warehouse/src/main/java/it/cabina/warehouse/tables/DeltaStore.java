package it.cabina.warehouse.tables;

import io.delta.tables.DeltaTable;
import it.cabina.warehouse.spark.Concurrently;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Delta access layer: every read and write of a warehouse table goes through here, by table name. */
public final class DeltaStore {
    private final SparkSession spark;
    private final String root;
    private final PinnedSnapshots pinned;

    public DeltaStore(SparkSession spark, String warehouseRoot) {
        this.spark = spark;
        this.root = warehouseRoot;
        this.pinned = new PinnedSnapshots(spark);
    }

    public SparkSession spark() { return spark; }

    public String root() { return root; }

    public String path(Table t) { return t.path(root); }

    public boolean exists(Table t) {
        return DeltaTable.isDeltaTable(spark, path(t));
    }

    /**
     * The table as it is now: its latest version, pinned. Later commits are not seen by the frame returned (read again
     * after a write). Every query over a table read by path lists its files again ("Filtering files for query", a
     * Spark job per query and table); a pinned frame lists them once per table version, and the queries of a stage
     * share that list ({@link PinnedSnapshots}).
     */
    public Dataset<Row> read(Table t) {
        return pinned.read(path(t));
    }

    /** How many data files the latest version of a table has, their bytes, and the table's properties. */
    public record TableFiles(long count, long bytes, Map<String, String> properties) {}

    /**
     * The files of the table's latest version and its properties, from the version's checksum file when Delta wrote
     * one (no Spark job); otherwise from the snapshot's state, which Delta rebuilds from the log (Spark jobs). Delta's
     * {@code DESCRIBE DETAIL} always takes the second way, a state rebuilt for every table it is asked about.
     */
    public TableFiles files(Table t) {
        Snapshot s = pinned.latest(path(t));
        Map<String, String> properties = CollectionConverters.asJava(s.metadata().configuration());
        if (s.checksumOpt().isDefined()) {
            return new TableFiles(s.checksumOpt().get().numFiles(), s.checksumOpt().get().tableSizeBytes(), properties);
        }
        return new TableFiles(s.numOfFiles(), s.sizeInBytes(), properties);
    }

    /**
     * Which state of the table is current: {@code <version>@<commit timestamp>} of its latest commit. Two reads
     * with the same stamp see the same rows (also after the warehouse folder is copied elsewhere).
     */
    public String stamp(Table t) {
        Snapshot s = latestCommitted(t);
        return s.version() + "@" + java.time.Instant.ofEpochMilli(s.timestamp());
    }

    /** The latest snapshot of a table that exists; Delta's history would say the same with a Spark job per question. */
    private Snapshot latestCommitted(Table t) {
        Snapshot s = pinned.latest(path(t));
        if (s.version() < 0) throw new IllegalStateException("no Delta table at " + path(t));
        return s;
    }

    /** What the table's latest commit recorded about itself (operation, metrics, note), from its log file: no Spark job. */
    private Optional<CommitInfo> lastCommit(Table t) {
        Snapshot s = latestCommitted(t);
        var changes = s.deltaLog().getChanges(s.version(), s.version(), scala.Option.empty(), false);
        while (changes.hasNext()) {
            for (Action a : CollectionConverters.asJava(changes.next()._2())) {
                if (a instanceof CommitInfo info) return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    /** The table as of the version of a {@link #stamp}. */
    public Dataset<Row> readStamp(Table t, String stamp) {
        return spark.read().format("delta").option("versionAsOf", Long.parseLong(stamp.substring(0, stamp.indexOf('@')))).load(path(t));
    }

    /**
     * The table as it stood at an instant: its latest version committed by then (Delta time travel; versions older than
     * the VACUUM retention are gone, and reading them fails with Delta's message).
     */
    public Dataset<Row> readAsOf(Table t, java.time.Instant at) {
        Row version = DeltaTable.forPath(spark, path(t)).history()
                .filter(org.apache.spark.sql.functions.col("timestamp").leq(java.sql.Timestamp.from(at)))
                .agg(org.apache.spark.sql.functions.max("version")).head();
        if (version.isNullAt(0)) throw new IllegalArgumentException("la tabella " + t + " non esisteva ancora il " + at);
        return spark.read().format("delta").option("versionAsOf", version.getLong(0)).load(path(t));
    }

    /** The table, or an empty frame of the given schema when it does not exist yet. */
    public Dataset<Row> readOrEmpty(Table t, StructType schema) {
        return exists(t) ? read(t) : spark.createDataFrame(new ArrayList<>(), schema);
    }

    public void append(Table t, Dataset<Row> rows) {
        rows.write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true").save(path(t));
    }

    /** Replaces the whole content in one Delta commit: readers see the old or the new table, never a mix. */
    public void overwrite(Table t, Dataset<Row> rows) {
        overwrite(t, rows, null);
    }

    /**
     * As {@link #overwrite(Table, Dataset)}, recording {@code note} in the commit (Delta's {@code userMetadata}, shown
     * by {@code DESCRIBE HISTORY}); {@link #lastNote} reads it back.
     */
    public void overwrite(Table t, Dataset<Row> rows, String note) {
        var writer = rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true");
        if (note != null) writer = writer.option("userMetadata", note);
        writer.save(path(t));
    }

    /**
     * The rows the table's latest commit wrote, from the commit's own metrics (Delta records {@code numOutputRows}
     * for every write): no scan of the table.
     */
    public long rowsWrittenByLastCommit(Table t) {
        Optional<CommitInfo> last = lastCommit(t);
        if (last.isPresent() && last.get().operationMetrics().isDefined()) {
            scala.Option<String> rows = last.get().operationMetrics().get().get("numOutputRows");
            if (rows.isDefined()) return Long.parseLong(rows.get());
        }
        throw new IllegalStateException("the latest commit of " + t + " does not say how many rows it wrote");
    }

    /** The note of the table's latest commit; empty when it has none (or the table does not exist). */
    public Optional<String> lastNote(Table t) {
        if (!exists(t)) return Optional.empty();
        Optional<CommitInfo> last = lastCommit(t);
        return last.isPresent() && last.get().userMetadata().isDefined() ? Optional.of(last.get().userMetadata().get()) : Optional.empty();
    }

    public void delete(Table t, Column condition) {
        if (exists(t)) DeltaTable.forPath(spark, path(t)).delete(condition);
    }

    /** Every Delta table under the warehouse root, as layer/name. */
    public List<Table> list() {
        List<Table> tables = new ArrayList<>();
        try {
            Path rootPath = new Path(root);
            FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (Layer layer : Layer.values()) {
                Path lp = new Path(rootPath, layer.folder());
                if (!fs.exists(lp)) continue;
                for (var st : fs.listStatus(lp)) {
                    if (st.isDirectory() && fs.exists(new Path(st.getPath(), "_delta_log"))) {
                        tables.add(new Table(layer, st.getPath().getName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the warehouse " + root, e);
        }
        tables.sort((a, b) -> (a.layer().ordinal() + a.name()).compareTo(b.layer().ordinal() + b.name()));
        return tables;
    }

    /** Registers every table as a temporary view under its name, so SQL can use the names. */
    public List<Table> registerViews() {
        List<Table> tables = list();
        registerViews(tables);
        return tables;
    }

    /** Registers these tables as temporary views under their names; their Delta logs are read side by side. */
    public void registerViews(List<Table> tables) {
        registerViews(tables, null);
    }

    /** As {@link #registerViews(List)}, each table as it stood at an instant ({@link #readAsOf}); null: as it is now. */
    public void registerViews(List<Table> tables, java.time.Instant at) {
        List<Dataset<Row>> read = Concurrently.map(tables, Concurrently.SPARK_QUERIES, t -> at == null ? read(t) : readAsOf(t, at));
        for (int i = 0; i < tables.size(); i++) read.get(i).createOrReplaceTempView(tables.get(i).name());
    }
}
