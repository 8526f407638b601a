package it.cabina.etl.quality;

import it.cabina.warehouse.quality.RuleCode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.*;

/**
 * The problems of a row as the loader carries them, as columns: the first rule it breaks ({@link #VIOLATION}: a
 * struct of field, rule and value shown, or null) and its warnings ({@link #WARNINGS}: an array of such structs).
 * The quarantine and the warnings tables are written from them.
 */
public final class Issues {
    public static final String VIOLATION = "_violation";
    /** The warnings of a row: it still loads, the warnings are counted and kept. */
    public static final String WARNINGS = "_warnings";
    public static final StructType TYPE = new StructType()
            .add("field", DataTypes.StringType).add("rule", DataTypes.StringType).add("value", DataTypes.StringType);

    private Issues() {}

    public static Column violation(Column field, RuleCode rule, Column value) {
        return issue(field, rule.name(), value);
    }

    /** A (field, rule, value) struct. */
    public static Column issue(Column field, String rule, Column value) {
        return struct(field.as("field"), lit(rule).as("rule"), value.cast("string").as("value"));
    }

    /** An empty warnings array. */
    public static Column noWarnings() {
        return array().cast(DataTypes.createArrayType(TYPE));
    }

    /** The warnings with one more, when {@code warningOrNull} is not null. */
    public static Column withWarning(Column warnings, Column warningOrNull) {
        return nonNull(concat(warnings, array(warningOrNull)));
    }

    /** The array without its null items. */
    public static Column nonNull(Column array) {
        return filter(array, x -> x.isNotNull());
    }
}
