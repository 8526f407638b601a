package it.cabina.etl.model;

import it.cabina.etl.landing.Ledger;
import it.cabina.etl.pipeline.CabinaContext;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.sources.Lineage;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.*;

/**
 * The current state of every record, rebuilt from bronze rows of loaded deliveries:
 * <ul>
 *   <li>versioned sources (CSI): per sender and key, the latest version (extracts.md §2); withdrawn records are left out;</li>
 *   <li>FULL sources with a period (FLUSSO): the rows of the latest delivery of each sender and period, which replaces earlier ones;</li>
 *   <li>FULL snapshots (AFAM): every snapshot, dated by its extraction, for the type-2 history built in gold.</li>
 * </ul>
 */
public final class SilverBuilder {
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
    public java.util.Set<String> build(java.util.Set<String> sources) {
        java.util.Set<String> rebuilt = new java.util.TreeSet<>();
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
        // each silver table reads only its own bronze table: they are written side by side
        List<Long> counts = Concurrently.map(files, Concurrently.SPARK_QUERIES, f -> rebuild(f, loaded));
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
            current = latestVersions(rows, rules, fr);
        } else if (rules.periodRequired() != null) {
            current = latestDeliveryPerPeriod(rows, loadedHere);
        } else {
            current = rows.withColumn("data_snapshot", to_date(col(Lineage.EXTRACTED_AT)));
        }
        store.overwrite(silver, current);
        return store.read(silver).count();
    }

    private static Dataset<Row> latestVersions(Dataset<Row> rows, SourceRules rules, SourceRules.FileRules fr) {
        SourceRules.Versioning v = rules.versioned();
        String[] key = fr.key().toArray(String[]::new);
        String[] partition = new String[key.length + 1];
        partition[0] = Lineage.SENDER;
        System.arraycopy(key, 0, partition, 1, key.length);
        return rows
                .withColumn("_rn", row_number().over(Window.partitionBy(partition[0], java.util.Arrays.copyOfRange(partition, 1, partition.length))
                        .orderBy(Lineage.latestFirst(v.timestamp()))))
                .filter(col("_rn").equalTo(1).and(col(v.status()).notEqual(lit(v.withdrawn()))))
                .drop("_rn");
    }

    private static Dataset<Row> latestDeliveryPerPeriod(Dataset<Row> rows, Dataset<Row> loaded) {
        Dataset<Row> winners = loaded
                .withColumn("_rn", row_number().over(Window.partitionBy("sender", "period_from")
                        .orderBy(col("extracted_at").desc(), col("delivery_name").desc())))
                .filter(col("_rn").equalTo(1))
                .select(col("delivery_name").as(Lineage.DELIVERY_NAME));
        return rows.join(winners, Lineage.DELIVERY_NAME, "left_semi");
    }
}
