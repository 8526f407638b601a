package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;

import it.cabina.etl.landing.Ledger;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.rules.Lineage;
import it.cabina.etl.sources.SourceLoader;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Removes what interrupted runs may have written before their commit point, so that the warehouse holds only the work
 * of finished runs: bronze, quarantine and warning rows of deliveries they were loading and the ledger does not record
 * as loaded (whether or not they are loaded again tonight: a delivery deferred by {@code --as-of} must not find stale
 * rows later), and the indicator values they appended. Silver, gold, aggregates and the export are rebuilt whole by
 * the run that recovers, so whatever they left there is replaced.
 */
public final class Recovery {
    private final CabinaContext ctx;

    public Recovery(CabinaContext ctx) {
        this.ctx = ctx;
    }

    /** @return the number of delivery names whose partial rows were removed */
    public int clean(Map<String, List<String>> unfinishedRuns, Ledger ledger) {
        if (unfinishedRuns.isEmpty()) return 0;
        DeltaStore store = ctx.store();
        Set<String> candidates = new HashSet<>();
        unfinishedRuns.values().forEach(candidates::addAll);
        Set<String> committed = new HashSet<>();
        if (!candidates.isEmpty()) {
            for (Row r : ledger.loaded().filter(col("delivery_name").isin(candidates.toArray())).select("delivery_name").collectAsList()) {
                committed.add(r.getString(0));
            }
        }
        List<String> partial = candidates.stream().filter(n -> !committed.contains(n)).sorted().toList();
        if (!partial.isEmpty()) {
            for (Table t : loadTables()) store.delete(t, col(Lineage.DELIVERY_NAME).isin(partial.toArray()));
            store.delete(Tables.QUARANTINE, col("delivery_name").isin(partial.toArray()));
            store.delete(Tables.WARNINGS, col("delivery_name").isin(partial.toArray()));
        }
        store.delete(Tables.INDICATOR_VALUES, col("run_id").isin(unfinishedRuns.keySet().toArray()));
        return partial.size();
    }

    private Collection<Table> loadTables() {
        List<Table> out = new ArrayList<>();
        for (String source : CabinaContext.SOURCES) {
            SourceRules rules = ctx.rules().get(source);
            for (SourceRules.FileRules fr : rules.files()) out.add(SourceLoader.bronze(rules, fr));
        }
        return out;
    }
}
