package it.cabina.etl.indicators;

import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/** Reads indicator values back: those of the latest run (or of a named run), filtered. */
public final class IndicatorResults {
    public static final String CSV_HEADER = "indicator,year,level,territory,numerator,denominator,value,status";

    private IndicatorResults() {}

    public record Filter(String runId, Integer year, String level, String territory) {}

    public static Dataset<Row> read(DeltaStore store, Filter f) {
        if (!store.exists(Tables.INDICATOR_VALUES)) {
            throw new IllegalStateException("nessun valore degli indicatori in " + store.root() + ": eseguire prima il nightly");
        }
        Dataset<Row> all = store.read(Tables.INDICATOR_VALUES);
        String run = f.runId() != null ? f.runId()
                : all.orderBy(col("calcolato_il").desc(), col("run_id").desc()).select("run_id").first().getString(0);
        Column cond = col("run_id").equalTo(run);
        if (f.year() != null) cond = cond.and(col("anno").equalTo(f.year()));
        if (f.level() != null) cond = cond.and(col("livello").equalTo(f.level().toUpperCase()));
        if (f.territory() != null) cond = cond.and(col("territorio").equalTo(f.territory()));
        return all.filter(cond).orderBy(col("indicatore"), col("anno"),
                when(col("livello").equalTo("AMBITO"), 1).when(col("livello").equalTo("ASST"), 2)
                        .when(col("livello").equalTo("ATS"), 3).otherwise(4), col("territorio"));
    }

    /** One CSV line in the documented layout: decimal point, empty cell for null, value unrounded. */
    public static String csv(Row r) {
        return String.join(",", List.of(r.<String>getAs("indicatore"), String.valueOf(r.<Integer>getAs("anno")),
                r.<String>getAs("livello"), r.<String>getAs("territorio"), number(r.getAs("numeratore")),
                number(r.getAs("denominatore")), number(r.getAs("valore")), r.<String>getAs("stato")));
    }

    /** A number in plain notation with all its digits ("33.333333333333336", "52", ""). */
    public static String number(Double d) {
        if (d == null) return "";
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
