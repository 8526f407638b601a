package it.cabina.etl.model;

import it.cabina.warehouse.tables.Tables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Gold models are built several at a time: each must wait for exactly the gold tables its SQL reads. */
class GoldDependenciesTest {

    @Test
    void eachModelWaitsForTheGoldTablesItReads() {
        assertEquals(List.of(), ModelBuilder.goldReadBy(Tables.DIM_DATE));
        assertEquals(List.of(Tables.DIM_DATE), ModelBuilder.goldReadBy(Tables.DIM_SEMESTER));
        assertEquals(List.of(Tables.DIM_AMBITO), ModelBuilder.goldReadBy(Tables.DIM_TERRITORY), "through the Ambiti of the run");
        assertEquals(List.of(Tables.FACT_SERVICE_DELIVERY), ModelBuilder.goldReadBy(Tables.FACT_SERVICE_MONTH));
        assertEquals(List.of(Tables.FACT_SERVICE_MONTH), ModelBuilder.goldReadBy(Tables.DIM_PERSON));
        assertEquals(List.of(Tables.FACT_CASE), ModelBuilder.goldReadBy(Tables.FACT_ASSESSMENT));
        assertEquals(List.of(Tables.FACT_PROJECT), ModelBuilder.goldReadBy(Tables.FACT_PROJECT_SERVICE));
        assertEquals(List.of(Tables.DIM_DATE, Tables.DIM_UNIT), ModelBuilder.goldReadBy(Tables.FACT_UNIT_SNAPSHOT));
    }

    @Test
    void everyModelCanBeReadForNamesAndNoneReadsAGoldTableBuiltAfterIt() {
        for (var t : ModelBuilder.GOLD) {
            var names = SqlModels.namesRead(SqlModels.read("gold", t.name())).orElseThrow();
            for (var later : ModelBuilder.GOLD.subList(ModelBuilder.GOLD.indexOf(t), ModelBuilder.GOLD.size())) {
                assertFalse(names.contains(later.name()), t.name() + " reads " + later.name() + ", not built before it");
            }
        }
    }
}
