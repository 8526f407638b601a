package it.cabina.etl.model;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;

import static org.apache.spark.sql.functions.*;

/**
 * Type-2 history for a dimension rebuilt each run: a current row whose attributes changed (or that disappeared)
 * is closed on the run date and a new version opens on it; unchanged rows stay as they are, so a repeated run
 * changes nothing. On the first build versions are valid since {@link #SINCE_ALWAYS}.
 */
public final class Scd2 {
    public static final LocalDate SINCE_ALWAYS = LocalDate.of(1900, 1, 1);
    public static final String FROM = "valido_dal";
    public static final String TO = "valido_al";
    public static final String CURRENT = "corrente";

    private Scd2() {}

    /**
     * @param existing the dimension as stored (null on the first build)
     * @param incoming the current rows, without history columns
     */
    public static Dataset<Row> merge(Dataset<Row> existing, Dataset<Row> incoming, String key, LocalDate asOf) {
        String[] attrs = Arrays.stream(incoming.columns()).toArray(String[]::new);
        Column hash = sha2(concat_ws("|", Arrays.stream(attrs).map(a -> coalesce(col(a).cast("string"), lit("\u0000"))).toArray(Column[]::new)), 256);
        // Evaluated once: the branches below (kept, closed, opened) must all see the same incoming rows; a plan
        // re-evaluated per branch once kept and closed the same version at the same time.
        Dataset<Row> in = incoming.withColumn("_h", hash).localCheckpoint(true);
        if (existing == null) {
            return in.drop("_h").withColumn(FROM, lit(Date.valueOf(SINCE_ALWAYS))).withColumn(TO, lit(null).cast("date"))
                    .withColumn(CURRENT, lit(true));
        }
        Dataset<Row> old = existing.withColumn("_h", hash);
        Dataset<Row> closedBefore = old.filter(not(col(CURRENT)));
        Dataset<Row> current = old.filter(col(CURRENT));
        Dataset<Row> kept = current.join(in.select(col("_h")), "_h", "left_semi");
        Dataset<Row> closedNow = current.join(in.select(col("_h")), "_h", "left_anti")
                .withColumn(TO, lit(Date.valueOf(asOf))).withColumn(CURRENT, lit(false));
        Dataset<Row> opened = in.join(current.select(col("_h")), "_h", "left_anti")
                .withColumn(FROM, lit(Date.valueOf(asOf))).withColumn(TO, lit(null).cast("date")).withColumn(CURRENT, lit(true));
        String[] all = existing.columns();
        return closedBefore.select(cols(all)).unionByName(kept.select(cols(all)))
                .unionByName(closedNow.select(cols(all))).unionByName(opened.select(cols(all)))
                .orderBy(col(key), col(FROM));
    }

    private static Column[] cols(String[] names) {
        return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
