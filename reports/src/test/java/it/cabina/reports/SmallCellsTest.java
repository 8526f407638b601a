package it.cabina.reports;

import it.cabina.warehouse.published.SmallCells;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallCellsTest {
    @Test
    void countsFromOneToBelowTheThresholdAreHidden() {
        SmallCells cells = new SmallCells(3);
        assertFalse(cells.hides(0.0), "zero is not a small cell");
        assertTrue(cells.hides(1.0));
        assertTrue(cells.hides(2.0));
        assertFalse(cells.hides(3.0));
        assertFalse(cells.hides(null));
        assertEquals("<3", cells.hiddenText());
        assertTrue(cells.note().contains("tra 1 e 2 sono indicati come <3"), cells.note());
    }

    @Test
    void ratiosOverFewPersonsAreWithheld() {
        SmallCells cells = new SmallCells(5);
        assertTrue(cells.withholdsRatioOver(4.0));
        assertFalse(cells.withholdsRatioOver(5.0));
        assertFalse(cells.withholdsRatioOver(0.0), "a zero denominator is not computable anyway, not a small cell");
        assertEquals("<5", cells.hiddenText());
    }

    @Test
    void thresholdZeroDisablesTheProtection() {
        SmallCells off = new SmallCells(0);
        assertFalse(off.hides(1.0));
        assertFalse(off.withholdsRatioOver(1.0));
        assertEquals("Tutela dei piccoli numeri disattivata.", off.note());
    }
}
