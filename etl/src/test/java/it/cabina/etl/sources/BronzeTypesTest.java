package it.cabina.etl.sources;

import it.cabina.etl.testing.SparkTestSession;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A bronze table of an earlier release (every decimal 28,10) takes the declared types when all its values fit, else stops. */
class BronzeTypesTest {
    static final StructType OLD = new StructType().add("riga", DataTypes.LongType)
            .add("quantita", DataTypes.createDecimalType(28, 10)).add("spesa_totale", DataTypes.createDecimalType(28, 10));
    static final StructType DECLARED = new StructType().add("riga", DataTypes.LongType)
            .add("quantita", DataTypes.createDecimalType(18, 4)).add("spesa_totale", DataTypes.createDecimalType(18, 2));

    @Test
    void oldDecimalsAreConvertedOnlyWhenEveryValueFits() throws Exception {
        SparkSession spark = SparkTestSession.get();
        DeltaStore store = new DeltaStore(spark, Files.createTempDirectory("cabina-bronze-types").toString());
        Table t = Table.bronze("FLUSSO", "prestazioni");
        store.overwrite(t, spark.createDataFrame(List.of(RowFactory.create(1L, new BigDecimal("10.5000000000"), new BigDecimal("200.0000000000")),
                RowFactory.create(2L, null, new BigDecimal("1234567890123456.5000000000"))), OLD));
        assertTrue(BronzeTypes.convert(store, t, DECLARED, line -> { }));
        assertEquals(DECLARED, store.read(t).schema());
        assertEquals(List.of(new BigDecimal("10.5000"), new BigDecimal("200.00")),
                List.of(store.read(t).orderBy("riga").first().get(1), store.read(t).orderBy("riga").first().get(2)));
        assertFalse(BronzeTypes.convert(store, t, DECLARED, line -> { }), "already converted");

        Table other = Table.bronze("CSI", "attivita");
        store.overwrite(other, spark.createDataFrame(List.of(RowFactory.create(1L, new BigDecimal("1.2345600000"), null)), OLD));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BronzeTypes.convert(store, other, DECLARED, line -> { }));
        assertTrue(e.getMessage().startsWith("csi_attivita.quantita: 1 valori non stanno esattamente nel nuovo tipo decimal(18,4)"), e.getMessage());
        assertEquals(OLD, store.read(other).schema(), "left as it was");
    }
}
