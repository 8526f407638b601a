package it.cabina.etl.export;

import it.cabina.etl.indicators.IndicatorResults;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publishes the gold tables as plain Parquet for analysts (DuckDB, pandas/pyarrow, Spark without Delta): the current
 * snapshot of each table, indicator values of the latest run only, the service flow partitioned by year, with the
 * data dictionary beside it. The export is written next to the target and then swapped in by renaming, so a reader
 * sees the previous export or the new one, never half of one.
 */
public final class AnalystExport {
    /**
     * Big tables (those with {@code partitioned_by} in model/gold/models.yaml) are written partitioned, and their
     * previous export is copied instead of rewritten when the table has not changed since (same Delta version and
     * commit, recorded in {@link #STAMP_FILE} beside the Parquet files; readers skip files starting with {@code _}).
     * Tables at person level ({@code person_level}) are marked as personal data in the export's README.
     */
    static final String STAMP_FILE = "_cabina_delta_version";

    private final DeltaStore store;
    private final java.nio.file.Path home;
    private final Consumer<String> progress;

    public AnalystExport(DeltaStore store, java.nio.file.Path home, Consumer<String> progress) {
        this.store = store;
        this.home = home;
        this.progress = progress;
    }

    public Map<String, Long> publish(String out) throws IOException {
        Path target = new Path(out);
        FileSystem fs = target.getFileSystem(store.spark().sparkContext().hadoopConfiguration());
        Path staging = new Path(target.getParent(), "." + target.getName() + ".incoming");
        Path previous = new Path(target.getParent(), "." + target.getName() + ".previous");
        fs.delete(staging, true);
        List<Table> tables = new ArrayList<>(Tables.star());
        tables.addAll(Tables.aggregates());
        tables.removeIf(t -> !store.exists(t));
        List<Long> counts = Concurrently.map(tables, Concurrently.SPARK_QUERIES, t -> export(fs, t, target, staging));
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) rows.put(tables.get(i).name(), counts.get(i));
        if (store.exists(Tables.INDICATOR_VALUES)) {
            Dataset<Row> latest = IndicatorResults.read(store, new IndicatorResults.Filter(null, null, null, null));
            latest.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(new Path(staging, Tables.INDICATOR_VALUES.name()).toString());
            rows.put(Tables.INDICATOR_VALUES.name(), latest.count());
        }
        write(fs, new Path(staging, "data-dictionary.md"), Files.readString(home.resolve("docs/data-dictionary.md")));
        write(fs, new Path(staging, "README.md"), readme(rows));
        // swap: the old export moves aside, the new one takes its name, then the old one goes
        fs.delete(previous, true);
        if (fs.exists(target) && !fs.rename(target, previous)) throw new IOException("cannot move the previous export " + target + " aside");
        if (!fs.rename(staging, target)) throw new IOException("cannot publish the export at " + target);
        fs.delete(previous, true);
        progress.accept("Esportazione Parquet per gli analisti: " + rows.size() + " tabelle in " + target);
        return rows;
    }

    /** Writes one table into the staging folder (or copies its previous export); returns its rows. */
    private long export(FileSystem fs, Table t, Path target, Path staging) throws IOException {
        Path dir = new Path(staging, t.name());
        Model model = Models.gold().get(t.name());
        if (model != null && !model.partitionedBy().isEmpty()) {
            String stamp = store.stamp(t);
            Dataset<Row> data = store.readStamp(t, stamp);
            if (!reuse(fs, new Path(target, t.name()), dir, stamp)) {
                data.write().mode(SaveMode.ErrorIfExists).partitionBy(model.partitionedBy().toArray(String[]::new)).parquet(dir.toString());
                write(fs, new Path(dir, STAMP_FILE), stamp);
            }
            return data.count();
        }
        Dataset<Row> data = store.read(t);
        data.write().mode(SaveMode.ErrorIfExists).parquet(dir.toString());
        return data.count();
    }

    /** Copies the previous export of a table when it was written from the same table state; false otherwise. */
    private boolean reuse(FileSystem fs, Path previous, Path dir, String stamp) throws IOException {
        Path stampFile = new Path(previous, STAMP_FILE);
        if (!fs.exists(stampFile)) return false;
        String was;
        try (InputStream in = fs.open(stampFile)) {
            was = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!was.equals(stamp)) return false;
        if (!FileUtil.copy(fs, previous, fs, dir, false, fs.getConf())) throw new IOException("cannot copy " + previous + " to " + dir);
        progress.accept("  " + previous.getName() + ": invariata dall'esportazione precedente, copiata");
        return true;
    }

    /** Whether a table's rows are about persons (pseudonyms), as models.yaml says. */
    public static boolean personLevel(String table) {
        Model m = Models.gold().get(table);
        return m != null && m.personLevel();
    }

    private static void write(FileSystem fs, Path p, String text) throws IOException {
        try (FSDataOutputStream out = fs.create(p, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String readme(Map<String, Long> rows) throws IOException {
        String template;
        try (InputStream in = AnalystExport.class.getResourceAsStream("/export/README.md")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder list = new StringBuilder("| table | rows | person-level |\n|---|---|---|\n");
        rows.forEach((t, n) -> list.append("| `").append(t).append("` | ").append(n).append(" | ")
                .append(personLevel(t) ? "**yes** (pseudonyms)" : "no").append(" |\n"));
        return template.replace("{{TABLES}}", list.toString());
    }
}
