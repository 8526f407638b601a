package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Writes the monthly INCREMENTAL deliveries of one Ambito: for each month with changes, the files with rows (in the
 * order persone, prese_in_carico, valutazioni, progetti, dimissioni_protette, attivita), rows in
 * {@code aggiornato_il} order. Extracted on the month's last day (or {@code to}) late in the evening.
 */
final class CsiWriter {
    private final Landing landing;
    private final CsiTimeline tl;
    private final String sender;
    private final int ambitoIndex;
    private final boolean bom;

    CsiWriter(Landing landing, CsiTimeline tl, String sender, int ambitoIndex, boolean bom) {
        this.landing = landing;
        this.tl = tl;
        this.sender = sender;
        this.ambitoIndex = ambitoIndex;
        this.bom = bom;
    }

    /** Writes the deliveries; returns the delivery id of each delivery index written. */
    Map<Integer, String> write(IntPredicate zip, DefectInjector defects, DefectContext ctx) {
        List<CsiVersion> sorted = tl.versions.stream()
                .sorted(Comparator.comparingInt((CsiVersion v) -> v.delivery)
                        .thenComparingInt(v -> v.layout.ordinal())
                        .thenComparing(v -> v.at)
                        .thenComparingLong(v -> v.seq))
                .toList();
        Map<Integer, String> ids = new HashMap<>();
        int i = 0;
        while (i < sorted.size()) {
            int delivery = sorted.get(i).delivery;
            YearMonth month = tl.months.get(delivery);
            LocalDate first = month.atDay(1).isBefore(tl.from) ? tl.from : month.atDay(1);
            DeliveryWriter d = landing.open(Source.CSI, sender, extractedAt(month), first,
                    month.atEndOfMonth().isAfter(tl.to) ? tl.to : month.atEndOfMonth(), zip.test(delivery));
            while (i < sorted.size() && sorted.get(i).delivery == delivery) {
                Layout layout = sorted.get(i).layout;
                DataFileWriter w = d.file(layout, bom);
                while (i < sorted.size() && sorted.get(i).delivery == delivery && sorted.get(i).layout == layout) {
                    Row row = sorted.get(i).row;
                    w.write(row);
                    defects.afterRow(w, row, ctx);
                    i++;
                }
            }
            ids.put(delivery, d.finish().deliveryId());
        }
        return ids;
    }

    private ZonedDateTime extractedAt(YearMonth month) {
        LocalDate day = month.atEndOfMonth().isAfter(tl.to) ? tl.to : month.atEndOfMonth();
        return ZonedDateTime.of(day, LocalTime.of(23, (ambitoIndex * 7) % 50), Formats.ROME);
    }
}
