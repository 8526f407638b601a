package it.cabina.etl.model;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.testing.IndicatorFixture;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.ModelFolder;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The types of models.yaml are the types of the tables built (on the shared {@link IndicatorFixture} warehouse):
 * every stored gold table, the indicator values and every aggregate, column by column in the documented order. The
 * data dictionary, the analysts' datapackage.json and cabina.sql publish those types, so they must be true.
 */
class TableTypesTest {
    @Test
    void everyDocumentedTypeIsTheTypeOfTheTableBuilt() throws Exception {
        CabinaContext ctx = IndicatorFixture.shared();
        List<String> expected = new ArrayList<>(), actual = new ArrayList<>();
        int tables = 0;
        for (ModelFolder folder : List.of(Models.gold(), Models.aggregates())) {
            for (Model m : folder.models()) {
                if (m.isView()) continue;
                Table t = Table.gold(m.name());
                assertTrue(ctx.store().exists(t), m.name() + " is built by the fixture");
                for (Model.Column c : m.columns()) expected.add(m.name() + "." + c.name() + " " + c.type());
                for (StructField f : ctx.store().read(t).schema().fields()) actual.add(m.name() + "." + f.name() + " " + f.dataType().simpleString());
                tables++;
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), "models.yaml against the tables built");
        assertTrue(tables >= 25, tables + " tables");
    }
}
