package it.cabina.etl.indicators;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.model.RunParameters;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The indicator values of one run of a test warehouse, by indicator, year and territory, with the checks every
 * indicator test makes: a cell's figures, the view keys, and the optimised sides against the sides on rows.
 */
final class IndicatorCells {
    private final Map<String, Row> byCell = new HashMap<>();

    /** @param runId null: the latest run */
    IndicatorCells(CabinaContext ctx, String runId) {
        this(IndicatorResults.read(ctx.store(), new IndicatorResults.Filter(runId, null, null, null)).collectAsList());
    }

    /** The values of one run, as read from {@code indicator_values}. */
    IndicatorCells(List<Row> values) {
        for (Row r : values) {
            byCell.put(r.<String>getAs("indicatore") + " " + r.<Integer>getAs("anno") + " " + r.<String>getAs("territorio"), r);
        }
    }

    int size() {
        return byCell.size();
    }

    Row get(String indicator, int year, String territory) {
        return byCell.get(indicator + " " + year + " " + territory);
    }

    /** Asserts numerator, denominator (null for counts), value and status of one cell. */
    Row check(String indicator, int year, String territory, Double num, Double den, Double value, String status) {
        Row r = get(indicator, year, territory);
        String where = indicator + " " + year + " " + territory;
        assertNotNull(r, "no value for " + where);
        assertEquals(status, r.getAs("stato"), where + " status");
        assertClose(num, r.getAs("numeratore"), where + " numerator");
        assertClose(den, r.getAs("denominatore"), where + " denominator");
        assertClose(value, r.getAs("valore"), where + " value");
        return r;
    }

    static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) assertNull(actual, what);
        else {
            assertNotNull(actual, what);
            assertEquals(expected, actual, 1e-9, what);
        }
    }

    /**
     * Each view's row key is unique within a year and its Ambito keys start with the Ambito that sent the row; every view
     * but {@code mayBeEmpty} has rows, so that the check means something.
     */
    static void viewKeysHold(CabinaContext ctx, LocalDate asOf, Set<String> mayBeEmpty) {
        IndicatorCatalog catalog = materialisedViews(ctx, asOf);
        for (IndicatorView v : catalog.views().all()) {
            String view = v.name();
            if (!mayBeEmpty.contains(view)) assertTrue(ctx.spark().table(view).count() > 0, view + " has rows in the fixture");
            if (v.key() != null) {
                Row r = ctx.spark().sql("select count(*), count(distinct " + v.key() + ", anno) from " + view).first();
                assertEquals(r.getLong(0), r.getLong(1), view + ": " + v.key() + " missing or repeated within a year");
            }
            for (String key : v.ambitoKeys()) {
                Row r = ctx.spark().sql("select count_if(not startswith(" + key + ", concat(codice_ambito, ':'))) from " + view).first();
                assertEquals(0L, r.getLong(0), view + ": " + key + " not prefixed by its codice_ambito");
            }
        }
    }

    /**
     * The sides computed per Ambito and by distinct values equal the sides evaluated on the rows of each level (a side
     * with no row in a cell and a side whose rows give 0 both count as 0); returns how many parts were compared.
     */
    static int optimisedSidesEqualSidesOnRows(CabinaContext ctx, LocalDate asOf) {
        IndicatorCatalog catalog = materialisedViews(ctx, asOf);
        List<String> optimised = nonZeroParts(ctx, IndicatorEngine.partsSql(catalog, true));
        assertEquals(nonZeroParts(ctx, IndicatorEngine.partsSql(catalog, false)), optimised);
        return optimised.size();
    }

    /**
     * The catalogue, with its views (and the roll-up of territories) registered as of a run date, each computed once and
     * kept: the checks above run hundreds of queries over the same views (the sides on rows one per part), which would
     * otherwise each compute them again from the gold tables.
     */
    private static IndicatorCatalog materialisedViews(CabinaContext ctx, LocalDate asOf) {
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
        catalog.views().register(ctx, RunParameters.of(ctx, asOf, catalog.triennio().dal(), catalog.triennio().al()));
        List<String> read = new java.util.ArrayList<>(List.of(IndicatorViews.LEVELS));
        catalog.views().all().forEach(v -> read.add(v.name()));
        for (String view : read) ctx.spark().table(view).localCheckpoint().createOrReplaceTempView(view);
        return catalog;
    }

    private static List<String> nonZeroParts(CabinaContext ctx, String sql) {
        return ctx.spark().sql(sql).collectAsList().stream().filter(r -> !r.isNullAt(4) && r.getDouble(4) != 0.0)
                .map(Row::toString).sorted().toList();
    }
}
