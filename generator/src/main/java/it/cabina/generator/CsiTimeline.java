package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one sender's CSI records over [from, to], each placed in the monthly delivery of its
 * {@code aggiornato_il}. Records changed before {@code from} (the backlog of cases already open) go to the first
 * delivery, as an initial load; changes after {@code to} have not happened yet and are not emitted.
 */
final class CsiTimeline {
    final LocalDate from;
    final LocalDate to;
    /** Oldest opening date of a backlog case. */
    final LocalDate backlogStart;
    final List<YearMonth> months = new ArrayList<>();
    final List<CsiVersion> versions = new ArrayList<>();
    private long seq;

    CsiTimeline(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.backlogStart = from.minusYears(3);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) months.add(m);
    }

    int lastDelivery() {
        return months.size() - 1;
    }

    /** The delivery index of a change made at that time. */
    int deliveryOf(LocalDateTime at) {
        if (at.toLocalDate().isBefore(from)) return 0;
        return (int) ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(at));
    }

    /** Records a version changed at {@code at}; a change after {@code to} is dropped. Returns whether it was kept. */
    boolean emit(LocalDateTime at, Row row) {
        if (at.toLocalDate().isAfter(to)) return false;
        add(row.layout(), at, row, deliveryOf(at));
        return true;
    }

    /** Adds a version to a given delivery (re-sends); the row is copied and stamped. */
    CsiVersion add(Layout layout, LocalDateTime at, Row row, int delivery) {
        Row r = row.copy().set("aggiornato_il", Formats.timestamp(at));
        if (r.get("stato_record").isEmpty()) r.set("stato_record", "ATTIVO");
        CsiVersion v = new CsiVersion(layout, r.key(), at, r, seq++, delivery);
        versions.add(v);
        return v;
    }

    /** 0 in the year of {@code from}, 1 the year after, …: lets shares grow over the years. */
    int trend(LocalDate day) {
        return Math.max(0, day.getYear() - from.getYear());
    }
}
