package it.cabina.etl.rules;

import it.cabina.etl.rules.Lineage;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The schema of a bronze (and silver) table, derived from the rules: lineage columns, then one typed column per field. */
public final class BronzeSchema {
    /** Every decimal field: 18 integer digits, 10 decimals (coordinates, hours, euro). */
    public static final org.apache.spark.sql.types.DecimalType DECIMAL = DataTypes.createDecimalType(28, 10);

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

    public static DataType type(SourceRules.FieldType t) {
        return switch (t) {
            case TEXT, TAX_CODE, CODE, COMUNE -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case INTEGER -> DataTypes.IntegerType;
            case DECIMAL -> DECIMAL;
            case FLAG -> DataTypes.BooleanType;
            case CODE_LIST -> new ArrayType(DataTypes.StringType, true);
        };
    }
}
