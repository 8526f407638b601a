package it.cabina.bench;

import it.cabina.etl.aggregates.AggregateBuilder;
import it.cabina.warehouse.tables.Tables;
import it.cabina.etl.indicators.IndicatorView;
import it.cabina.etl.indicators.IndicatorViews;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.model.SqlModels;
import it.cabina.warehouse.tables.Table;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SparkSqlToDuckDbTest {
    @Test
    void translatesTheSparkOnlyFunctions() {
        assertEquals("select unnest(generate_series(anno_dal, anno_al)) as anno",
                SparkSqlToDuckDb.translate("select explode(sequence(anno_dal, anno_al)) as anno"));
        assertEquals("select unnest(files) as f", SparkSqlToDuckDb.translate("select explode(files) as f"));
        assertEquals("date_trunc('month', c.data_apertura)::date and date '9999-12-31'",
                SparkSqlToDuckDb.translate("trunc(c.data_apertura, 'MM') and date'9999-12-31'"));
        assertEquals("cast(extracted_at as date) <= (d.data_fine + p.giorni)",
                SparkSqlToDuckDb.translate("to_date(extracted_at) <= date_add(d.data_fine, p.giorni)"));
        assertEquals("list_contains(servizi, 'SAD')", SparkSqlToDuckDb.translate("array_contains(servizi, 'SAD')"));
    }

    @Test
    void refusesWhatItCannotTranslate() {
        assertThrows(IllegalStateException.class, () -> SparkSqlToDuckDb.translate("select date_add(x, f(y))"));
    }

    @Test
    void translatesEveryModelTheBenchmarkRuns() {
        IndicatorViews views = IndicatorViews.load(CabinaConfig.load().home().resolve("conf/views"));
        for (IndicatorView v : views.all()) assertDoesNotThrow(() -> SparkSqlToDuckDb.translate(v.sql()), v.name());
        for (Table t : Tables.aggregates()) {
            assertDoesNotThrow(() -> SparkSqlToDuckDb.translate(SqlModels.read("aggregates", t.name())), t.name());
        }
        assertDoesNotThrow(() -> SparkSqlToDuckDb.translate(AggregateBuilder.SEMESTRI_SQL));
    }
}
