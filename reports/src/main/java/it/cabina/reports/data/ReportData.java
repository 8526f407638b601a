package it.cabina.reports.data;

import it.cabina.warehouse.model.SqlModels;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.model.GoldViews;
import it.cabina.etl.model.RunParameters;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.warehouse.published.ReportKind;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the reports show, read from the warehouse once and kept on the driver: indicator values of the latest
 * run, the semiannual aggregates and the AFAM and quality details. They are small (thousands of rows at regional
 * scale), so every report of every territory is then built without touching Spark again.
 */
public final class ReportData {
    public static final String REGION_NAME = "Regione Lombardia";
    /** The tables the report queries read (registering every table of the warehouse would cost a snapshot each). */
    private static final List<Table> TABLES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(Tables.INDICATOR_VALUES, Tables.DIM_AMBITO, Tables.DIM_UNIT, Tables.DIM_CODE, Tables.FACT_MILESTONE,
                    Tables.DIM_SEMESTER, Tables.LEDGER, Tables.RUNS),
            Tables.aggregates().stream()).toList();

    private final Map<String, TerritoryInfo> territories;
    private final Map<String, List<Map<String, Object>>> tables;
    private final String runId;
    private final LocalDate asOf;

    private ReportData(Map<String, TerritoryInfo> territories, Map<String, List<Map<String, Object>>> tables, String runId,
                       LocalDate asOf) {
        this.territories = territories;
        this.tables = tables;
        this.runId = runId;
        this.asOf = asOf;
    }

    public static ReportData read(CabinaContext ctx, ReportSettings settings, IndicatorCatalog.Triennium triennium) {
        if (!ctx.store().exists(Tables.INDICATOR_VALUES)) {
            throw new IllegalStateException("il warehouse " + ctx.config().warehouse()
                    + " non ha ancora indicatori: eseguire prima ./cabina nightly");
        }
        SparkSession spark = ctx.spark();
        ctx.store().registerViews(TABLES);
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        List<Map<String, Object>> indicators = Rows.collect(spark.sql(SqlModels.read("reports", "indicatori")));
        tables.put("indicatori", indicators);
        String runId = indicators.isEmpty() ? null : Rows.text(indicators.get(0), "run_id");
        LocalDate asOf = indicators.isEmpty() ? LocalDate.now() : ((java.sql.Date) indicators.get(0).get("data_riferimento")).toLocalDate();
        RunParameters.of(ctx, asOf, triennium.dal(), triennium.al()).register(spark);
        GoldViews.register(ctx);
        Map<String, String> queries = new LinkedHashMap<>();
        for (String q : List.of("territori", "unita_movimenti", "consegne_fonti", "unita_per_tipo", "consegne_mancanti", "consegne_rettificate",
                "ultimo_caricamento", "traguardi", "traguardi_sintesi")) {
            queries.put(q, SqlModels.read("reports", q));
        }
        queries.put("misure_semestrali", SemiannualMeasures.sql(settings.semestrale()));
        queries.put("agg_consegne", "select * from agg_consegne");
        queries.put("agg_qualita", "select * from agg_qualita");
        // the anomalies of the checks (conf/anomalies.yaml); a warehouse not yet checked has none
        boolean checked = ctx.store().exists(Tables.ANOMALIES);
        if (checked) ctx.store().registerViews(List.of(Tables.ANOMALIES));
        queries.put("anomalie", checked ? "select * from anomalies" : "select * from values (1) as t(x) where false");
        List<String> names = List.copyOf(queries.keySet());
        List<List<Map<String, Object>>> results = Concurrently.map(names, Concurrently.SPARK_QUERIES, q -> Rows.collect(spark.sql(queries.get(q))));
        for (int i = 0; i < names.size(); i++) tables.put(names.get(i), results.get(i));

        Map<String, TerritoryInfo> territories = new LinkedHashMap<>();
        String region = ctx.territory().regionCode();
        territories.put(key("REGIONE", region), new TerritoryInfo("REGIONE", region, REGION_NAME, null, null));
        for (Map<String, Object> t : tables.get("territori")) {
            TerritoryInfo info = new TerritoryInfo(Rows.text(t, "livello"), Rows.text(t, "territorio"),
                    Rows.text(t, "denominazione"), Rows.text(t, "codice_asst"), Rows.text(t, "codice_ats"));
            territories.put(key(info.level(), info.code()), info);
        }
        return new ReportData(territories, tables, runId, asOf);
    }

    /**
     * Data already read: the territories (the Region included) and the rows of each table by name (missing tables read as
     * empty). For tools and tests that have the rows without a warehouse, e.g. the layout of a territory with many Ambiti.
     */
    public static ReportData of(List<TerritoryInfo> territories, Map<String, List<Map<String, Object>>> tables, String runId, LocalDate asOf) {
        Map<String, TerritoryInfo> byKey = new LinkedHashMap<>();
        territories.forEach(t -> byKey.put(key(t.level(), t.code()), t));
        Map<String, List<Map<String, Object>>> all = new java.util.HashMap<>();
        for (String name : List.of("indicatori", "territori", "unita_movimenti", "consegne_fonti", "unita_per_tipo", "consegne_mancanti",
                "consegne_rettificate", "ultimo_caricamento", "misure_semestrali", "agg_consegne", "agg_qualita", "anomalie")) {
            all.put(name, List.of());
        }
        all.putAll(tables);
        return new ReportData(byKey, all, runId, asOf);
    }

    /** All rows of one of the tables read. */
    public List<Map<String, Object>> table(String name) {
        return tables.get(name);
    }

    static String key(String level, String code) {
        return level + ":" + code;
    }

    public String runId() { return runId; }

    public LocalDate asOf() { return asOf; }

    public TerritoryInfo territory(String level, String code) {
        return territories.get(key(level, code));
    }

    public List<TerritoryInfo> territories() {
        return new ArrayList<>(territories.values());
    }

    /** The Ambiti within a territory, by name. */
    public List<TerritoryInfo> ambitiWithin(TerritoryInfo t) {
        return territories.values().stream().filter(a -> a.level().equals("AMBITO") && a.within(t))
                .sorted(java.util.Comparator.comparing(TerritoryInfo::name)).toList();
    }

    /** The rows of one of the tables read, for one territory (all periods). */
    public List<Map<String, Object>> rows(String table, String level, String code) {
        return byTerritory.computeIfAbsent(table, t -> tables.get(t).stream()
                        .collect(Collectors.groupingBy(r -> key(Rows.text(r, "livello"), Rows.text(r, "territorio")))))
                .getOrDefault(key(level, code), List.of());
    }

    /** The rows of one table, for one territory and one value of a period column. */
    public List<Map<String, Object>> rows(String table, String level, String code, String periodColumn, Object period) {
        return rows(table, level, code).stream().filter(r -> String.valueOf(r.get(periodColumn)).equals(String.valueOf(period))).toList();
    }

    /**
     * The reports of a kind that have data in a table for the period: one per (level, territory) found there, at the
     * levels the kind is published for.
     */
    public List<ReportKey> reports(ReportKind kind, String period, String table, String periodColumn) {
        return keys(table, periodColumn).stream().filter(k -> k.get(2).equals(period) && kind.publishedFor(k.get(0)))
                .map(k -> new ReportKey(kind, period, k.get(0), k.get(1))).toList();
    }

    /** The distinct (level, territory, period) of a table: the reports that have data. */
    public List<List<String>> keys(String table, String periodColumn) {
        return tables.get(table).stream()
                .map(r -> List.of(Rows.text(r, "livello"), Rows.text(r, "territorio"), String.valueOf(r.get(periodColumn))))
                .distinct().toList();
    }

    private final Map<String, Map<String, List<Map<String, Object>>>> byTerritory = new java.util.concurrent.ConcurrentHashMap<>();
}
