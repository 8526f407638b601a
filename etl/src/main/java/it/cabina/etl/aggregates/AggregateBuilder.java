package it.cabina.etl.aggregates;

import it.cabina.etl.indicators.IndicatorViews;
import it.cabina.etl.model.ModelBuilder;
import it.cabina.etl.model.RunParameters;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.ModelFolder;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.model.SqlModels;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
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

    /**
     * Writes every aggregate whose inputs changed since it was computed (the nightly).
     * @return the aggregates rewritten
     */
    public List<Model> build(RunParameters params) {
        return build(params, true);
    }

    /** Computes and writes every aggregate, whatever it was computed from (the benchmark measures the whole work). */
    public List<Model> rebuild(RunParameters params) {
        return build(params, false);
    }

    private List<Model> build(RunParameters params, boolean keepUnchanged) {
        SparkSession spark = ctx.spark();
        IndicatorViews.registerInputs(ctx, params);
        ModelBuilder.registerSilverViews(ctx); // agg_qualita counts the AFAM rows loaded, by the territory they declare
        ctx.store().readOrEmpty(Tables.QUARANTINE, it.cabina.etl.quality.Quarantine.SCHEMA).createOrReplaceTempView("quarantine");
        spark.sql(SEMESTRI_SQL).createOrReplaceTempView("semestri");
        AggregateInputs aggregateInputs = new AggregateInputs(spark, ctx.store());
        ModelFolder aggregates = Models.aggregates();
        List<Planned> toWrite = new ArrayList<>();
        for (Model m : aggregates.models()) {
            Table t = Table.gold(m.name());
            String sql = aggregates.sql(m);
            Optional<String> inputs = aggregateInputs.of(sql);
            if (keepUnchanged && m.keep() == Model.Keep.WHEN_INPUTS_UNCHANGED && inputs.isPresent() && inputs.equals(ctx.store().lastNote(t))) {
                progress.accept(String.format("  gold %-24s invariata (ingressi come al calcolo precedente)", t.name()));
                continue;
            }
            toWrite.add(new Planned(m, t, sql, inputs.orElse(null)));
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
        return toWrite.stream().map(Planned::model).toList();
    }

    /** An aggregate to write: its SQL and the note of its inputs (null when they cannot be stamped). */
    private record Planned(Model model, Table table, String sql, String inputs) {}
}
