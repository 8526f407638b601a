package it.cabina.etl.indicators;

import it.cabina.etl.model.GoldViews;
import it.cabina.etl.model.ReferenceViews;
import it.cabina.etl.model.RunParameters;
import it.cabina.warehouse.model.Models;
import it.cabina.etl.context.CabinaContext;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The named views the catalogue's numerators and denominators are written against: every {@code *.sql} file of
 * {@code conf/views/} ({@link IndicatorView}), over the gold tables, the ledger, the territory reference and the run
 * parameters. A view may read another view; they are registered in dependency order. Adding a view is adding a file.
 */
public final class IndicatorViews {
    /** The roll-up of territories (model/gold/models.yaml): every Ambito with each territory it counts in. */
    public static final String LEVELS = "livelli";

    private final Map<String, IndicatorView> byName;

    private IndicatorViews(Map<String, IndicatorView> byName) {
        this.byName = byName;
    }

    /** The views of a folder, checked: headers, names read, no cycle; in dependency order. */
    public static IndicatorViews load(Path dir) {
        List<IndicatorView> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList()) found.add(IndicatorView.read(f));
        } catch (IOException e) {
            throw new ConfigException("the views folder " + dir + " cannot be read: " + e.getMessage());
        }
        if (found.isEmpty()) throw new ConfigException("the views folder " + dir + " has no view (*.sql)");
        Set<String> names = new TreeSet<>();
        found.forEach(v -> names.add(v.name()));
        Set<String> readable = readableNames();
        for (IndicatorView v : found) {
            for (String r : v.reads()) {
                if (!readable.contains(r) && !names.contains(r)) {
                    throw new ConfigException("conf/views/" + v.file().getFileName() + ": reads '" + r + "', which is neither a view nor a table"
                            + " of the warehouse (tables: " + readable + ")");
                }
            }
        }
        return new IndicatorViews(inDependencyOrder(found, names));
    }

    /** What a view may read besides other views: the star schema, the ledger, the reference and the run's values. */
    static Set<String> readableNames() {
        Set<String> out = new TreeSet<>(ReferenceViews.NAMES);
        Tables.star().forEach(t -> out.add(t.name()));
        out.add(Tables.LEDGER.name());
        out.add(RunParameters.VIEW);
        Models.gold().views().forEach(v -> out.add(v.name()));
        return out;
    }

    private static Map<String, IndicatorView> inDependencyOrder(List<IndicatorView> views, Set<String> names) {
        Map<String, IndicatorView> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        Map<String, IndicatorView> ordered = new LinkedHashMap<>();
        while (ordered.size() < byName.size()) {
            int before = ordered.size();
            for (IndicatorView v : byName.values()) {
                if (ordered.containsKey(v.name())) continue;
                if (v.reads().stream().filter(names::contains).allMatch(ordered::containsKey)) ordered.put(v.name(), v);
            }
            if (ordered.size() == before) {
                Set<String> left = new TreeSet<>(byName.keySet());
                left.removeAll(ordered.keySet());
                throw new ConfigException("conf/views: the views " + left + " read one another in a cycle");
            }
        }
        return ordered;
    }

    /** These views and some more that read them (the windows of dated targets), registered after them. */
    IndicatorViews plus(List<IndicatorView> more) {
        if (more.isEmpty()) return this;
        Map<String, IndicatorView> all = new LinkedHashMap<>(byName);
        for (IndicatorView v : more) {
            IndicatorView taken = all.putIfAbsent(v.name(), v);
            if (taken != null && !taken.equals(v)) throw new ConfigException("conf/views: the view name " + v.name() + " is taken");
        }
        return new IndicatorViews(all);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public IndicatorView get(String name) {
        return byName.get(name);
    }

    /** In dependency order. */
    public List<IndicatorView> all() {
        return List.copyOf(byName.values());
    }

    /** The column that identifies a row of this view within a year, or null. */
    public String rowKey(String view) {
        return byName.get(view).key();
    }

    /** The key columns of this view whose values begin with the code of the Ambito that sent the row. */
    public Set<String> ambitoKeys(String view) {
        return byName.get(view).ambitoKeys();
    }

    /**
     * Registers the inputs ({@link #registerInputs}) and the views; a view whose columns differ from its header's is a
     * configuration error naming the file.
     */
    public void register(CabinaContext ctx, RunParameters params) {
        register(ctx, params, null);
    }

    /** As {@link #register(CabinaContext, RunParameters)}, over the warehouse as it stood at an instant (null: now). */
    public void register(CabinaContext ctx, RunParameters params, java.time.Instant stateAt) {
        registerInputs(ctx, params, stateAt);
        SparkSession spark = ctx.spark();
        for (IndicatorView v : byName.values()) {
            var rows = spark.sql(v.sql());
            Set<String> actual = new TreeSet<>(List.of(rows.columns()));
            Set<String> declared = new TreeSet<>(v.columns());
            if (!actual.equals(declared)) {
                Set<String> undeclared = new TreeSet<>(actual);
                undeclared.removeAll(declared);
                Set<String> missing = new TreeSet<>(declared);
                missing.removeAll(actual);
                throw new ConfigException("conf/views/" + v.file().getFileName() + ": the header's columns differ from the view's"
                        + (missing.isEmpty() ? "" : "; declared but missing: " + missing)
                        + (undeclared.isEmpty() ? "" : "; not declared: " + undeclared));
            }
            rows.createOrReplaceTempView(v.name());
        }
    }

    /**
     * Registers what views read: the gold tables, the ledger, the reference, {@code run_parameters} and the gold views
     * ({@code livelli}).
     */
    public static void registerInputs(CabinaContext ctx, RunParameters params) {
        registerInputs(ctx, params, null);
    }

    /** As {@link #registerInputs(CabinaContext, RunParameters)}, the tables as they stood at an instant (null: now). */
    public static void registerInputs(CabinaContext ctx, RunParameters params, java.time.Instant stateAt) {
        List<Table> tables = new ArrayList<>(Tables.star());
        tables.add(Tables.LEDGER);
        ctx.store().registerViews(tables.stream().filter(ctx.store()::exists).toList(), stateAt);
        ReferenceViews.register(ctx);
        params.register(ctx.spark());
        GoldViews.register(ctx);
    }
}
