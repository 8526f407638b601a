package it.cabina.etl.model;

import it.cabina.etl.testing.SparkTestSession;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the model's builders rely on when they read a warehouse table ({@code DeltaStore.read}, a frame pinned to the
 * table's latest snapshot): the rows of the version read, a new frame after each commit, the same frame while nothing
 * changed, and no listing of the table's files in the queries over it (Delta's "Filtering files for query" job, which
 * a frame read by path runs in every query); and the count and size of a table's files, which the housekeeping asks of
 * every table, equal to Delta's {@code DESCRIBE DETAIL} with or without a checksum file. Here because the warehouse
 * module's tests start no Spark.
 */
class PinnedReadsTest {
    static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType).add("nome", DataTypes.StringType);

    @Test
    void aReadSeesTheVersionReadAndANewReadSeesTheNextCommit() throws Exception {
        SparkSession spark = SparkTestSession.get();
        DeltaStore store = new DeltaStore(spark, Files.createTempDirectory("cabina-pinned-reads").toString());
        Table t = Table.gold("prova");
        store.overwrite(t, rows(spark, 1, 2));
        Dataset<Row> first = store.read(t);
        assertSame(first, store.read(t), "the same frame while the table has no new commit");

        store.append(t, rows(spark, 3));
        assertEquals(2, first.count(), "a frame keeps the version it was read at");
        assertEquals(3, store.read(t).count());
        assertEquals(List.of(1, 2, 3), ids(store.read(t)));

        store.overwrite(t, rows(spark, 7));
        assertEquals(List.of(7), ids(store.read(t)), "an overwrite replaces the rows read");
    }

    @Test
    void whatTheLatestCommitSaysIsWhatDeltasHistorySays() throws Exception {
        SparkSession spark = SparkTestSession.get();
        DeltaStore store = new DeltaStore(spark, Files.createTempDirectory("cabina-last-commit").toString());
        Table t = Table.gold("prova");
        store.overwrite(t, rows(spark, 1, 2, 3), "nota della prima scrittura");
        assertEquals(3, store.rowsWrittenByLastCommit(t));
        assertEquals(java.util.Optional.of("nota della prima scrittura"), store.lastNote(t));
        String first = store.stamp(t);
        store.append(t, rows(spark, 4));
        assertEquals(1, store.rowsWrittenByLastCommit(t));
        assertEquals(java.util.Optional.empty(), store.lastNote(t), "the append has no note");
        assertEquals(java.util.Optional.empty(), store.lastNote(Table.gold("mai_scritta")));
        for (String stamp : List.of(first, store.stamp(t))) {
            long version = Long.parseLong(stamp.substring(0, stamp.indexOf('@')));
            Row h = io.delta.tables.DeltaTable.forPath(spark, store.path(t)).history().where("version = " + version).select("version", "timestamp").head();
            assertEquals(h.getLong(0) + "@" + h.getTimestamp(1).toInstant(), stamp, "the stamp is version@commit time of Delta's history");
        }
        assertEquals("1", store.stamp(t).substring(0, 1));
        assertEquals(List.of(1, 2, 3), ids(store.readStamp(t, first)), "a stamp reads its version back");
    }

    @Test
    void aTableMadeAgainAtTheSamePathIsReadAnew() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path root = Files.createTempDirectory("cabina-pinned-again");
        DeltaStore store = new DeltaStore(spark, root.toString());
        Table t = Table.gold("prova");
        store.overwrite(t, rows(spark, 1));
        assertEquals(List.of(1), ids(store.read(t)));
        deleteTree(Path.of(store.path(t)));
        store.overwrite(t, rows(spark, 5, 6)); // version 0 again, other rows
        assertEquals(List.of(5, 6), ids(store.read(t)));
        assertThrows(Exception.class, () -> store.read(Table.gold("mai_scritta")), "no table: Delta's own error");
    }

    @Test
    void queriesOverAReadListNoFilesWhateverWhereTheFileListComesFrom() throws Exception {
        SparkSession spark = SparkTestSession.get();
        DeltaStore store = new DeltaStore(spark, Files.createTempDirectory("cabina-pinned-jobs").toString());
        Table small = Table.gold("piccola"), large = Table.gold("grande");
        store.overwrite(small, rows(spark, 1, 2, 3));
        // more files than Delta keeps in the version's checksum: the file list comes from the snapshot's state instead
        String threshold = "spark.databricks.delta.allFilesInCrc.thresholdNumFiles";
        String before = spark.conf().get(threshold, null);
        spark.conf().set(threshold, "1");
        try {
            store.overwrite(large, rows(spark, IntStream.rangeClosed(1, 40).toArray()).repartition(4));
        } finally {
            if (before == null) spark.conf().unset(threshold);
            else spark.conf().set(threshold, before);
        }
        assertTrue(checksum(store, small).contains("\"allFiles\""), "the small table's files are in its checksum");
        assertFalse(checksum(store, large).contains("\"allFiles\""), "the large table's are not");

        FilteringJobs listing = new FilteringJobs();
        spark.sparkContext().addSparkListener(listing);
        // only this thread's jobs count: another test class may be running its own beside this one
        spark.sparkContext().setJobGroup(FilteringJobs.GROUP, "PinnedReadsTest", false);
        try {
            for (Table t : List.of(small, large)) {
                Dataset<Row> read = store.read(t);
                read.filter("id > 1").count();
                read.filter("id > 2").count();
            }
            spark.read().format("delta").load(store.path(small)).filter("id > 1").count();
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertEquals(1, listing.jobs.get(), "only the read by path lists the files of the table it queries");
        } finally {
            spark.sparkContext().clearJobGroup();
            spark.sparkContext().removeSparkListener(listing);
        }
        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), ids(store.read(large)));
        assertEquals(List.of(1, 2, 3), ids(store.read(small)));
    }

    @Test
    void theFilesOfATableAreDeltasOwnFigureWithOrWithoutAChecksum() throws Exception {
        SparkSession spark = SparkTestSession.get();
        DeltaStore store = new DeltaStore(spark, Files.createTempDirectory("cabina-pinned-files").toString());
        Table withChecksum = Table.gold("con_checksum"), without = Table.gold("senza_checksum");
        store.overwrite(withChecksum, rows(spark, IntStream.rangeClosed(1, 30).toArray()).repartition(3));
        spark.sql("ALTER TABLE delta.`" + store.path(withChecksum) + "` SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval 31 days')");
        String writeChecksum = "spark.databricks.delta.writeChecksumFile.enabled";
        spark.conf().set(writeChecksum, "false");
        try {
            store.overwrite(without, rows(spark, 1, 2, 3, 4).repartition(2));
        } finally {
            spark.conf().unset(writeChecksum);
        }
        assertFalse(Files.exists(Path.of(store.path(without), "_delta_log", "00000000000000000000.crc")));
        for (Table t : List.of(withChecksum, without)) {
            Row detail = io.delta.tables.DeltaTable.forPath(spark, store.path(t)).detail().select("numFiles", "sizeInBytes", "properties").first();
            DeltaStore.TableFiles files = store.files(t);
            assertEquals(List.of(detail.getLong(0), detail.getLong(1), detail.getJavaMap(2)), List.of(files.count(), files.bytes(), files.properties()),
                    t.name());
        }
        assertEquals("interval 31 days", store.files(withChecksum).properties().get("delta.logRetentionDuration"));
        assertEquals(3, store.files(withChecksum).count());
    }

    /** Delta's job that lists a table's files for a query, run by the thread that set the job group {@link #GROUP}. */
    static final class FilteringJobs extends SparkListener {
        static final String GROUP = "pinned-reads-listing";
        final AtomicInteger jobs = new AtomicInteger();

        @Override
        public void onJobStart(SparkListenerJobStart e) {
            if (e.properties() == null || !GROUP.equals(e.properties().getProperty("spark.jobGroup.id"))) return;
            String d = e.properties().getProperty("spark.job.description");
            if (d != null && d.contains("Filtering files for query")) jobs.incrementAndGet();
        }
    }

    static String checksum(DeltaStore store, Table t) throws Exception {
        return Files.readString(Path.of(store.path(t), "_delta_log", "00000000000000000000.crc"));
    }

    static Dataset<Row> rows(SparkSession spark, int... ids) {
        return spark.createDataFrame(IntStream.of(ids).mapToObj(i -> RowFactory.create(i, "r" + i)).toList(), SCHEMA);
    }

    static List<Integer> ids(Dataset<Row> d) {
        return d.orderBy("id").collectAsList().stream().map(r -> r.getInt(0)).toList();
    }

    static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
