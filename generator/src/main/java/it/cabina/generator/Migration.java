package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region moving to contract 1.2 (extracts.md §9), deterministic from the seed: most Ambiti send 1.2 from a month
 * between July 2025 and January 2026, about a quarter stay on 1.1 until the first semester of 2026 is over (they move
 * between April and July 2026), and about one in seven stay on 1.1 to the end. From its first day of 1.2 an Ambito's
 * CSI and FLUSSO deliveries declare 1.2; before it they declare 1.1. About one in ten of the Ambiti that move (at
 * least one) leave the violence flag empty on a few of the cases they open under 1.2: unknown, as extracts.md §2
 * says of an empty value.
 *
 * <p>When an Ambito moves, its first 1.2 CSI delivery re-sends, as a real sender's migration does, its cases active
 * in the current year and its activities of the current year, whole, as a new version (a later
 * {@code aggiornato_il}) that carries the fields of 1.2: the indicators that need them become computable from that
 * year on.
 */
final class Migration {
    static final YearMonth EARLY_FROM = YearMonth.of(2025, 7);
    static final YearMonth EARLY_TO = YearMonth.of(2026, 1);
    static final YearMonth LATE_FROM = YearMonth.of(2026, 4);
    static final YearMonth LATE_TO = YearMonth.of(2026, 7);
    static final double LATE_SHARE = 0.25;
    static final double NEVER_SHARE = 0.15;
    static final double EMPTY_FLAG_SHARE = 0.10;

    private final Map<String, LocalDate> since12;
    private final Set<String> leaveFlagEmpty;

    private Migration(Map<String, LocalDate> since12, Set<String> leaveFlagEmpty) {
        this.since12 = since12;
        this.leaveFlagEmpty = leaveFlagEmpty;
    }

    /**
     * The plan for these Ambiti (codes). With three Ambiti or more, at least one stays on 1.1 and at least one moves
     * late; at least one moves early. A month before {@code from} means 1.2 from the first delivery.
     */
    static Migration plan(List<String> ambiti, long seed, LocalDate from) {
        List<String> order = new ArrayList<>(ambiti);
        Map<String, Double> key = new HashMap<>();
        for (String a : ambiti) key.put(a, Rand.derive(seed, "contract-1.2", a).nextDouble());
        order.sort(Comparator.comparing(key::get));
        int n = order.size();
        int never = n >= 3 ? Math.max(1, (int) Math.round(n * NEVER_SHARE)) : 0;
        int late = n >= 2 ? Math.max(1, (int) Math.round(n * LATE_SHARE)) : 0;
        Map<String, LocalDate> since = new HashMap<>();
        Set<String> empty = new HashSet<>();
        int sloppy = n > never ? Math.max(1, (int) Math.round((n - never) * EMPTY_FLAG_SHARE)) : 0;
        for (int i = never; i < n; i++) {
            String a = order.get(i);
            Rand r = Rand.derive(seed, "contract-1.2-month", a);
            YearMonth m = i < never + late ? month(r, LATE_FROM, LATE_TO) : month(r, EARLY_FROM, EARLY_TO);
            LocalDate first = m.atDay(1);
            since.put(a, first.isBefore(from) ? from : first);
            if (i >= n - sloppy) empty.add(a);
        }
        return new Migration(since, empty);
    }

    private static YearMonth month(Rand r, YearMonth from, YearMonth to) {
        return from.plusMonths(r.between(0, (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS)));
    }

    /** The first day the Ambito sends contract 1.2; null when it stays on 1.1. */
    LocalDate since12(String ambito) {
        return since12.get(ambito);
    }

    /** Whether the Ambito leaves the violence flag empty on a few of the cases it opens under 1.2. */
    boolean leavesFlagEmpty(String ambito) {
        return leaveFlagEmpty.contains(ambito);
    }

    /** The contract version of a delivery of the Ambito extracted on that day. */
    SpecVersion specOn(String ambito, LocalDate day) {
        LocalDate s = since12.get(ambito);
        return s != null && !day.isBefore(s) ? SpecVersion.V1_2 : SpecVersion.V1_1;
    }

    /**
     * Re-sends into the first 1.2 delivery (the one of {@code since12}'s month), at {@code at}, the latest version of
     * each case active in the current year and of each activity of the current year that the delivery does not
     * carry already. Withdrawn records are not re-sent. Nothing to do when 1.2 comes with the first delivery.
     */
    static void resend(CsiTimeline tl, LocalDate since12, LocalDateTime at) {
        if (since12 == null || since12.isAfter(tl.to)) return;
        int first = tl.deliveryOf(since12.atStartOfDay());
        if (first == 0) return;
        LocalDate yearStart = LocalDate.of(since12.getYear(), 1, 1);
        Map<String, CsiVersion> latest = new LinkedHashMap<>();
        Set<String> inFirst = new HashSet<>();
        for (CsiVersion v : tl.versions) {
            if (v.layout != Layout.PRESE_IN_CARICO && v.layout != Layout.ATTIVITA) continue;
            String k = v.layout + "/" + v.id;
            if (v.delivery == first) inFirst.add(k);
            if (v.delivery < first) {
                latest.merge(k, v, (a, b) -> b.at.isAfter(a.at) || b.at.equals(a.at) && b.seq > a.seq ? b : a);
            }
        }
        for (Map.Entry<String, CsiVersion> e : latest.entrySet()) {
            CsiVersion v = e.getValue();
            if (inFirst.contains(e.getKey()) || v.row.get("stato_record").equals("ANNULLATO")) continue;
            boolean current = v.layout == Layout.PRESE_IN_CARICO
                    ? v.row.get("data_chiusura").isEmpty() || !LocalDate.parse(v.row.get("data_chiusura")).isBefore(yearStart)
                    : LocalDate.parse(v.row.get("data")).getYear() == yearStart.getYear();
            if (current) tl.add(v.layout, at, v.row, first);
        }
    }
}
