package it.cabina.reports.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as Italian readers write them (1.234,5) and the matching patterns for report cells. */
public final class ItalianFormat {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ITALY);

    private ItalianFormat() {}

    /** A cell pattern with this many decimals; with {@code percent} the cell holds a fraction shown as %. */
    public static String pattern(int decimals, boolean percent) {
        return "#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "") + (percent ? "%" : "");
    }

    public static String format(double value, String pattern) {
        return new DecimalFormat(pattern, SYMBOLS).format(value);
    }
}
