package it.cabina.etl.model;

import it.cabina.etl.landing.Ledger;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.rules.Lineage;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.*;

/**
 * The current state of every record, rebuilt from bronze rows of loaded deliveries:
 * <ul>
 *   <li>versioned sources (CSI): per sender and key, the latest version (extracts.md §2). A withdrawn record stays, with
 *       the reason it is excluded ({@link #EXCLUSION}, {@link #EXCLUSION_REASON}), and so do the records below it
 *       (extracts.md §8.5: a withdrawn person withdraws their cases and discharges, a withdrawn case its assessments,
 *       projects and discharges), as do records whose parent is not in the current state at all. The parents are the
 *       fields marked {@code cascade_from} in the rules. Gold reads only the records without an exclusion;</li>
 *   <li>FULL sources with a period (FLUSSO): the rows of the latest delivery of each sender and period, which replaces earlier ones;</li>
 *   <li>FULL snapshots (AFAM): every snapshot, dated by its extraction and numbered in the order of the snapshots
 *       (the whole {@code extracted_at}, then the delivery folder name: extracts.md §5), for the type-2 history built in gold.</li>
 * </ul>
 */
public final class SilverBuilder {
    /** Why a current record counts nowhere: null (it counts), or one of {@link Exclusion}. */
    public static final String EXCLUSION = "esclusione";
    /** The same, in words, naming the parent record when the exclusion comes from it. */
    public static final String EXCLUSION_REASON = "motivo_esclusione";
    /** AFAM: the snapshot's position in the order of snapshots (1 = the first registry received). */
    public static final String SNAPSHOT_ORDER = "ordine_snapshot";
    /** The suffix of the table of every version of a file kind whose rules ask for its history ({@code history: true}). */
    public static final String VERSIONS_SUFFIX = "_versioni";

    /** The silver table of every version of a file kind with history. */
    public static Table versions(SourceRules rules, SourceRules.FileRules file) {
        return Table.silver(rules.source(), file.table() + VERSIONS_SUFFIX);
    }

    /** The exclusions of a current record. */
    public enum Exclusion {
        /** The sender withdrew the record (stato_record ANNULLATO). */
        ANNULLATO,
        /** A record above it (person, case) is withdrawn, or excluded in turn. */
        PADRE_ANNULLATO,
        /** A record above it is not in the current state: never sent by this sender. */
        PADRE_SCONOSCIUTO
    }

    private final CabinaContext ctx;
    private final Consumer<String> progress;

    public SilverBuilder(CabinaContext ctx, Consumer<String> progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /**
     * Rebuilds the silver tables of these sources (and of any source whose silver tables do not exist yet).
     * @return the sources whose silver tables were rebuilt
     */
    public Set<String> build(Set<String> sources) {
        Set<String> rebuilt = new TreeSet<>();
        DeltaStore store = ctx.store();
        Dataset<Row> loaded = new Ledger(store).loaded();
        List<FileOfSource> files = new ArrayList<>();
        for (String source : CabinaContext.SOURCES) {
            boolean missing = ctx.rules().get(source).files().stream()
                    .anyMatch(f -> store.exists(SourceLoader.bronze(ctx.rules().get(source), f)) && !store.exists(Table.silver(source, f.table())));
            if (!sources.contains(source) && !missing) continue;
            rebuilt.add(source);
            SourceRules rules = ctx.rules().get(source);
            for (SourceRules.FileRules fr : rules.files()) {
                if (!store.exists(SourceLoader.bronze(rules, fr))) continue;
                files.add(new FileOfSource(rules, fr));
            }
        }
        // a silver table reads its own bronze table and the silver tables of the records above it (cascade_from):
        // tables that do not depend on one another are written side by side
        List<Long> counts = Concurrently.inDependencyOrder(files, f -> parents(f, files), Concurrently.SPARK_QUERIES, f -> rebuild(f, loaded));
        for (int i = 0; i < files.size(); i++) {
            progress.accept(String.format("  silver %-28s %,9d righe correnti", files.get(i).silver().name(), counts.get(i)));
        }
        return rebuilt;
    }

    private record FileOfSource(SourceRules rules, SourceRules.FileRules file) {
        Table silver() {
            return Table.silver(rules.source(), file.table());
        }
    }

    private static List<FileOfSource> parents(FileOfSource f, List<FileOfSource> all) {
        Set<String> parentTables = new TreeSet<>();
        for (SourceRules.FieldRule field : f.file().fields()) if (field.cascadeFrom() != null) parentTables.add(field.cascadeFrom());
        return all.stream().filter(o -> o.rules().source().equals(f.rules().source()) && parentTables.contains(o.file().table())).toList();
    }

    /** Rewrites one silver table from its bronze rows of loaded deliveries; returns its rows. */
    private long rebuild(FileOfSource f, Dataset<Row> loaded) {
        DeltaStore store = ctx.store();
        SourceRules rules = f.rules();
        SourceRules.FileRules fr = f.file();
        Dataset<Row> loadedHere = loaded.filter(col("source").equalTo(rules.source()));
        Table silver = f.silver();
        Dataset<Row> rows = store.read(SourceLoader.bronze(rules, fr))
                .join(loadedHere.select(col("delivery_name").as(Lineage.DELIVERY_NAME)), Lineage.DELIVERY_NAME, "left_semi");
        Dataset<Row> current;
        if (rules.versioned() != null) {
            if (fr.history()) {
                // every version of every loaded delivery, each once, for the history of the records (a postponed milestone)
                List<Column> version = new ArrayList<>(List.of(col(Lineage.SENDER), col(rules.versioned().timestamp()),
                        col(Lineage.DELIVERY_NAME), col(Lineage.LINE)));
                fr.key().forEach(k -> version.add(col(k)));
                store.overwrite(versions(rules, fr), rows.dropDuplicates(version.stream().map(Column::toString).toArray(String[]::new)));
            }
            current = withExclusions(latestVersions(rows, rules, fr), rules, fr);
        } else if (rules.periodRequired() != null) {
            current = latestDeliveryPerPeriod(rows, loadedHere);
        } else {
            current = snapshots(rows);
        }
        store.overwrite(silver, current);
        return store.rowsWrittenByLastCommit(silver);
    }

    private static Dataset<Row> latestVersions(Dataset<Row> rows, SourceRules rules, SourceRules.FileRules fr) {
        SourceRules.Versioning v = rules.versioned();
        List<Column> partition = new ArrayList<>(List.of(col(Lineage.SENDER)));
        fr.key().forEach(k -> partition.add(col(k)));
        return rows
                .withColumn("_rn", row_number().over(Window.partitionBy(partition.toArray(Column[]::new))
                        .orderBy(Lineage.latestFirst(v.timestamp()))))
                .filter(col("_rn").equalTo(1))
                .drop("_rn");
    }

    /**
     * The exclusion of every current record: its own withdrawal first, then, field by field in the order of the rules,
     * a parent (same sender) that is excluded or absent from the current state. The parents' silver tables are
     * already written ({@link #parents}).
     */
    private Dataset<Row> withExclusions(Dataset<Row> current, SourceRules rules, SourceRules.FileRules fr) {
        SourceRules.Versioning v = rules.versioned();
        Column exclusion = when(col(v.status()).equalTo(lit(v.withdrawn())), lit(Exclusion.ANNULLATO.name()));
        Column reason = when(col(v.status()).equalTo(lit(v.withdrawn())), lit("annullato dal mittente"));
        Dataset<Row> out = current;
        int n = 0;
        for (SourceRules.FieldRule field : fr.fields()) {
            if (field.cascadeFrom() == null) continue;
            SourceRules.FileRules parent = rules.fileForTable(field.cascadeFrom());
            String p = "_parent" + n++;
            Table parentTable = Table.silver(rules.source(), parent.table());
            Dataset<Row> parents = ctx.store().exists(parentTable)
                    ? ctx.store().read(parentTable).select(col(Lineage.SENDER).as(p + "_sender"),
                            col(parent.key().get(0)).as(p + "_key"), col(EXCLUSION).as(p + "_exclusion"))
                    : ctx.spark().createDataFrame(List.of(), ReferenceViews.strings(p + "_sender", p + "_key", p + "_exclusion"));
            out = out.join(parents, col(Lineage.SENDER).equalTo(col(p + "_sender")).and(col(field.column()).equalTo(col(p + "_key"))), "left");
            Column id = col(field.column());
            Column present = id.isNotNull();
            exclusion = exclusion
                    .when(present.and(col(p + "_key").isNull()), lit(Exclusion.PADRE_SCONOSCIUTO.name()))
                    .when(present.and(col(p + "_exclusion").isNotNull()), lit(Exclusion.PADRE_ANNULLATO.name()));
            reason = reason
                    .when(present.and(col(p + "_key").isNull()), concat(lit(parent.record() + " "), id, lit(" non presente nello stato corrente")))
                    .when(present.and(col(p + "_exclusion").isNotNull()), concat(lit(parent.record() + " "), id, lit(" annullata o esclusa")));
        }
        out = out.withColumn(EXCLUSION, exclusion).withColumn(EXCLUSION_REASON, reason);
        List<Column> keep = new ArrayList<>();
        for (String c : current.columns()) keep.add(col(c));
        keep.add(col(EXCLUSION));
        keep.add(col(EXCLUSION_REASON));
        return out.select(keep.toArray(Column[]::new));
    }

    private static Dataset<Row> latestDeliveryPerPeriod(Dataset<Row> rows, Dataset<Row> loaded) {
        Dataset<Row> winners = loaded
                .withColumn("_rn", row_number().over(Window.partitionBy("sender", "period_from")
                        .orderBy(col("extracted_at").desc(), col("delivery_name").desc())))
                .filter(col("_rn").equalTo(1))
                .select(col("delivery_name").as(Lineage.DELIVERY_NAME));
        return rows.join(winners, Lineage.DELIVERY_NAME, "left_semi");
    }

    /** Every snapshot's rows, with its day and its position in the order of the snapshots. */
    private static Dataset<Row> snapshots(Dataset<Row> rows) {
        Dataset<Row> order = rows.select(col(Lineage.EXTRACTED_AT), col(Lineage.DELIVERY_NAME)).distinct()
                .withColumn(SNAPSHOT_ORDER, row_number().over(Window.orderBy(col(Lineage.EXTRACTED_AT), col(Lineage.DELIVERY_NAME))))
                .drop(Lineage.EXTRACTED_AT);
        return rows.join(order, Lineage.DELIVERY_NAME)
                .withColumn("data_snapshot", to_date(col(Lineage.EXTRACTED_AT)));
    }
}
