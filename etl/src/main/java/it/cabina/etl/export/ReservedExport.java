package it.cabina.etl.export;

import it.cabina.etl.indicators.IndicatorResults;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * The reserved export ({@code riservato}): the star schema, the semiannual aggregates and the indicator values of the
 * latest run as plain Parquet, exact figures, persons by pseudonym only — for authorised analysts. Big facts
 * ({@code partitioned_by} in models.yaml) are written one folder per year, range-partitioned and sorted by
 * {@code sorted_by} (the territory first) in small row groups, so that a reader filtering one Ambito or one year reads
 * a fraction of the bytes; when such a table has not changed since the current version (same Delta version and commit,
 * {@link #STAMP_FILE} beside its files) its files are copied instead of rewritten.
 */
final class ReservedExport {
    static final String STAMP_FILE = "_cabina_delta_version";
    /** Row groups of the sorted facts: about 100,000 FLUSSO rows, a few per Ambito and year at regional scale. */
    static final long ROW_GROUP_BYTES = 16L << 20;

    private final DeltaStore store;
    private final Consumer<String> progress;

    ReservedExport(DeltaStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    /** The tables of the export that exist in the warehouse, with their models. */
    List<Table> tables() {
        List<Table> tables = new ArrayList<>(Tables.star());
        tables.addAll(Tables.aggregates());
        tables.add(Tables.INDICATOR_VALUES);
        tables.removeIf(t -> !store.exists(t));
        return tables;
    }

    /**
     * Writes every table into the version folder, the indicator values of run {@code runId}; {@code previous} is the
     * current version (null for none).
     */
    List<ExportManifest.TableFiles> write(FileSystem fs, Path version, Path previous, String runId) {
        return Concurrently.map(tables(), Concurrently.SPARK_QUERIES, t -> table(fs, t, version, previous, runId));
    }

    private ExportManifest.TableFiles table(FileSystem fs, Table t, Path version, Path previous, String runId) throws IOException {
        Model model = ExportCatalogue.model(t.name());
        Path dir = new Path(version, t.name());
        Dataset<Row> data;
        if (t.equals(Tables.INDICATOR_VALUES)) {
            data = IndicatorResults.read(store, new IndicatorResults.Filter(runId, null, null, null));
            ExportCatalogue.described(data, model).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(dir.toString());
        } else if (!model.partitionedBy().isEmpty()) {
            String stamp = store.stamp(t);
            data = store.readStamp(t, stamp);
            if (previous == null || !reuse(fs, new Path(previous, t.name()), dir, stamp)) {
                List<String> order = new ArrayList<>(model.partitionedBy());
                order.addAll(model.sortedBy());
                Column[] cols = order.stream().map(c -> col(c)).toArray(Column[]::new);
                ExportCatalogue.described(data, model).repartitionByRange(cols).sortWithinPartitions(cols)
                        .write().mode(SaveMode.ErrorIfExists).option("parquet.block.size", ROW_GROUP_BYTES)
                        .partitionBy(model.partitionedBy().toArray(String[]::new)).parquet(dir.toString());
                ExportVersions.write(fs, new Path(dir, STAMP_FILE), stamp);
            }
        } else {
            data = store.read(t);
            ExportCatalogue.described(data, model).write().mode(SaveMode.ErrorIfExists).parquet(dir.toString());
        }
        List<ExportManifest.FileEntry> files = ExportManifest.files(fs, version, dir);
        return new ExportManifest.TableFiles(t.name(), ExportManifest.parquetRows(fs, version, files), model.personLevel(), files,
                files.stream().mapToLong(ExportManifest.FileEntry::bytes).sum(), ExportManifest.schema(data.schema()),
                model.partitionedBy(), model.sortedBy());
    }

    /** Copies the previous version of a table when it was written from the same table state; false otherwise. */
    private boolean reuse(FileSystem fs, Path previous, Path dir, String stamp) throws IOException {
        Path stampFile = new Path(previous, STAMP_FILE);
        if (!fs.exists(stampFile)) return false;
        String was;
        try (InputStream in = fs.open(stampFile)) {
            was = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!was.equals(stamp)) return false;
        if (!FileUtil.copy(fs, previous, fs, dir, false, fs.getConf())) throw new IOException("cannot copy " + previous + " to " + dir);
        progress.accept("  " + previous.getName() + ": invariata dalla versione precedente, copiata");
        return true;
    }
}
