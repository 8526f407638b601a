package it.cabina.etl.indicators;

import it.cabina.etl.indicators.IndicatorCatalog.Indicator;
import it.cabina.etl.indicators.IndicatorCatalog.Side;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.model.RunParameters;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkSqlParser;
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

    /**
     * The catalogue and its views, checked before anything is loaded: entries, rules, view headers, the names each view
     * reads, the syntax of each view's SQL, and the record each view's rows come from.
     */
    public static IndicatorCatalog catalog(CabinaContext ctx) {
        return catalog(ctx.config().home(), ctx.codeLists(), ctx.rules());
    }

    /** The same check without a Spark session ({@code cabina check}): Spark's SQL parser needs none. */
    public static IndicatorCatalog catalog(java.nio.file.Path home, it.cabina.warehouse.reference.CodeLists codeLists,
                                           Map<String, it.cabina.etl.rules.SourceRules> rules) {
        IndicatorCatalog catalog = IndicatorCatalog.load(home.resolve("conf/indicators.yaml"), codeLists);
        SparkSqlParser parser = new SparkSqlParser();
        for (IndicatorView v : catalog.views().all()) {
            try {
                parser.parsePlan(v.sql());
            } catch (Exception e) {
                throw new ConfigException("conf/views/" + v.file().getFileName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        Explainer.checkRecords(catalog, rules);
        return catalog;
    }

    /** A cell of the result grid. */
    private record Key(String livello, String territorio, int anno) {}

    /**
     * Computes and appends the values of every indicator for the years of the triennium up to the one holding the run
     * date (later years get no row); that year's values are {@link Status#IN_CORSO}.
     */
    public Dataset<Row> compute(String runId, LocalDate asOf) {
        SparkSession spark = ctx.spark();
        RunParameters params = RunParameters.of(ctx, asOf, catalog.triennio().dal(), catalog.triennio().al());
        int first = params.firstYear();
        int last = params.lastYear();
        catalog.views().register(ctx, params);
        Map<String, Map<Key, Double>> parts = computeParts(analysedViewQueries());
        Map<String, Map<Key, Double>> baseRows = new HashMap<>();
        for (Indicator i : catalog.indicators()) {
            for (String v : i.views()) baseRows.put(v, parts.getOrDefault(IndicatorParts.rowsId(v), Map.of()));
        }
        // the Ambiti of the territory reference with the territories they count in, and so every territory computed
        List<List<String>> levels = spark.sql("select codice_ambito, livello, territorio from " + IndicatorViews.LEVELS
                + " where riferimento").collectAsList().stream().map(r -> List.of(r.getString(0), r.getString(1), r.getString(2))).toList();
        List<Key> grid = new ArrayList<>();
        for (List<String> territory : levels.stream().map(l -> l.subList(1, 3)).distinct()
                .sorted(java.util.Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1))).toList()) {
            for (int y = first; y <= last; y++) grid.add(new Key(territory.get(0), territory.get(1), y));
        }
        Map<String, String> ambitoNames = catalog.indicators().stream().anyMatch(i -> i.nonTrasmesso() != null) ? ambitoNames() : Map.of();
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> out = new ArrayList<>();
        for (Indicator ind : catalog.indicators()) {
            Map<Key, Double> num = side(parts, ind.code() + "/N", ind.numeratore());
            Map<Key, Double> den = ind.tipo().ratio() ? side(parts, ind.code() + "/D", ind.denominatore()) : Map.of();
            Map<Key, Double> lacking = parts.getOrDefault(IndicatorParts.notTransmittedId(ind), Map.of());
            Map<Key, Double> values = new HashMap<>();
            for (Key k : grid) {
                if (!ind.hasCell(k.anno())) continue;
                List<String> notTransmitted = ambitiBelow(k, levels).stream()
                        .filter(a -> lacking.getOrDefault(new Key("AMBITO", a, k.anno()), 0.0) > 0).sorted().toList();
                boolean hasData = ind.views().stream().anyMatch(v -> baseRows.get(v).getOrDefault(k, 0.0) > 0);
                boolean computable = hasData && notTransmitted.isEmpty();
                Double n = computable ? num.getOrDefault(k, 0.0) : null;
                Double d = null;
                if (computable && ind.perAmbito()) {
                    double ambiti = ambitiWithData(ind, k, levels, baseRows);
                    d = ind.tipo().ratio() ? den.getOrDefault(k, 0.0) * ambiti : ambiti;
                } else if (computable && ind.tipo().ratio()) {
                    d = den.getOrDefault(k, 0.0);
                }
                Status.Reason why = !notTransmitted.isEmpty() ? Status.Reason.DATO_NON_TRASMESSO : !hasData ? Status.Reason.NESSUN_DATO : null;
                Double value = null;
                if (computable) {
                    if (d == null) value = n;
                    else if (d == 0.0) why = Status.Reason.DENOMINATORE_ZERO;
                    else value = ind.tipo() == IndicatorCatalog.Kind.PERCENTUALE ? n / d * 100.0 : n / d;
                }
                values.put(k, value);
                if (k.anno() < catalog.triennio().dal()) continue;
                YearRule rule = ind.rule(k.anno());
                Status.Outcome o = Status.of(rule, value, why, values.get(new Key(k.livello(), k.territorio(), k.anno() - 1)),
                        ind.inProgress(k.anno(), asOf));
                String motivo = o.reason() == null ? null : o.reason().text();
                if (o.reason() == Status.Reason.DATO_NON_TRASMESSO && !k.livello().equals("AMBITO")) {
                    motivo += " da " + named(notTransmitted, ambitoNames);
                }
                out.add(RowFactory.create(runId, now, Date.valueOf(asOf), ind.code(), k.anno(), k.livello(), k.territorio(),
                        n, d, value, o.status().name(), rule.text(), motivo,
                        ind.titolo(), ind.area(), ind.tipo().name(), ind.unita()));
            }
        }
        Dataset<Row> result = spark.createDataFrame(out, SCHEMA);
        ctx.store().append(Tables.INDICATOR_VALUES, result.coalesce(1));
        return result;
    }

    /** The Ambiti a cell's territory is made of (the Ambito itself at the Ambito level). */
    private static List<String> ambitiBelow(Key k, List<List<String>> levels) {
        return levels.stream().filter(l -> l.get(1).equals(k.livello()) && l.get(2).equals(k.territorio())).map(l -> l.get(0)).toList();
    }

    /** The current Ambiti's names, by code. */
    private Map<String, String> ambitoNames() {
        Map<String, String> names = new HashMap<>();
        for (Row r : ctx.spark().sql("select codice_ambito, denominazione from dim_ambito where corrente").collectAsList()) {
            names.put(r.getString(0), r.getString(1));
        }
        return names;
    }

    /** Ambiti as a reader finds them in a reason: by name, the first few, then how many more. */
    static String named(List<String> ambiti, Map<String, String> names) {
        int shown = Math.min(ambiti.size(), 5);
        String list = String.join(", ", ambiti.subList(0, shown).stream().map(a -> names.getOrDefault(a, a)).toList());
        String more = ambiti.size() > shown ? " e altri " + (ambiti.size() - shown) : "";
        return (ambiti.size() == 1 ? "1 Ambito: " : ambiti.size() + " Ambiti: ") + list + more;
    }

    /**
     * The Ambiti below a cell's territory that have data for its year: at least one row in the indicator's views
     * (indicators.md, "Ambiti with data"); 1 or 0 at the Ambito level.
     */
    private static double ambitiWithData(Indicator ind, Key k, List<List<String>> levels, Map<String, Map<Key, Double>> baseRows) {
        return levels.stream()
                .filter(l -> l.get(1).equals(k.livello()) && l.get(2).equals(k.territorio()))
                .map(l -> new Key("AMBITO", l.get(0), k.anno()))
                .filter(a -> ind.views().stream().anyMatch(v -> baseRows.get(v).getOrDefault(a, 0.0) > 0))
                .count();
    }

    /**
     * Every view's query, analysed before anything runs; when one does not analyse, its sides are analysed one by one,
     * so that an unknown column or a bad expression names the indicator.
     */
    private List<Dataset<Row>> analysedViewQueries() {
        List<Dataset<Row>> queries = new ArrayList<>();
        IndicatorParts.byView(catalog).forEach((view, parts) -> {
            try {
                queries.add(ctx.spark().sql(IndicatorParts.viewSql(catalog.views(), view, parts, true)));
            } catch (Exception viewFails) {
                for (IndicatorParts.Part p : parts) {
                    try {
                        ctx.spark().sql(IndicatorParts.onRowsSql(p));
                    } catch (Exception ex) {
                        String side = p.id().endsWith("/D") ? "denominatore" : p.id().endsWith("/U") ? "non_trasmesso" : "numeratore";
                        throw new ConfigException("conf/indicators.yaml: indicatore " + p.id().substring(0, p.id().lastIndexOf('/')) + ", "
                                + side + ": " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
                    }
                }
                throw new ConfigException("conf/indicators.yaml: vista " + view + ": "
                        + String.valueOf(viewFails.getMessage()).lines().findFirst().orElse(""));
            }
        });
        return queries;
    }

    /**
     * Every side of every indicator and the rows of every view: the views' queries ({@link IndicatorParts}), each a few
     * small jobs, run side by side and collected.
     */
    private Map<String, Map<Key, Double>> computeParts(List<Dataset<Row>> viewQueries) {
        Map<String, Map<Key, Double>> parts = new HashMap<>();
        for (List<Row> rows : Concurrently.map(viewQueries, Concurrently.SPARK_QUERIES, Dataset::collectAsList)) {
            for (Row r : rows) {
                Object v = r.get(4);
                parts.computeIfAbsent(r.getString(0), x -> new HashMap<>())
                        .put(new Key(r.getString(1), r.getString(2), r.getInt(3)), v == null ? 0.0 : ((Number) v).doubleValue());
            }
        }
        return parts;
    }

    /**
     * All parts in one query (the union of the per-view queries): columns {@code parte, livello, territorio, anno,
     * valore}. Public so that the benchmark runs the very same SQL in its reference engine.
     */
    public static String partsSql(IndicatorCatalog catalog) {
        return partsSql(catalog, true);
    }

    /** @param optimised false evaluates every side on the rows of each level (for the test that both agree) */
    static String partsSql(IndicatorCatalog catalog, boolean optimised) {
        return String.join("\nunion all\n", IndicatorParts.queries(catalog, optimised));
    }

    private Map<Key, Double> side(Map<String, Map<Key, Double>> parts, String id, Side s) {
        if (s.costante() != null || s.lista() != null) {
            double c = s.costante() != null ? s.costante() : ctx.codeLists().get(s.lista()).codes().size();
            return new ConstantMap(c);
        }
        return parts.getOrDefault(id, Map.of());
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
