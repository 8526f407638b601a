package it.cabina.etl.indicators;

import it.cabina.etl.indicators.IndicatorCatalog.Indicator;
import it.cabina.etl.indicators.IndicatorCatalog.Side;
import it.cabina.etl.pipeline.CabinaContext;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every indicator of the catalogue for every year of the triennium at every level, and appends the values
 * to {@code gold/indicator_values} stamped with the run (earlier runs stay, so a figure in a report can be traced).
 * Spark aggregates each side at each level (sums add up, distinct counts are distinct at that level; additive
 * measures are added up from their values per Ambito); values and statuses are then worked out by {@link Status}
 * on the small result.
 */
public final class IndicatorEngine {
    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType).add("calcolato_il", DataTypes.TimestampType)
            .add("data_riferimento", DataTypes.DateType)
            .add("indicatore", DataTypes.StringType).add("anno", DataTypes.IntegerType)
            .add("livello", DataTypes.StringType).add("territorio", DataTypes.StringType)
            .add("numeratore", DataTypes.DoubleType).add("denominatore", DataTypes.DoubleType)
            .add("valore", DataTypes.DoubleType).add("stato", DataTypes.StringType)
            .add("regola", DataTypes.StringType).add("motivo", DataTypes.StringType)
            .add("titolo", DataTypes.StringType).add("area", DataTypes.StringType)
            .add("tipo", DataTypes.StringType).add("unita", DataTypes.StringType);

    private final CabinaContext ctx;
    private final IndicatorCatalog catalog;

    public IndicatorEngine(CabinaContext ctx, IndicatorCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }

    public static IndicatorCatalog catalog(CabinaContext ctx) {
        return IndicatorCatalog.load(ctx.config().home().resolve("conf/indicators.yaml"), ctx.codeLists(), IndicatorViews.names());
    }

    /** A cell of the result grid. */
    private record Key(String livello, String territorio, int anno) {}

    public Dataset<Row> compute(String runId, LocalDate asOf) {
        SparkSession spark = ctx.spark();
        int first = catalog.triennio().dal() - 1;
        int last = catalog.triennio().al();
        IndicatorViews.register(ctx, asOf, first, last);
        validate();

        List<Dataset<Row>> cached = new ArrayList<>();
        for (String v : IndicatorViews.NAMES) cached.add(spark.table(v).persist(StorageLevel.MEMORY_AND_DISK()));
        Map<String, Map<Key, Double>> parts;
        try {
            parts = computeParts();
        } finally {
            cached.forEach(Dataset::unpersist);
        }
        Map<String, Map<Key, Double>> baseRows = new HashMap<>();
        for (Indicator i : catalog.indicators()) {
            for (String v : i.views()) baseRows.put(v, parts.getOrDefault(baseId(v), Map.of()));
        }
        List<Key> grid = new ArrayList<>();
        for (Row r : spark.sql("select distinct livello, territorio from " + IndicatorViews.LEVELS + " order by livello, territorio").collectAsList()) {
            for (int y = first; y <= last; y++) grid.add(new Key(r.getString(0), r.getString(1), y));
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> out = new ArrayList<>();
        for (Indicator ind : catalog.indicators()) {
            Map<Key, Double> num = side(parts, ind.code() + "/N", ind.numeratore());
            Map<Key, Double> den = ind.tipo().ratio() ? side(parts, ind.code() + "/D", ind.denominatore()) : Map.of();
            Map<Key, Double> values = new HashMap<>();
            for (Key k : grid) {
                boolean hasData = ind.views().stream().anyMatch(v -> baseRows.get(v).getOrDefault(k, 0.0) > 0);
                Double n = hasData ? num.getOrDefault(k, 0.0) : null;
                Double d = ind.tipo().ratio() && hasData ? den.getOrDefault(k, 0.0) : null;
                Status.Reason why = !hasData ? Status.Reason.NESSUN_DATO : null;
                Double value = null;
                if (hasData) {
                    if (!ind.tipo().ratio()) value = n;
                    else if (d == 0.0) why = Status.Reason.DENOMINATORE_ZERO;
                    else value = ind.tipo() == IndicatorCatalog.Kind.PERCENTUALE ? n / d * 100.0 : n / d;
                }
                values.put(k, value);
                if (k.anno() < catalog.triennio().dal()) continue;
                YearRule rule = ind.rule(k.anno());
                Status.Outcome o = Status.of(rule, value, why, values.get(new Key(k.livello(), k.territorio(), k.anno() - 1)));
                out.add(RowFactory.create(runId, now, Date.valueOf(asOf), ind.code(), k.anno(), k.livello(), k.territorio(),
                        n, d, value, o.status().name(), rule.text(), o.reason() == null ? null : o.reason().text(),
                        ind.titolo(), ind.area(), ind.tipo().name(), ind.unita()));
            }
        }
        Dataset<Row> result = spark.createDataFrame(out, SCHEMA);
        ctx.store().append(Tables.INDICATOR_VALUES, result.coalesce(1));
        return result;
    }

    /** Every side's SQL is analysed before anything runs: an unknown column or a bad expression names the indicator. */
    private void validate() {
        for (Indicator i : catalog.indicators()) {
            for (var e : Map.of("numeratore", i.numeratore(), "denominatore", i.denominatore() == null ? i.numeratore() : i.denominatore()).entrySet()) {
                if (!e.getValue().fromView()) continue;
                try {
                    ctx.spark().sql(sideSql(e.getValue(), true)).schema();
                } catch (Exception ex) {
                    throw new ConfigException("conf/indicators.yaml: indicatore " + i.code() + ", " + e.getKey() + ": "
                            + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
                }
            }
        }
    }

    private static String baseId(String view) {
        return "rows/" + view;
    }

    /**
     * Every side of every indicator, and the rows of every view, in one Spark job: a union of small aggregates,
     * each tagged with its part id, collected once.
     */
    private Map<String, Map<Key, Double>> computeParts() {
        Map<String, Map<Key, Double>> parts = new HashMap<>();
        for (Row r : ctx.spark().sql(partsSql(catalog)).collectAsList()) {
            Object v = r.get(4);
            parts.computeIfAbsent(r.getString(0), x -> new HashMap<>())
                    .put(new Key(r.getString(1), r.getString(2), r.getInt(3)), v == null ? 0.0 : ((Number) v).doubleValue());
        }
        return parts;
    }

    /**
     * The one query behind {@link #computeParts}: columns {@code parte, livello, territorio, anno, valore}, where
     * {@code parte} is {@code <indicator>/N}, {@code <indicator>/D} or {@code rows/<view>}. Public so that the
     * benchmark runs the very same SQL in its reference engine.
     */
    public static String partsSql(IndicatorCatalog catalog) {
        return partsSql(catalog, true);
    }

    /** @param rollUpAdditive false evaluates every measure on the rows at each level (for the test that both agree) */
    static String partsSql(IndicatorCatalog catalog, boolean rollUpAdditive) {
        List<String> queries = new ArrayList<>();
        java.util.Set<String> views = new java.util.TreeSet<>();
        for (Indicator i : catalog.indicators()) {
            views.addAll(i.views());
            if (i.numeratore().fromView()) queries.add(tagged(i.code() + "/N", sideSql(i.numeratore(), rollUpAdditive)));
            if (i.tipo().ratio() && i.denominatore().fromView()) queries.add(tagged(i.code() + "/D", sideSql(i.denominatore(), rollUpAdditive)));
        }
        for (String v : views) queries.add(tagged(baseId(v), sideSql(new Side(v, "count(*)", null, null, null), rollUpAdditive)));
        return String.join("\nunion all\n", queries);
    }

    private static String tagged(String id, String sql) {
        return "select '" + id.replace("'", "") + "' as parte, livello, territorio, anno, cast(valore as double) as valore from (" + sql + ")";
    }

    private Map<Key, Double> side(Map<String, Map<Key, Double>> parts, String id, Side s) {
        if (s.costante() != null || s.lista() != null) {
            double c = s.costante() != null ? s.costante() : ctx.codeLists().get(s.lista()).codes().size();
            return new ConstantMap(c);
        }
        return parts.getOrDefault(id, Map.of());
    }

    /**
     * Identifiers and expressions come from the catalogue (configuration); no run value is pasted in. An additive
     * measure ({@link AdditiveMeasure}) is computed per Ambito and year, then summed per level; any other on the
     * view's rows joined to their levels.
     */
    private static String sideSql(Side s, boolean rollUpAdditive) {
        String where = " where v.anno is not null" + (s.condizione() == null ? "" : " and (" + s.condizione() + ")");
        return AdditiveMeasure.perAmbito(s.misura(), IndicatorViews.ROW_KEYS.get(s.vista()),
                        IndicatorViews.AMBITO_KEYS.getOrDefault(s.vista(), java.util.Set.of()))
                .filter(m -> rollUpAdditive)
                .map(perAmbito -> "select l.livello, l.territorio, a.anno, sum(a.valore) as valore from (select v.codice_ambito, v.anno, "
                        + perAmbito + " as valore from " + s.vista() + " v" + where + " group by v.codice_ambito, v.anno) a join "
                        + IndicatorViews.LEVELS + " l on l.codice_ambito = a.codice_ambito group by l.livello, l.territorio, a.anno")
                .orElseGet(() -> "select l.livello, l.territorio, v.anno, " + s.misura() + " as valore from " + s.vista() + " v join "
                        + IndicatorViews.LEVELS + " l on l.codice_ambito = v.codice_ambito" + where
                        + " group by l.livello, l.territorio, v.anno");
    }

    /** A constant denominator, the same for every cell. */
    private static final class ConstantMap extends HashMap<Key, Double> {
        private final double value;

        ConstantMap(double value) {
            this.value = value;
        }

        @Override
        public Double getOrDefault(Object key, Double defaultValue) {
            return value;
        }
    }
}
