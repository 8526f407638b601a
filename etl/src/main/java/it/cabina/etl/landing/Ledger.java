package it.cabina.etl.landing;

import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** The delivery ledger (Delta table {@code ops/ledger_deliveries}): every delivery seen, once per outcome. */
public final class Ledger {
    public static final StructType FILE = new StructType()
            .add("name", DataTypes.StringType).add("sha256", DataTypes.StringType)
            .add("records", DataTypes.LongType).add("received", DataTypes.LongType)
            .add("loaded", DataTypes.LongType).add("set_aside", DataTypes.LongType)
            .add("warnings", DataTypes.LongType);
    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType).add("processed_at", DataTypes.TimestampType)
            .add("delivery_name", DataTypes.StringType).add("delivery_id", DataTypes.StringType)
            .add("source", DataTypes.StringType).add("sender", DataTypes.StringType)
            .add("mode", DataTypes.StringType).add("extracted_at", DataTypes.TimestampType)
            .add("period_from", DataTypes.DateType).add("period_to", DataTypes.DateType)
            .add("status", DataTypes.StringType)
            .add("reasons", new ArrayType(DataTypes.StringType, true))
            .add("warnings", new ArrayType(DataTypes.StringType, true))
            .add("fingerprint", DataTypes.StringType)
            .add("files", new ArrayType(FILE, true));

    private final DeltaStore store;

    public Ledger(DeltaStore store) {
        this.store = store;
    }

    public Dataset<Row> read() {
        return store.readOrEmpty(Tables.LEDGER, SCHEMA);
    }

    public Dataset<Row> loaded() {
        return read().filter(col("status").equalTo(LedgerEntry.Status.LOADED.name()));
    }

    /** What the ledger already knows, collected once per run (a few rows per delivery). */
    public Known known() {
        Map<String, String> loadedFingerprints = new HashMap<>();
        Map<String, String> processedNames = new HashMap<>();
        for (Row r : read().select("source", "sender", "delivery_id", "delivery_name", "fingerprint", "status").collectAsList()) {
            String fp = r.getString(4);
            if (LedgerEntry.Status.LOADED.name().equals(r.getString(5))) {
                loadedFingerprints.put(idKey(r.getString(0), r.getString(1), r.getString(2)), fp);
            }
            processedNames.put(r.getString(3) + "|" + fp, r.getString(5));
        }
        return new Known(loadedFingerprints, processedNames);
    }

    public record Known(Map<String, String> loadedFingerprints, Map<String, String> processedNames) {
        /** The fingerprint of the delivery loaded under this id, or null. */
        public String loadedFingerprint(String source, String sender, String deliveryId) {
            return loadedFingerprints.get(idKey(source, sender, deliveryId));
        }

        /** The status already recorded for this very folder and content, or null (a run that stopped before archiving it). */
        public String processed(String deliveryName, String fingerprint) {
            return processedNames.get(deliveryName + "|" + fingerprint);
        }
    }

    static String idKey(String source, String sender, String deliveryId) {
        return source + "|" + sender + "|" + deliveryId;
    }

    /** Appends the run's entries in one Delta commit. */
    public void append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) return;
        List<Row> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            List<Row> files = new ArrayList<>();
            for (LedgerEntry.FileCounts f : e.files()) {
                files.add(RowFactory.create(f.name(), f.sha256(), f.records(), f.received(), f.loaded(), f.setAside(), f.warnings()));
            }
            rows.add(RowFactory.create(e.runId(), ts(e.processedAt()), e.deliveryName(), e.deliveryId(), e.source(), e.sender(),
                    e.mode(), ts(e.extractedAt()), date(e.periodFrom()), date(e.periodTo()), e.status().name(),
                    scala(e.reasons()), scala(e.warnings()), e.fingerprint(), scalaRows(files)));
        }
        store.append(Tables.LEDGER, store.spark().createDataFrame(rows, SCHEMA).coalesce(1));
    }

    private static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }

    private static Date date(LocalDate d) { return d == null ? null : Date.valueOf(d); }

    private static scala.collection.immutable.Seq<String> scala(List<String> l) {
        return scala.jdk.javaapi.CollectionConverters.asScala(l == null ? List.<String>of() : l).toList();
    }

    private static scala.collection.immutable.Seq<Row> scalaRows(List<Row> l) {
        return scala.jdk.javaapi.CollectionConverters.asScala(l).toList();
    }
}
