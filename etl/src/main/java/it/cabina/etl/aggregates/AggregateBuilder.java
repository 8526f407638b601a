package it.cabina.etl.aggregates;

import it.cabina.etl.indicators.IndicatorViews;
import it.cabina.etl.model.ModelBuilder;
import it.cabina.etl.model.SqlModels;
import it.cabina.etl.pipeline.CabinaContext;
import it.cabina.etl.pipeline.Progress;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The semiannual aggregates (restituzione semestrale): one gold table per theme by semester, level and territory,
 * rebuilt whole each run (SQL in {@code model/aggregates/}) unless it reads exactly what it was last computed from
 * ({@link AggregateInputs}).
 */
public final class AggregateBuilder {
    public static final List<Table> TABLES = List.of(Tables.AGG_CASI, Tables.AGG_VALUTAZIONI, Tables.AGG_PROGETTI,
            Tables.AGG_DIMISSIONI, Tables.AGG_PRESTAZIONI, Tables.AGG_SPESA, Tables.AGG_UNITA, Tables.AGG_QUALITA,
            Tables.AGG_CONSEGNE);

    /** View {@code semestri}: the semesters shown, from January of {@code anno_dal} to the one holding the run date. */
    public static final String SEMESTRI_SQL = "select codice_semestre, anno, semestre, data_inizio, data_fine from dim_semester "
            + "where data_inizio >= make_date((select anno_dal from run_parameters), 1, 1) "
            + "and data_inizio <= (select as_of from run_parameters)";

    private final CabinaContext ctx;
    private final Progress progress;

    public AggregateBuilder(CabinaContext ctx, Progress progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /** The view {@code livelli}: each current Ambito with every territory it rolls up to (itself, ASST, ATS, region). */
    public static void registerLevels(CabinaContext ctx) {
        ctx.spark().sql(livelliSql(ctx.territory().regionCode())).createOrReplaceTempView("livelli");
    }

    /**
     * Writes every aggregate whose inputs changed since it was computed (the nightly).
     * @param firstYear the first year shown (semesters from its January to the one holding the run date)
     */
    public void build(LocalDate asOf, int firstYear) {
        build(asOf, firstYear, true);
    }

    /** Computes and writes every aggregate, whatever it was computed from (the benchmark measures the whole work). */
    public void rebuild(LocalDate asOf, int firstYear) {
        build(asOf, firstYear, false);
    }

    private void build(LocalDate asOf, int firstYear, boolean keepUnchanged) {
        SparkSession spark = ctx.spark();
        IndicatorViews.registerInputs(ctx, asOf, firstYear, asOf.getYear());
        ModelBuilder.registerSilverViews(ctx); // agg_qualita counts the AFAM rows loaded, by the territory they declare
        ctx.store().readOrEmpty(Tables.QUARANTINE, it.cabina.etl.quality.Quarantine.SCHEMA).createOrReplaceTempView("quarantine");
        spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(asOf), firstYear, asOf.getYear(), ctx.config().flussoDeadlineDays())),
                new StructType().add("as_of", DataTypes.DateType).add("anno_dal", DataTypes.IntegerType)
                        .add("anno_al", DataTypes.IntegerType).add("scadenza_flusso_giorni", DataTypes.IntegerType))
                .createOrReplaceTempView("run_parameters");
        spark.sql(SEMESTRI_SQL).createOrReplaceTempView("semestri");
        registerLevels(ctx);
        AggregateInputs aggregateInputs = new AggregateInputs(spark, ctx.store());
        List<Planned> toWrite = new ArrayList<>();
        for (Table t : TABLES) {
            String sql = SqlModels.read("aggregates", t.name());
            Optional<String> inputs = aggregateInputs.of(sql);
            if (keepUnchanged && inputs.isPresent() && inputs.equals(ctx.store().lastNote(t))) {
                progress.accept(String.format("  gold %-24s invariata (ingressi come al calcolo precedente)", t.name()));
                continue;
            }
            toWrite.add(new Planned(t, sql, inputs.orElse(null)));
        }
        // the aggregates do not read one another: written side by side, one's small jobs fill the gaps of another's
        List<Long> written = Concurrently.map(toWrite, Concurrently.SPARK_QUERIES, p -> {
            ctx.store().overwrite(p.table(), spark.sql(p.sql()), p.inputs());
            return ctx.store().rowsWrittenByLastCommit(p.table());
        });
        for (int i = 0; i < toWrite.size(); i++) {
            progress.count("righe", written.get(i));
            progress.accept(String.format("  gold %-24s %,9d righe", toWrite.get(i).table().name(), written.get(i)));
        }
    }

    /** An aggregate to write: its SQL and the note of its inputs (null when they cannot be stamped). */
    private record Planned(Table table, String sql, String inputs) {}

    /** View {@code livelli}: every current Ambito at its four levels (Ambito, ASST, ATS, Region). */
    public static String livelliSql(String regionCode) {
        return "select codice_ambito, 'AMBITO' as livello, codice_ambito as territorio from dim_ambito where corrente "
                + "union all select codice_ambito, 'ASST', codice_asst from dim_ambito where corrente and codice_asst is not null "
                + "union all select codice_ambito, 'ATS', codice_ats from dim_ambito where corrente and codice_ats is not null "
                + "union all select codice_ambito, 'REGIONE', '" + regionCode.replace("'", "") + "' from dim_ambito where corrente";
    }
}
