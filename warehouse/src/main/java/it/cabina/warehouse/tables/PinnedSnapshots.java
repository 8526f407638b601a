package it.cabina.warehouse.tables;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Frames over the latest snapshot of Delta tables, each built on the snapshot's file list, resolved once per table
 * version.
 * <p>Why: a frame read by path ({@code spark.read().format("delta").load(path)}) makes Delta list the table's files
 * again in every query that scans it, a Spark job each time. A night runs about 400 of them, a third of the jobs of a
 * night on small data. A frame built by Delta itself over a given file list ({@link DeltaLog#createDataFrame}, the
 * frame Delta's own MERGE and OPTIMIZE read) lists nothing when queried; deletion vectors and column mapping are Delta's
 * to apply, as for any read. What is lost is file skipping by column statistics, which no Cabina table relies on (none
 * is partitioned; Parquet still skips row groups by their own statistics).
 * <p>The file list comes from the version's checksum file when Delta wrote it there (small tables), otherwise from the
 * snapshot's state (one job per version). A frame is reused only while the table's latest snapshot is the very same
 * object: a new commit, or a table deleted and made again at the same path, gives a new snapshot and a new frame.
 */
final class PinnedSnapshots {
    private record Pinned(Snapshot snapshot, Dataset<Row> rows) {}

    private final SparkSession spark;
    private final Map<String, Pinned> byPath = new ConcurrentHashMap<>();

    PinnedSnapshots(SparkSession spark) {
        this.spark = spark;
    }

    /** The table's latest snapshot (Delta lists its log; no Spark job). */
    Snapshot latest(String path) {
        return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
    }

    Dataset<Row> read(String path) {
        Snapshot snapshot = latest(path);
        DeltaLog log = snapshot.deltaLog();
        // not a Delta table (yet): Delta's own read says so, in its words
        if (snapshot.version() < 0) return spark.read().format("delta").load(path);
        Pinned p = byPath.get(path);
        if (p != null && p.snapshot() == snapshot) return p.rows();
        Dataset<Row> rows = log.createDataFrame(snapshot, files(snapshot), false, Option.empty());
        byPath.put(path, new Pinned(snapshot, rows));
        return rows;
    }

    private static Seq<AddFile> files(Snapshot snapshot) {
        if (snapshot.checksumOpt().isDefined()) {
            Option<Seq<AddFile>> inChecksum = snapshot.checksumOpt().get().allFiles();
            if (inChecksum.isDefined()) return inChecksum.get();
        }
        return CollectionConverters.asScala(snapshot.allFiles().collectAsList()).toList();
    }
}
