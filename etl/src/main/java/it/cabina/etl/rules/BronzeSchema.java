package it.cabina.etl.rules;

import it.cabina.etl.rules.Lineage;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/** The schema of a bronze (and silver) table, derived from the rules: lineage columns, then one typed column per field. */
public final class BronzeSchema {
    /**
     * Money ({@code type: money}): 18 digits, 2 of them decimals — euro and cents, up to 10^16 euro. 18 digits are
     * the most a Parquet INT64 holds, so every reader (DuckDB, pandas/pyarrow, R arrow, Spark) reads it as a plain
     * decimal, and Spark's sum of it is decimal(28,2).
     */
    public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
    /** Quantities ({@code type: quantity}: hours, accesses, meals, days): 18 digits, 4 of them decimals. */
    public static final DecimalType QUANTITY = DataTypes.createDecimalType(18, 4);

    private BronzeSchema() {}

    public static StructType of(SourceRules.FileRules file) {
        StructType s = new StructType()
                .add(Lineage.DELIVERY_ID, DataTypes.StringType).add(Lineage.DELIVERY_NAME, DataTypes.StringType)
                .add(Lineage.SENDER, DataTypes.StringType).add(Lineage.FILE, DataTypes.StringType)
                .add(Lineage.LINE, DataTypes.LongType).add(Lineage.EXTRACTED_AT, DataTypes.TimestampType)
                .add(Lineage.SPEC_VERSION, DataTypes.StringType);
        for (SourceRules.FieldRule f : file.fields()) {
            if (f.birthYear()) {
                s = s.add("anno_nascita", DataTypes.IntegerType).add("eta_alla_estrazione", DataTypes.IntegerType);
            } else {
                s = s.add(f.column(), type(f.type()));
            }
        }
        return s;
    }

    /** The decimal type of a money or quantity field; null for any other type. */
    public static DecimalType decimal(SourceRules.FieldType t) {
        return switch (t) {
            case MONEY -> MONEY;
            case QUANTITY -> QUANTITY;
            default -> null;
        };
    }

    public static DataType type(SourceRules.FieldType t) {
        return switch (t) {
            case TEXT, TAX_CODE, CODE, COMUNE -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case INTEGER -> DataTypes.IntegerType;
            case MONEY -> MONEY;
            case QUANTITY -> QUANTITY;
            case FLAG -> DataTypes.BooleanType;
            case CODE_LIST -> new ArrayType(DataTypes.StringType, true);
        };
    }
}
