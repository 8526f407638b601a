package it.cabina.etl.quality;

import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.rules.Lineage;
import it.cabina.warehouse.quality.RuleCode;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.apache.spark.sql.functions.*;

/**
 * Rows set aside ({@code quality/quarantine}) and rows loaded with a warning ({@code quality/warnings}):
 * one row per problem with delivery, file, line, field, rule and the offending value (tax codes masked, birth dates
 * as the year). Rows of a source whose sender is not a territory (AFAM, sent by the Region) keep the Ambito and the
 * ASST they declare, so that data quality can be attributed to them (extracts.md §5).
 */
public final class Quarantine {
    public static final StructType SCHEMA = new StructType()
            .add("delivery_id", DataTypes.StringType).add("delivery_name", DataTypes.StringType)
            .add("source", DataTypes.StringType).add("sender", DataTypes.StringType)
            .add("file", DataTypes.StringType).add("line", DataTypes.LongType)
            .add("field", DataTypes.StringType).add("rule", DataTypes.StringType)
            .add("value", DataTypes.StringType).add("descrizione", DataTypes.StringType)
            .add("ambito_dichiarato", DataTypes.StringType).add("asst_dichiarata", DataTypes.StringType);

    private final DeltaStore store;

    private final Map<Table, Object> locks = new ConcurrentHashMap<>();

    public Quarantine(DeltaStore store) {
        this.store = store;
    }

    /**
     * Writes the violations and warnings of one file type. The flags say whether there is anything to write
     * (known from the counts), to save empty commits.
     */
    public void write(String source, SourceRules.FileRules file, Dataset<Row> checked, boolean anyViolation, boolean anyWarning) {
        if (anyViolation) {
            write(Tables.QUARANTINE, checked.filter(col(Issues.VIOLATION).isNotNull()), source, file, Issues.VIOLATION);
        }
        if (anyWarning) {
            Dataset<Row> warned = checked.filter(col(Issues.VIOLATION).isNull().and(size(col(Issues.WARNINGS)).gt(0)))
                    .withColumn("_warning", explode(col(Issues.WARNINGS)));
            write(Tables.WARNINGS, warned, source, file, "_warning");
        }
    }

    private void write(Table table, Dataset<Row> rows, String source, SourceRules.FileRules file, String issue) {
        Column descr = lit(null).cast("string");
        for (RuleCode c : RuleCode.values()) descr = when(col(issue + ".rule").equalTo(c.name()), lit(c.descrizione())).otherwise(descr);
        Dataset<Row> out = rows.select(
                col(Lineage.DELIVERY_ID).as("delivery_id"), col(Lineage.DELIVERY_NAME).as("delivery_name"),
                lit(source).as("source"), col(Lineage.SENDER).as("sender"), col(Lineage.FILE).as("file"),
                col(Lineage.LINE).as("line"), col(issue + ".field").as("field"), col(issue + ".rule").as("rule"),
                col(issue + ".value").as("value"), descr.as("descrizione"),
                declared(file, "ambito").as("ambito_dichiarato"), declared(file, "asst").as("asst_dichiarata"));
        // file types load side by side; the first append creates the table, and two creations at once would conflict
        synchronized (locks.computeIfAbsent(table, t -> new Object())) {
            store.append(table, out);
        }
    }

    /** The raw value of the field that declares this territory, null when the file has none. */
    private static Column declared(SourceRules.FileRules file, String territory) {
        SourceRules.FieldRule f = SourceRules.declaring(file, territory);
        return f == null ? lit(null).cast("string") : col(f.column()).cast("string");
    }

    /** The rows set aside. */
    public Dataset<Row> read() {
        return store.readOrEmpty(Tables.QUARANTINE, SCHEMA);
    }

    /** The warnings of rows loaded. */
    public Dataset<Row> warnings() {
        return store.readOrEmpty(Tables.WARNINGS, SCHEMA);
    }
}
