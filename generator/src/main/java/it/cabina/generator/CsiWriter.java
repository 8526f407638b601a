package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Writes the monthly INCREMENTAL deliveries of one Ambito: for each month with changes, the files with rows (in the
 * order persone, prese_in_carico, valutazioni, progetti, dimissioni_protette, attivita, traguardi), rows in
 * {@code aggiornato_il} order. Extracted on the month's last day (or {@code to}) late in the evening. Deliveries from
 * the Ambito's first of contract 1.2 on declare 1.2 and carry its columns; the earlier ones declare 1.1.
 *
 * <p>Now and then, a few minutes after a delivery, the sender sends one that the warehouse rejects whole
 * ({@link DeliveryDefect}): while on 1.1, a delivery with {@code traguardi.csv} (drafts of its milestones); on 1.2,
 * the delivery's activities again from an export that lacks the {@code tema} column. Neither carries anything the
 * good deliveries do not.
 */
final class CsiWriter {
    private final Landing landing;
    private final CsiTimeline tl;
    private final String sender;
    private final int ambitoIndex;
    private final boolean bom;
    private final int first12;
    private final Set<String> laterTypes;

    /**
     * @param first12    index of the first delivery of contract 1.2 (beyond the last one: the Ambito stays on 1.1)
     * @param laterTypes the activity types of a later contract than 1.1, never in a valid row of a 1.1 delivery
     */
    CsiWriter(Landing landing, CsiTimeline tl, String sender, int ambitoIndex, boolean bom, int first12,
              Set<String> laterTypes) {
        this.landing = landing;
        this.tl = tl;
        this.sender = sender;
        this.ambitoIndex = ambitoIndex;
        this.bom = bom;
        this.first12 = first12;
        this.laterTypes = Set.copyOf(laterTypes);
    }

    /** Writes the deliveries; returns the delivery id of each delivery index written. */
    Map<Integer, String> write(IntPredicate zip, DefectInjector defects, DefectContext ctx, Milestones milestones) {
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
            SpecVersion spec = delivery >= first12 ? SpecVersion.V1_2 : SpecVersion.V1_1;
            ZonedDateTime extracted = extractedAt(month);
            LocalDate last = month.atEndOfMonth().isAfter(tl.to) ? tl.to : month.atEndOfMonth();
            DeliveryWriter d = landing.open(Source.CSI, sender, extracted, first, last, zip.test(delivery), spec);
            DefectContext here = ctx.in(spec, extracted.toLocalDate());
            List<Row> activities = new ArrayList<>();
            while (i < sorted.size() && sorted.get(i).delivery == delivery) {
                Layout layout = sorted.get(i).layout;
                DataFileWriter w = d.file(layout, bom);
                while (i < sorted.size() && sorted.get(i).delivery == delivery && sorted.get(i).layout == layout) {
                    Row row = sorted.get(i).row;
                    if (spec == SpecVersion.V1_1 && layout == Layout.ATTIVITA && laterTypes.contains(row.get("tipo_attivita"))) {
                        throw new IllegalStateException(sender + ": activity type " + row.get("tipo_attivita") + " in a 1.1 delivery");
                    }
                    w.write(row);
                    if (layout == Layout.ATTIVITA) activities.add(row);
                    defects.afterRow(w, row, here);
                    i++;
                }
            }
            ids.put(delivery, d.finish().deliveryId());
            if (spec == SpecVersion.V1_1 && defects.rejectDelivery(DeliveryDefect.MILESTONES_IN_1_1)) {
                DeliveryWriter bad = rejected(extracted, first, last, spec, DeliveryDefect.MILESTONES_IN_1_1);
                DataFileWriter w = bad.file(Layout.TRAGUARDI, bom, Layout.TRAGUARDI.columns());
                milestones.draft(2, extracted.toLocalDateTime().minusHours(3)).forEach(w::write);
                bad.finish();
            } else if (spec == SpecVersion.V1_2 && !activities.isEmpty() && defects.rejectDelivery(DeliveryDefect.MISSING_TEMA_COLUMN)) {
                DeliveryWriter bad = rejected(extracted, first, last, spec, DeliveryDefect.MISSING_TEMA_COLUMN);
                DataFileWriter w = bad.file(Layout.ATTIVITA, bom,
                        Layout.ATTIVITA.columns(spec).stream().filter(c -> !c.equals("tema")).toList());
                activities.forEach(w::write);
                bad.finish();
            }
        }
        return ids;
    }

    /** A delivery a few minutes after the one extracted at {@code extracted}, meant to be rejected whole. */
    private DeliveryWriter rejected(ZonedDateTime extracted, LocalDate from, LocalDate to, SpecVersion spec, DeliveryDefect why) {
        DeliveryWriter d = landing.open(Source.CSI, sender, extracted.plusMinutes(5), from, to, false, spec);
        d.rejectedFor(why);
        return d;
    }

    private ZonedDateTime extractedAt(YearMonth month) {
        LocalDate day = month.atEndOfMonth().isAfter(tl.to) ? tl.to : month.atEndOfMonth();
        return ZonedDateTime.of(day, LocalTime.of(23, (ambitoIndex * 7) % 50), Formats.ROME);
    }
}
