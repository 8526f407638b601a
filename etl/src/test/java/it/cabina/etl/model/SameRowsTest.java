package it.cabina.etl.model;

import it.cabina.etl.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a small gold table may be kept instead of rewritten: only when the computed rows are exactly those stored. */
class SameRowsTest {
    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> rows(String values) {
        return spark.sql("select * from values " + values + " as t(codice, descrizione, ordine)");
    }

    @Test
    void theSameRowsInAnotherOrderAndColumnOrderAreTheSame() {
        Dataset<Row> stored = rows("('A', 'uno', 1), ('B', 'due', 2), ('B', 'due', 2)");
        Dataset<Row> computed = rows("('B', 'due', 2), ('A', 'uno', 1), ('B', 'due', 2)").select("ordine", "descrizione", "codice");
        assertTrue(ModelBuilder.sameRows(stored, computed));
    }

    @Test
    void aChangedValueAMissingOrRepeatedRowOrAnotherColumnIsADifference() {
        Dataset<Row> stored = rows("('A', 'uno', 1), ('B', 'due', 2)");
        assertFalse(ModelBuilder.sameRows(stored, rows("('A', 'uno', 1), ('B', 'DUE', 2)")), "changed value");
        assertFalse(ModelBuilder.sameRows(stored, rows("('A', 'uno', 1), (null, 'due', 2)")), "value gone");
        assertFalse(ModelBuilder.sameRows(stored, rows("('A', 'uno', 1)")), "row gone");
        assertFalse(ModelBuilder.sameRows(stored, rows("('A', 'uno', 1), ('B', 'due', 2), ('B', 'due', 2)")), "row repeated");
        assertFalse(ModelBuilder.sameRows(stored, rows("('A', 'uno', 1), ('B', 'due', 2)").withColumn("nuova", org.apache.spark.sql.functions.lit(1))),
                "column added");
        assertFalse(ModelBuilder.sameRows(stored, rows("('A', 'uno', 1), ('B', 'due', 2)").selectExpr("codice", "descrizione", "cast(ordine as bigint) as ordine")),
                "column type changed");
    }
}
