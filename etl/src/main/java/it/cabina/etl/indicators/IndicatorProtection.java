package it.cabina.etl.indicators;

import it.cabina.warehouse.published.SmallCells;
import it.cabina.warehouse.published.SmallCells.Cell;

import java.util.Locale;
import java.util.Set;

/**
 * Small-cell protection of one indicator value as it is published — in the cruscotto and in the open export of the
 * analysts alike: a side that counts persons (a {@code count(…)} over a view of {@code protezione.viste_persone} in
 * conf/reports.yaml) is hidden from 1 to threshold-1; a count's value goes with its numerator; a ratio over fewer
 * persons than the threshold is withheld, and so is its numerator unless that is a count (a sum would reveal it).
 */
public record IndicatorProtection(Cell numerator, Cell denominator, Cell value) {

    public static IndicatorProtection of(IndicatorCatalog.Indicator ind, Double num, Double den, SmallCells cells, Set<String> personViews) {
        boolean numPersons = countsPersons(ind.numeratore(), personViews);
        boolean denPersons = ind.denominatore() != null && countsPersons(ind.denominatore(), personViews);
        Cell numerator = numPersons && cells.hides(num) ? Cell.SMALL_COUNT : Cell.SHOWN;
        Cell denominator = denPersons && cells.hides(den) ? Cell.SMALL_COUNT : Cell.SHOWN;
        Cell value = Cell.SHOWN;
        if (ind.tipo() == IndicatorCatalog.Kind.CONTEGGIO && numerator == Cell.SMALL_COUNT) {
            value = Cell.SMALL_COUNT;
        } else if (ind.tipo().ratio() && denPersons && cells.withholdsRatioOver(den)) {
            value = Cell.WITHHELD;
            if (!isCount(ind.numeratore())) numerator = Cell.WITHHELD;
        }
        return new IndicatorProtection(numerator, denominator, value);
    }

    /** A side counts persons when it is a count over a view whose rows are persons or their records. */
    public static boolean countsPersons(IndicatorCatalog.Side side, Set<String> personViews) {
        return side.fromView() && personViews.contains(side.vista()) && isCount(side);
    }

    private static boolean isCount(IndicatorCatalog.Side side) {
        return side.misura() != null && side.misura().trim().toLowerCase(Locale.ROOT).startsWith("count(");
    }
}
