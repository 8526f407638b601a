package it.cabina.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the natural versions of a sender into the cases the warehouse must resolve: the backlog collapsed to one
 * version per record (an initial load), stale re-sends (a later delivery carrying an older version), ties (the same
 * {@code aggiornato_il} in a later delivery, or twice in one file, with other values) and withdrawals
 * ({@code stato_record}=ANNULLATO, only on records nothing else refers to).
 */
final class VersionScenarios {
    private final CsiTimeline tl;
    private final Rand r;
    private final List<String> comuni;
    private final List<ScenarioMark> marks;
    /** Records already given a scenario: one scenario per record keeps the expected outcome unambiguous. */
    private final Set<List<CsiVersion>> used = Collections.newSetFromMap(new IdentityHashMap<>());

    VersionScenarios(CsiTimeline tl, Rand r, List<String> comuni, List<ScenarioMark> marks) {
        this.tl = tl;
        this.r = r;
        this.comuni = comuni;
        this.marks = marks;
    }

    /** Applies all scenarios, after {@link #collapseBacklog}; {@code count} of each kind (at least one when possible). */
    void apply(int count, Set<String> referencedAssessments) {
        Map<String, List<CsiVersion>> byRecord = byRecord();
        if (marks.stream().noneMatch(m -> m.kind().equals(ScenarioMark.CORRECTION))) correction(byRecord);
        staleResends(byRecord, count);
        ties(byRecord, count);
        withdrawals(byRecord, count, referencedAssessments);
    }

    /** Versions changed before {@code from} travel in the first delivery: keep only the latest of each record. */
    void collapseBacklog() {
        Map<String, CsiVersion> latest = new HashMap<>();
        for (CsiVersion v : tl.versions) {
            if (!v.at.toLocalDate().isBefore(tl.from)) continue;
            latest.merge(v.layout + "/" + v.id, v, (a, b) -> b.at.isAfter(a.at) || b.at.equals(a.at) && b.seq > a.seq ? b : a);
        }
        tl.versions.removeIf(v -> v.at.toLocalDate().isBefore(tl.from) && latest.get(v.layout + "/" + v.id) != v);
        marks.removeIf(m -> m.version().at.toLocalDate().isBefore(tl.from));
    }

    private Map<String, List<CsiVersion>> byRecord() {
        Map<String, List<CsiVersion>> m = new LinkedHashMap<>();
        for (CsiVersion v : tl.versions) m.computeIfAbsent(v.layout + "/" + v.id, k -> new ArrayList<>()).add(v);
        m.values().forEach(list -> list.sort(Comparator.comparing((CsiVersion v) -> v.at).thenComparingLong(v -> v.seq)));
        return m;
    }

    /**
     * A residence corrected some days later, for an Ambito whose persons happened to need none: every sender has at
     * least one explicit correction.
     */
    private void correction(Map<String, List<CsiVersion>> byRecord) {
        if (comuni.size() < 2) return;
        List<List<CsiVersion>> persons = byRecord.values().stream()
                .filter(l -> l.size() == 1 && l.get(0).layout == Layout.PERSONE && l.get(0).delivery < tl.lastDelivery())
                .toList();
        for (List<CsiVersion> l : sample(persons, 1)) {
            CsiVersion v = l.get(0);
            String comune = v.row.get("comune_residenza");
            String other = comuni.stream().filter(c -> !c.equals(comune)).findFirst().orElseThrow();
            java.time.LocalDateTime at = r.officeTime(v.at.toLocalDate().plusDays(r.between(1, 20)));
            if (at.toLocalDate().isAfter(tl.to)) continue;
            CsiVersion c = tl.add(v.layout, at, v.row.copy().set("comune_residenza", other), tl.deliveryOf(at));
            l.add(c);
            marks.add(new ScenarioMark(ScenarioMark.CORRECTION, c, "comune_residenza=" + other));
        }
    }

    /** Re-sends the previous version of records whose latest version came in an earlier delivery. */
    private void staleResends(Map<String, List<CsiVersion>> byRecord, int count) {
        List<List<CsiVersion>> candidates = byRecord.values().stream()
                .filter(l -> l.size() >= 2)
                .filter(l -> l.get(l.size() - 1).layout != Layout.PERSONE)
                .filter(l -> l.get(l.size() - 2).delivery < l.get(l.size() - 1).delivery
                        && l.get(l.size() - 1).delivery < tl.lastDelivery())
                .toList();
        for (List<CsiVersion> l : sample(candidates, count)) {
            CsiVersion latest = l.get(l.size() - 1), older = l.get(l.size() - 2);
            int delivery = Math.min(tl.lastDelivery(), latest.delivery + r.between(1, 3));
            CsiVersion resent = tl.add(older.layout, older.at, older.row, delivery);
            marks.add(new ScenarioMark(ScenarioMark.STALE_RESEND, resent,
                    "the version of " + Formats.timestamp(latest.at) + " stays current"));
        }
    }

    /**
     * A person re-sent in a later delivery with the same {@code aggiornato_il} and another residence (the later
     * delivery wins), and an activity written twice in one file with the same {@code aggiornato_il} (the later line
     * wins).
     */
    private void ties(Map<String, List<CsiVersion>> byRecord, int count) {
        List<List<CsiVersion>> persons = byRecord.values().stream()
                .filter(l -> l.size() == 1 && l.get(0).layout == Layout.PERSONE && l.get(0).delivery < tl.lastDelivery())
                .toList();
        for (List<CsiVersion> l : sample(persons, count)) {
            CsiVersion v = l.get(0);
            String comune = v.row.get("comune_residenza");
            String other = comuni.stream().filter(c -> !c.equals(comune)).findFirst().orElse(null);
            Row changed = other != null ? v.row.copy().set("comune_residenza", other)
                    : v.row.copy().set("cittadinanza", v.row.get("cittadinanza").equals("ITA") ? "UE" : "ITA");
            int delivery = Math.min(tl.lastDelivery(), v.delivery + r.between(1, 2));
            CsiVersion tie = tl.add(v.layout, v.at, changed, delivery);
            marks.add(new ScenarioMark(ScenarioMark.TIE, tie, "the later delivery wins: "
                    + (other != null ? "comune_residenza=" + other : "cittadinanza=" + changed.get("cittadinanza"))));
        }
        List<List<CsiVersion>> activities = byRecord.values().stream()
                .filter(l -> l.size() == 1 && l.get(0).layout == Layout.ATTIVITA && l.get(0).row.get("stato").equals("SVOLTA"))
                .toList();
        for (List<CsiVersion> l : sample(activities, 1)) {
            CsiVersion v = l.get(0);
            int n = Integer.parseInt(v.row.get("partecipanti"));
            CsiVersion tie = tl.add(v.layout, v.at, v.row.copy().set("partecipanti", n + 1), v.delivery);
            marks.add(new ScenarioMark(ScenarioMark.TIE, tie, "the later line wins: partecipanti=" + (n + 1)));
        }
    }

    /** Withdraws activities, projects and unreferenced assessments some days after their latest version. */
    private void withdrawals(Map<String, List<CsiVersion>> byRecord, int count, Set<String> referencedAssessments) {
        List<List<CsiVersion>> candidates = byRecord.values().stream()
                .filter(l -> switch (l.get(0).layout) {
                    case ATTIVITA, PROGETTI -> true;
                    case VALUTAZIONI -> !referencedAssessments.contains(l.get(0).id);
                    default -> false;
                })
                .filter(l -> l.get(l.size() - 1).at.toLocalDate().plusDays(20).isBefore(tl.to))
                .toList();
        for (List<CsiVersion> l : sample(candidates, count)) {
            CsiVersion latest = l.get(l.size() - 1);
            LocalDate day = latest.at.toLocalDate().plusDays(r.between(1, 20));
            CsiVersion w = tl.add(latest.layout, r.officeTime(day),
                    latest.row.copy().set("stato_record", "ANNULLATO"), tl.deliveryOf(day.atStartOfDay()));
            marks.add(new ScenarioMark(ScenarioMark.WITHDRAWAL, w, "record withdrawn"));
        }
    }

    /** Up to {@code n} records not used by another scenario, drawn in a reproducible way. */
    private List<List<CsiVersion>> sample(List<List<CsiVersion>> from, int n) {
        List<List<CsiVersion>> pool = new ArrayList<>(from.stream().filter(l -> !used.contains(l)).toList());
        List<List<CsiVersion>> out = new ArrayList<>();
        while (out.size() < n && !pool.isEmpty()) out.add(pool.remove(r.nextInt(pool.size())));
        used.addAll(out);
        return out;
    }
}
