package it.cabina.reports.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers and dates as Italian readers write them (1.234,5; 31/03/2026) and the matching patterns for report cells. */
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

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A date (LocalDate, java.sql.Date) as dd/MM/yyyy; null stays null. */
    public static String date(Object d) {
        if (d == null) return null;
        java.time.LocalDate local = d instanceof java.sql.Date s ? s.toLocalDate() : d instanceof java.time.LocalDate l ? l
                : java.time.LocalDate.parse(String.valueOf(d));
        return DATE.format(local);
    }
}
