package it.cabina.warehouse.published;

/**
 * Small-cell protection of published figures: a count of persons from 1 to threshold-1 is shown as "&lt;threshold",
 * and a ratio whose denominator counts fewer persons than the threshold is withheld. Threshold 0 disables it.
 * Applied only when a report or the open export of the analysts is built; the warehouse keeps exact figures.
 */
public record SmallCells(int threshold) {

    /** What protection does to one published figure. */
    public enum Cell {
        /** Shown as it is. */
        SHOWN,
        /** A count of persons from 1 to threshold-1: shown as {@link #hiddenText()} (an empty cell in machine-readable data). */
        SMALL_COUNT,
        /** A ratio, share or mean over fewer persons than the threshold (or what would reveal it): not published (—). */
        WITHHELD
    }

    /** Whether this count of persons must not be shown as a number. */
    public boolean hides(Double count) {
        return threshold > 0 && count != null && count >= 1 && count < threshold;
    }

    /** The text shown instead of a hidden count. */
    public String hiddenText() {
        return "<" + threshold;
    }

    /** Whether a ratio over this count of persons must be withheld. */
    public boolean withholdsRatioOver(Double denominator) {
        return threshold > 0 && denominator != null && denominator > 0 && denominator < threshold;
    }

    /** The sentence every protected report prints under its heading. */
    public String note() {
        return threshold == 0 ? "Tutela dei piccoli numeri disattivata."
                : "Tutela dei piccoli numeri: i conteggi di persone tra 1 e " + (threshold - 1) + " sono indicati come "
                + hiddenText() + "; rapporti, quote e medie su meno di " + threshold + " persone non sono pubblicati (—).";
    }
}
