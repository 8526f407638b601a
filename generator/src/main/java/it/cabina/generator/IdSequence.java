package it.cabina.generator;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The record identifiers of one sender: a prefix per file and seven digits ({@code PIC0000123}). Numbers from
 * 9,000,000 up are never given to a record: they name records that do not exist.
 */
final class IdSequence {
    private static final Map<Layout, String> PREFIX = Map.of(
            Layout.PERSONE, "P", Layout.PRESE_IN_CARICO, "PIC", Layout.VALUTAZIONI, "VAL",
            Layout.PROGETTI, "PRG", Layout.DIMISSIONI_PROTETTE, "DIM", Layout.ATTIVITA, "ATT", Layout.TRAGUARDI, "TRG");
    private static final int UNKNOWN_FROM = 9_000_000;

    private final Map<Layout, Integer> next = new EnumMap<>(Layout.class);
    private int unknown = UNKNOWN_FROM;

    String next(Layout layout) {
        int n = next.merge(layout, 1, Integer::sum);
        if (n >= UNKNOWN_FROM) throw new IllegalStateException("too many " + layout + " records for one sender");
        return format(layout, n);
    }

    /** An identifier of that file that no record of the sender has. */
    String unknown(Layout layout) {
        return format(layout, ++unknown);
    }

    private static String format(Layout layout, int n) {
        return PREFIX.get(layout) + String.format(Locale.ROOT, "%07d", n);
    }
}
