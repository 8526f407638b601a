package it.cabina.etl.model;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.rules.BronzeSchema;
import it.cabina.etl.rules.SourceRules;

import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.ModelFolder;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Rebuilds every gold table from silver and the reference: the models of {@code model/gold/models.yaml}, each from its
 * SQL, as soon as the gold tables it reads are built, several at a time. What a model may keep, its history and the
 * view of its rows all come from its entry there.
 */
public final class ModelBuilder {
    private final CabinaContext ctx;
    private final Progress progress;
    private final ModelFolder gold = Models.gold();

    public ModelBuilder(CabinaContext ctx, Progress progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /**
     * Rebuilds every gold table from silver, the reference and the gold tables before it.
     * @param rebuiltSilver the sources whose silver tables were rebuilt tonight (the tables of the others are kept)
     */
    /** @return the models whose tables were rewritten (those kept as they were are not) */
    public List<Model> buildGold(RunParameters params, Set<String> rebuiltSilver) {
        registerSilverViews(ctx);
        ReferenceViews.register(ctx);
        params.register(ctx.spark());
        SourceExtensions.all().forEach(e -> e.beforeGold(ctx));
        List<Model> models = gold.inDependencyOrder();
        List<Built> built = Concurrently.inDependencyOrder(models, gold::readBy, Concurrently.SPARK_QUERIES,
                m -> buildOne(m, params.asOf(), rebuiltSilver));
        for (Built b : built) {
            if (b.rows() >= 0) progress.count("righe", b.rows());
            progress.accept(b.message());
        }
        SourceExtensions.all().forEach(e -> e.afterGold(ctx, progress));
        List<Model> rewritten = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) if (built.get(i).rows() >= 0) rewritten.add(models.get(i));
        return rewritten;
    }

    /** What became of one gold table: its message and, when written, its rows (-1 when kept). */
    private record Built(String message, long rows) {}

    private Built buildOne(Model m, LocalDate asOf, Set<String> rebuiltSilver) {
        SparkSession spark = ctx.spark();
        DeltaStore store = ctx.store();
        Table t = Table.gold(m.name());
        if (m.keep() == Model.Keep.WHEN_SOURCES_UNCHANGED && m.sources().stream().noneMatch(rebuiltSilver::contains) && store.exists(t)) {
            store.read(t).createOrReplaceTempView(t.name());
            return new Built(String.format("  gold %-24s invariata (silver %s invariato)", t.name(), String.join(", ", m.sources())), -1);
        }
        Dataset<Row> rows = spark.sql(gold.sql(m));
        if (m.rowsAsView() != null || m.history() != null) rows = rows.localCheckpoint(true);
        if (m.rowsAsView() != null) rows.createOrReplaceTempView(m.rowsAsView());
        if (m.history() != null) {
            rows = Scd2.merge(store.exists(t) ? store.read(t) : null, rows, m.history().key(), asOf).localCheckpoint(true);
        }
        if (m.keep() == Model.Keep.WHEN_ROWS_UNCHANGED && store.exists(t)) {
            rows = rows.localCheckpoint(true);
            if (sameRows(store.read(t), rows)) {
                store.read(t).createOrReplaceTempView(t.name());
                return new Built(String.format("  gold %-24s invariata (stesse righe)", t.name()), -1);
            }
        }
        store.overwrite(t, rows);
        store.read(t).createOrReplaceTempView(t.name());
        long n = store.rowsWrittenByLastCommit(t);
        return new Built(String.format("  gold %-24s %,9d righe", t.name(), n), n);
    }

    /** The same columns (names and types) and the same rows, each as many times. */
    static boolean sameRows(Dataset<Row> stored, Dataset<Row> computed) {
        if (!columns(stored).equals(columns(computed))) return false;
        Dataset<Row> aligned = computed.selectExpr(Arrays.stream(stored.columns()).map(c -> "`" + c + "`").toArray(String[]::new));
        return stored.exceptAll(aligned).isEmpty() && aligned.exceptAll(stored).isEmpty();
    }

    private static Set<String> columns(Dataset<Row> rows) {
        Set<String> out = new HashSet<>();
        for (var f : rows.schema().fields()) out.add(f.name() + " " + f.dataType().catalogString());
        return out;
    }

    /**
     * Silver tables as views by name, with only the records that count (no exclusion: withdrawn records and those
     * below them stay in silver, visible with their reason, and count nowhere else); a source never delivered gives an
     * empty view of the right schema.
     */
    public static void registerSilverViews(CabinaContext ctx) {
        for (String source : CabinaContext.SOURCES) {
            SourceRules rules = ctx.rules().get(source);
            for (SourceRules.FileRules fr : rules.files()) {
                Table silver = Table.silver(source, fr.table());
                Dataset<Row> rows;
                if (ctx.store().exists(silver)) {
                    rows = ctx.store().read(silver);
                    if (rules.versioned() != null) rows = rows.filter(col(SilverBuilder.EXCLUSION).isNull());
                } else {
                    rows = ctx.spark().createDataFrame(new ArrayList<>(), BronzeSchema.of(fr));
                    if (rules.versioned() == null && rules.periodRequired() == null) {
                        rows = rows.withColumn(SilverBuilder.SNAPSHOT_ORDER, lit(null).cast("int"))
                                .withColumn("data_snapshot", lit(null).cast("date"));
                    }
                }
                rows.createOrReplaceTempView(silver.name());
                if (fr.history()) {
                    Table versions = SilverBuilder.versions(rules, fr);
                    (ctx.store().exists(versions) ? ctx.store().read(versions) : ctx.spark().createDataFrame(new ArrayList<>(), BronzeSchema.of(fr)))
                            .createOrReplaceTempView(versions.name());
                }
            }
        }
    }
}
