package it.cabina.etl.indicators;

import it.cabina.etl.model.ReferenceViews;
import it.cabina.etl.model.SqlModels;
import it.cabina.etl.pipeline.CabinaContext;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named views the catalogue's numerators and denominators are written against
 * (SQL in {@code model/indicators/}, documented in docs/indicators.md), over the gold tables.
 */
public final class IndicatorViews {
    /** In dependency order. */
    public static final List<String> NAMES = List.of("v_progetti_anno", "v_progetti_avviati", "v_valutazioni",
            "v_ruoli_valutazione", "v_dimissioni", "v_attivita", "v_casi_anno", "v_flusso_semestri");

    public static final String LEVELS = "ambito_livelli";

    /**
     * The column that identifies a row of each view within a year (docs/indicators.md, "one row per").
     * {@code v_ruoli_valutazione} has none (one row per assessment and role).
     */
    public static final Map<String, String> ROW_KEYS = Map.of(
            "v_progetti_anno", "chiave_progetto", "v_progetti_avviati", "chiave_progetto",
            "v_valutazioni", "chiave_valutazione", "v_dimissioni", "chiave_dimissione", "v_attivita", "chiave_attivita",
            "v_casi_anno", "chiave_caso", "v_flusso_semestri", "chiave_semestre");

    /**
     * The key columns of each view whose values begin with the code of the Ambito that sent the row
     * ({@code <codice_ambito>:<id>}), so that a value belongs to one Ambito. IndicatorValuesTest checks both maps
     * on the test warehouse.
     */
    public static final Map<String, Set<String>> AMBITO_KEYS = Map.of(
            "v_progetti_anno", Set.of("chiave_progetto", "chiave_caso"), "v_progetti_avviati", Set.of("chiave_progetto", "chiave_caso"),
            "v_valutazioni", Set.of("chiave_valutazione", "chiave_caso"), "v_ruoli_valutazione", Set.of("chiave_valutazione"),
            "v_dimissioni", Set.of("chiave_dimissione"), "v_attivita", Set.of("chiave_attivita"),
            "v_casi_anno", Set.of("chiave_caso"), "v_flusso_semestri", Set.of("chiave_semestre"));

    private IndicatorViews() {}

    /** The rows of {@link #LEVELS}: every reference Ambito with each territory it counts in (itself, ASST, ATS, region). */
    static List<List<String>> levels(CabinaContext ctx) {
        List<List<String>> levels = new ArrayList<>();
        for (var a : ctx.territory().ambiti()) {
            levels.add(List.of(a.codice(), "AMBITO", a.codice()));
            levels.add(List.of(a.codice(), "ASST", a.codiceAsst()));
            levels.add(List.of(a.codice(), "ATS", a.codiceAts()));
            levels.add(List.of(a.codice(), "REGIONE", ctx.territory().regionCode()));
        }
        return levels;
    }

    /** Every territory an indicator is computed for, as (livello, territorio), sorted. */
    static List<List<String>> territories(CabinaContext ctx) {
        return levels(ctx).stream().map(l -> l.subList(1, 3)).distinct()
                .sorted(java.util.Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1))).toList();
    }

    public static Set<String> names() {
        return Set.copyOf(NAMES);
    }

    /**
     * Registers the gold tables, the reference, the run parameters, the levels of every reference Ambito and the views.
     * @param firstYear first year computed (the year before the triennium, so that its first year has a previous value)
     */
    public static void register(CabinaContext ctx, LocalDate asOf, int firstYear, int lastYear) {
        SparkSession spark = ctx.spark();
        List<Table> tables = new ArrayList<>(Tables.STAR);
        tables.add(Tables.LEDGER);
        ctx.store().registerViews(tables);
        ReferenceViews.register(ctx);
        spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(asOf), firstYear, lastYear)),
                new StructType().add("as_of", DataTypes.DateType).add("anno_dal", DataTypes.IntegerType).add("anno_al", DataTypes.IntegerType))
                .createOrReplaceTempView("run_parameters");
        List<Row> levels = new ArrayList<>();
        for (List<String> l : levels(ctx)) levels.add(RowFactory.create(l.toArray()));
        spark.createDataFrame(levels, new StructType().add("codice_ambito", DataTypes.StringType)
                .add("livello", DataTypes.StringType).add("territorio", DataTypes.StringType)).createOrReplaceTempView(LEVELS);
        for (String v : NAMES) spark.sql(SqlModels.read("indicators", v)).createOrReplaceTempView(v);
    }

}
