package it.cabina.etl.anomalies;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.indicators.IndicatorViews;
import it.cabina.etl.model.RunParameters;
import it.cabina.etl.rules.Lineage;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the checks of {@code conf/anomalies.yaml} over the warehouse and writes every observation found out of line with its
 * history to the gold table {@code anomalies} (rewritten whole: it is the state of the checks after this run). Finding
 * anomalies never stops anything: they are shown ({@code cabina status}, the quality report, the portal's load status).
 */
public final class Anomalies {
    /** The contract version of each CSI delivery loaded (see {@link #registerInputs}). */
    public static final String CSI_VERSIONS = "consegne_csi_tracciato";

    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType).add("check", DataTypes.StringType).add("source", DataTypes.StringType)
            .add("sender", DataTypes.StringType).add("level", DataTypes.StringType).add("territory", DataTypes.StringType)
            .add("period", DataTypes.StringType).add("measure", DataTypes.StringType).add("observed", DataTypes.DoubleType)
            .add("expected_low", DataTypes.DoubleType).add("expected_high", DataTypes.DoubleType)
            .add("severity", DataTypes.StringType).add("description", DataTypes.StringType).add("semester", DataTypes.StringType);
    /** The indicator values of the run the checks look at. */
    public static final String INDICATORS_VIEW = "indicatori_run";
    private static final Set<String> COLUMNS = Set.of("mittente", "livello", "territorio", "periodo", "ordine", "misura", "valore");

    private final CabinaContext ctx;

    public Anomalies(CabinaContext ctx) {
        this.ctx = ctx;
    }

    public static AnomalyRules rules(CabinaContext ctx) {
        return rules(ctx.config().home());
    }

    public static AnomalyRules rules(java.nio.file.Path home) {
        return AnomalyRules.load(home.resolve("conf/anomalies.yaml"));
    }

    /**
     * Registers what the checks read: the star schema, the ledger, the aggregates, the run's indicator values, and the
     * contract version of each CSI delivery loaded ({@value #CSI_VERSIONS}: {@code delivery_name, spec_version}, from
     * the bronze rows' lineage), so that a check can leave aside the first delivery under a new contract, which re-sends
     * the current records on purpose (docs/senders-1.2.md).
     */
    public void registerInputs(RunParameters params, String runId) {
        IndicatorViews.registerInputs(ctx, params);
        csiVersions().createOrReplaceTempView(CSI_VERSIONS);
        ctx.store().registerViews(Tables.aggregates().stream().filter(ctx.store()::exists).toList());
        Dataset<Row> values = ctx.store().exists(Tables.INDICATOR_VALUES)
                ? ctx.store().read(Tables.INDICATOR_VALUES).filter(org.apache.spark.sql.functions.col("run_id").equalTo(runId))
                : ctx.spark().createDataFrame(List.of(), it.cabina.etl.indicators.IndicatorEngine.SCHEMA);
        values.createOrReplaceTempView(INDICATORS_VIEW);
    }

    private Dataset<Row> csiVersions() {
        Dataset<Row> out = ctx.spark().sql("select cast(null as string) as delivery_name, cast(null as string) as spec_version where false");
        for (var f : ctx.rules().get("CSI").files()) {
            Table bronze = Table.bronze("CSI", f.table());
            if (!ctx.store().exists(bronze)) continue;
            out = out.unionByName(ctx.store().read(bronze).selectExpr(Lineage.DELIVERY_NAME + " as delivery_name",
                    "coalesce(" + Lineage.SPEC_VERSION + ", '1.0') as spec_version"));
        }
        return out.distinct();
    }

    /** Every anomaly the checks find, check by check (inputs registered). */
    public List<Anomaly> detect(AnomalyRules rules) {
        List<Anomaly> out = new ArrayList<>();
        for (AnomalyRules.Check c : rules.checks()) out.addAll(Judge.anomalies(c, observations(c)));
        return out;
    }

    private List<Observation> observations(AnomalyRules.Check c) {
        Dataset<Row> rows;
        try {
            rows = ctx.spark().sql(c.misura());
        } catch (Exception e) {
            throw new ConfigException("conf/anomalies.yaml: check " + c.check() + ": misura: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        List<String> columns = List.of(rows.columns());
        if (!columns.containsAll(COLUMNS)) {
            throw new ConfigException("conf/anomalies.yaml: check " + c.check() + ": misura gives " + columns + ", it needs " + COLUMNS + " (and optionally base)");
        }
        boolean base = columns.contains("base"), semester = columns.contains("semestre");
        List<Observation> out = new ArrayList<>();
        for (Row r : rows.selectExpr("cast(mittente as string) as mittente", "cast(livello as string) as livello",
                "cast(territorio as string) as territorio", "cast(periodo as string) as periodo", "cast(ordine as bigint) as ordine",
                "cast(misura as string) as misura", "cast(valore as double) as valore",
                (base ? "cast(base as double)" : "cast(valore as double)") + " as base",
                (semester ? "cast(semestre as string)" : "cast(null as string)") + " as semestre")
                .filter("valore is not null and ordine is not null").collectAsList()) {
            out.add(new Observation(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5), r.getDouble(6),
                    r.isNullAt(7) ? 0 : r.getDouble(7), r.getString(8)));
        }
        return out;
    }

    /** Runs every check and rewrites the table; returns what was found. */
    public List<Anomaly> run(AnomalyRules rules, RunParameters params, String runId, Consumer<String> progress) {
        registerInputs(params, runId);
        List<Anomaly> found = detect(rules);
        List<Row> rows = new ArrayList<>();
        for (Anomaly a : found) {
            rows.add(RowFactory.create(runId, a.check(), a.source(), a.sender(), a.level(), a.territory(), a.period(), a.measure(), a.observed(),
                    a.expectedLow(), a.expectedHigh(), a.severity(), a.description(), a.semester()));
        }
        ctx.store().overwrite(Tables.ANOMALIES, ctx.spark().createDataFrame(rows, SCHEMA).coalesce(1));
        progress.accept(String.format("  %d controlli, %d anomalie%s", rules.checks().size(), found.size(),
                found.isEmpty() ? "" : " (non bloccanti: cabina status, report Qualità dei dati, portale)"));
        for (Anomaly a : found.stream().limit(20).toList()) {
            progress.accept("  ANOMALIA " + a.severity() + " " + (a.sender() != null ? a.sender() : a.level() + " " + a.territory()) + " "
                    + a.period() + ": " + a.description());
        }
        return found;
    }

    /** The anomalies of the latest run of the checks, most serious and most recent first (none when never run). */
    public static List<Anomaly> latest(DeltaStore store) {
        if (!store.exists(Tables.ANOMALIES)) return List.of();
        List<Anomaly> out = new ArrayList<>();
        for (Row r : store.read(Tables.ANOMALIES).orderBy(org.apache.spark.sql.functions.col("severity").desc(),
                org.apache.spark.sql.functions.col("period").desc(), org.apache.spark.sql.functions.col("check")).collectAsList()) {
            out.add(new Anomaly(r.getAs("check"), r.getAs("source"), r.getAs("sender"), r.getAs("level"), r.getAs("territory"),
                    r.getAs("period"), r.getAs("measure"), r.<Double>getAs("observed"), r.getAs("expected_low"), r.getAs("expected_high"),
                    r.getAs("severity"), r.getAs("description"), r.getAs("semester")));
        }
        return out;
    }
}
