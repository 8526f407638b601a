package it.cabina.etl.model;

import it.cabina.etl.context.CabinaContext;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The one-row view {@code run_parameters}: the values of a run that the gold models, the indicator views, the aggregates
 * and the report queries read by name (never pasted into SQL text).
 * <ul>
 *   <li>{@code as_of}: the run's reference date;</li>
 *   <li>{@code anno_dal}, {@code anno_al}: the years computed — from the year before the triennium (so that its first
 *       year has a previous value) to the year holding the run date, within the triennium;</li>
 *   <li>{@code triennio_dal}, {@code triennio_al}: the triennium of the plan;</li>
 *   <li>{@code scadenza_flusso_giorni}: days after a semester's end within which its FLUSSO is on time;</li>
 *   <li>{@code codice_regione}: the Region's code.</li>
 * </ul>
 */
public record RunParameters(LocalDate asOf, int trienniumFrom, int trienniumTo, int flussoDeadlineDays, String regionCode) {
    public static final String VIEW = "run_parameters";

    public static RunParameters of(CabinaContext ctx, LocalDate asOf, int trienniumFrom, int trienniumTo) {
        return new RunParameters(asOf, trienniumFrom, trienniumTo, ctx.config().flussoDeadlineDays(), ctx.territory().regionCode());
    }

    /** The first year computed: the one before the triennium. */
    public int firstYear() {
        return trienniumFrom - 1;
    }

    /** The last year computed: the one holding the run date, within the triennium (later years are not computed). */
    public int lastYear() {
        return Math.max(firstYear(), Math.min(trienniumTo, asOf.getYear()));
    }

    public void register(SparkSession spark) {
        spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(asOf), firstYear(), lastYear(), trienniumFrom, trienniumTo,
                        flussoDeadlineDays, regionCode)),
                new StructType().add("as_of", DataTypes.DateType).add("anno_dal", DataTypes.IntegerType)
                        .add("anno_al", DataTypes.IntegerType).add("triennio_dal", DataTypes.IntegerType)
                        .add("triennio_al", DataTypes.IntegerType).add("scadenza_flusso_giorni", DataTypes.IntegerType)
                        .add("codice_regione", DataTypes.StringType))
                .createOrReplaceTempView(VIEW);
    }
}
