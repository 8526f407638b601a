package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Value formats of extracts.md. */
final class Formats {
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** CSI timestamps ({@code aggiornato_il}): ISO-8601 local date-time, seconds always written. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** The date format of FLUSSO (and a typical wrong format in CSI). */
    static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private Formats() {}

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String timestamp(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }

    static String flag(boolean b) {
        return b ? "S" : "N";
    }

    /** Hundredths as a decimal with a point, trailing zeros dropped ({@code 150 -> "1.5"}). */
    static String decimalPoint(long hundredths) {
        return decimal(hundredths, '.', false);
    }

    /** Hundredths as a decimal with a comma and no thousands separator, always two decimals ({@code "1234,50"}). */
    static String euro(long cents) {
        return decimal(cents, ',', true);
    }

    /** Hundredths as a decimal with a comma, trailing zeros dropped ({@code 1250 -> "12,5"}). */
    static String quantity(long hundredths) {
        return decimal(hundredths, ',', false);
    }

    /** Parses a value written by {@link #euro} or {@link #quantity} back to hundredths. */
    static long parseHundredths(String s) {
        String[] parts = s.split(",", -1);
        long whole = Long.parseLong(parts[0]);
        long frac = parts.length > 1 ? Long.parseLong((parts[1] + "00").substring(0, 2)) : 0;
        return whole < 0 || parts[0].startsWith("-") ? whole * 100 - frac : whole * 100 + frac;
    }

    private static String decimal(long hundredths, char sep, boolean twoDecimals) {
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long whole = abs / 100, frac = abs % 100;
        if (twoDecimals) return sign + whole + sep + String.format(Locale.ROOT, "%02d", frac);
        if (frac == 0) return sign + whole;
        return sign + whole + sep + (frac % 10 == 0 ? String.valueOf(frac / 10) : String.format(Locale.ROOT, "%02d", frac));
    }
}
