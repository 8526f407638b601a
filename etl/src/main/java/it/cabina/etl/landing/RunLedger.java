package it.cabina.etl.landing;

import it.cabina.etl.context.Progress;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;

/**
 * The run ledger ({@code ops/ledger_runs}), append-only: a STARTED row names the deliveries a run is about to load
 * (and the abandoned lock it took over, if any), a FINISHED row closes it with its counts and the duration and counts
 * of each stage, a FAILED row records an error. A run without FINISHED was interrupted: the next run removes what it
 * may have written, redoes its work and closes it with a RECOVERED row.
 */
public final class RunLedger {
    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("at", DataTypes.TimestampType).add("as_of", DataTypes.DateType)
            .add("deliveries", new ArrayType(DataTypes.StringType, true))
            .add("loaded", DataTypes.LongType).add("rejected", DataTypes.LongType).add("duplicates", DataTypes.LongType)
            .add("rows_received", DataTypes.LongType).add("rows_loaded", DataTypes.LongType).add("rows_set_aside", DataTypes.LongType)
            .add("seconds", DataTypes.DoubleType)
            .add("stages", new ArrayType(new StructType().add("stage", DataTypes.StringType).add("seconds", DataTypes.DoubleType)
                    .add("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType)), true))
            .add("lock_taken_over", DataTypes.StringType)
            .add("error", DataTypes.StringType)
            .add("recovered_by", DataTypes.StringType);

    private final DeltaStore store;

    public RunLedger(DeltaStore store) {
        this.store = store;
    }

    /** Runs that started and never finished (killed, or failed), with the deliveries each was loading. */
    public Map<String, List<String>> unfinished() {
        if (!store.exists(Tables.RUNS)) return Map.of();
        var runs = store.read(Tables.RUNS);
        var closed = runs.filter(col("status").isin("FINISHED", "RECOVERED")).select("run_id");
        Map<String, List<String>> out = new TreeMap<>();
        for (Row r : runs.filter(col("status").equalTo("STARTED")).join(closed, "run_id", "left_anti")
                .select("run_id", "deliveries").collectAsList()) {
            out.put(r.getString(0), r.getList(1));
        }
        return out;
    }

    /** @param lockTakenOver the abandoned lock this run took over (holder and why it was judged dead), or null */
    public void started(String runId, Instant at, LocalDate asOf, List<String> deliveries, String lockTakenOver) {
        append(RowFactory.create(runId, "STARTED", Timestamp.from(at), Date.valueOf(asOf),
                scala.jdk.javaapi.CollectionConverters.asScala(deliveries).toList(), null, null, null, null, null, null, null,
                null, lockTakenOver, null, null));
    }

    /** Closes this run, and the unfinished runs whose work it redid, in one commit. */
    public void finished(String runId, Instant at, LocalDate asOf, long loaded, long rejected, long duplicates,
                         long received, long rowsLoaded, long setAside, double seconds, List<Progress.StageRecord> stages,
                         Collection<String> recovered) {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(runId, "FINISHED", Timestamp.from(at), Date.valueOf(asOf), noDeliveries(),
                loaded, rejected, duplicates, received, rowsLoaded, setAside, seconds, stageRows(stages), null, null, null));
        for (String r : recovered) {
            rows.add(RowFactory.create(r, "RECOVERED", Timestamp.from(at), Date.valueOf(asOf), noDeliveries(),
                    null, null, null, null, null, null, null, null, null, null, runId));
        }
        append(rows);
    }

    /** Records a run that stopped on an error; it stays unfinished, so the next run redoes its work. */
    public void failed(String runId, Instant at, LocalDate asOf, double seconds, List<Progress.StageRecord> stages, String error) {
        append(RowFactory.create(runId, "FAILED", Timestamp.from(at), asOf == null ? null : Date.valueOf(asOf), noDeliveries(),
                null, null, null, null, null, null, seconds, stageRows(stages), null, error, null));
    }

    private static scala.collection.immutable.Seq<Row> stageRows(List<Progress.StageRecord> stages) {
        List<Row> rows = new ArrayList<>();
        for (Progress.StageRecord s : stages) {
            rows.add(RowFactory.create(s.name(), s.seconds(), scala.jdk.javaapi.CollectionConverters.asScala(s.counts())));
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toList();
    }

    private static scala.collection.immutable.Seq<String> noDeliveries() {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toList();
    }

    private void append(Row row) {
        append(List.of(row));
    }

    private void append(List<Row> rows) {
        store.append(Tables.RUNS, store.spark().createDataFrame(rows, SCHEMA).coalesce(1));
    }
}
