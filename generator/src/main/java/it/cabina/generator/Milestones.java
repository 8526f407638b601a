package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The plan's milestones of one Ambito ({@code traguardi.csv}, contract 1.2, extracts.md §9.4): six to twelve system
 * actions due between 2025 and 2027, from the milestone code list with their topic, and a few of the Ambito's own
 * ({@code ALTRO} with a {@code descrizione}). The Ambito records them when it moves to 1.2 (a few later, as the plan
 * is updated), then sends a new version at each change: some are reached on time, some late, some postponed (a later
 * {@code data_prevista}), some dropped ({@code NON_PIU_PREVISTO}), a few withdrawn as entered by mistake
 * ({@code ANNULLATO}); the others are still pending, or overdue, at the end. What happened before the Ambito recorded
 * a milestone is in its first version. {@code data_raggiungimento} is never after the version that carries it.
 */
final class Milestones {
    /** The topic of each milestone code (conf/codelists/traguardo.yaml, tema.yaml). */
    static final Map<String, String> TEMA = Map.ofEntries(
            Map.entry("PROTOCOLLO_DIMISSIONI", "DIMISSIONI_PROTETTE"),
            Map.entry("PROTOCOLLO_VALUTAZIONE_MD", "VALUTAZIONE_MULTIDIMENSIONALE"),
            Map.entry("PROTOCOLLO_PUA", "PUA"),
            Map.entry("PROTOCOLLO_MINORI_AG", "MINORI_AG"),
            Map.entry("PROTOCOLLO_VIOLENZA", "VIOLENZA"),
            Map.entry("ACCORDO_AGENZIA_CASA", "CASA"),
            Map.entry("STRUMENTO_VALUTAZIONE_UNICO", "VALUTAZIONE_MULTIDIMENSIONALE"),
            Map.entry("SCAMBIO_DATI_CSI", "SISTEMA_INFORMATIVO"),
            Map.entry("MAPPATURA_RISORSE", "SISTEMA_INFORMATIVO"),
            Map.entry("PIANO_LOCALE_GAP", "GAP"),
            Map.entry("CONVENZIONE_PRONTO_INTERVENTO", "PRONTO_INTERVENTO_SOCIALE"));
    private static final List<String> CODES = TEMA.keySet().stream().sorted().toList();
    /** The Ambiti's own milestones ({@code ALTRO}): description and topic. */
    private static final List<String[]> OWN = List.of(
            new String[]{"Regolamento unico di accesso ai servizi", "PUA"},
            new String[]{"Carta dei servizi dell'Ambito", "ALTRO"},
            new String[]{"Accordo con i Centri per l'impiego", "LAVORO"},
            new String[]{"Patto di collaborazione con il Terzo settore", "ALTRO"},
            new String[]{"Progetto di salute mentale di comunità", "SALUTE_MENTALE"},
            new String[]{"Piano per l'inclusione delle persone con disabilità", "DISABILITA"});
    private static final YearMonth FIRST_DUE = YearMonth.of(2025, 3);
    private static final int DUE_MONTHS = 34;

    private final CsiTimeline tl;
    private final Rand r;
    private final IdSequence ids;
    private final String ambitoCode;

    Milestones(CsiTimeline tl, Rand r, IdSequence ids, String ambitoCode) {
        this.tl = tl;
        this.r = r;
        this.ids = ids;
        this.ambitoCode = ambitoCode;
    }

    /** A change of a milestone at a time. */
    private record Event(LocalDateTime at, UnaryOperator<Row> change) {}

    /** The milestones and their versions, recorded from {@code recorded} on (the Ambito's move to 1.2). */
    void plan(LocalDateTime recorded) {
        int n = r.between(6, 12);
        int own = Math.max(n - CODES.size(), r.between(0, 2));
        List<String> codes = new ArrayList<>(CODES);
        List<String[]> owns = new ArrayList<>(OWN);
        for (int i = 0; i < n; i++) {
            Row row = i < n - own ? base(codes.remove(r.nextInt(codes.size()))) : own(owns.remove(r.nextInt(owns.size())));
            LocalDate due = FIRST_DUE.plusMonths(r.between(0, DUE_MONTHS - 1)).atEndOfMonth();
            row.set("data_prevista", Formats.date(due));
            LocalDateTime first = r.chance(0.8) ? recorded
                    : r.officeTime(r.date(recorded.toLocalDate().plusDays(30), tl.to.plusDays(30)));
            versions(row, first, story(due, first));
        }
    }

    /** A few milestones a sender still on 1.1 tries to send (a delivery the warehouse rejects), changed at {@code at}. */
    List<Row> draft(int n, LocalDateTime at) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Row row = base(r.pick(CODES)).set("data_prevista", Formats.date(FIRST_DUE.plusMonths(r.between(0, DUE_MONTHS - 1)).atEndOfMonth()));
            rows.add(row.set("aggiornato_il", Formats.timestamp(at)).set("stato_record", "ATTIVO"));
        }
        return rows;
    }

    private Row base(String code) {
        return new Row(Layout.TRAGUARDI).set("id_traguardo", ids.next(Layout.TRAGUARDI)).set("codice_ambito", ambitoCode)
                .set("codice_traguardo", code).set("tema", TEMA.get(code)).set("stato", "PREVISTO");
    }

    private Row own(String[] what) {
        return new Row(Layout.TRAGUARDI).set("id_traguardo", ids.next(Layout.TRAGUARDI)).set("codice_ambito", ambitoCode)
                .set("codice_traguardo", "ALTRO").set("descrizione", what[0]).set("tema", what[1]).set("stato", "PREVISTO");
    }

    /**
     * What happens to a milestone due on {@code due}: reached on time (35 %), late (20 %), postponed by three to nine
     * months and then reached or not (15 %), dropped (8 %), withdrawn as a mistake (3 %), else still pending.
     */
    private List<Event> story(LocalDate due, LocalDateTime recorded) {
        List<Event> events = new ArrayList<>();
        double u = r.nextDouble();
        if (u < 0.35) {
            reached(events, due.minusDays(r.between(0, 75)));
        } else if (u < 0.55) {
            reached(events, due.plusDays(r.between(10, 150)));
        } else if (u < 0.70) {
            LocalDate moved = YearMonth.from(due).plusMonths(r.between(3, 9)).atEndOfMonth();
            events.add(new Event(r.officeTime(due.minusDays(r.between(5, 40))), row -> row.set("data_prevista", Formats.date(moved))));
            double v = r.nextDouble();
            if (v < 0.5) reached(events, moved.minusDays(r.between(0, 60)));
            else if (v < 0.7) reached(events, moved.plusDays(r.between(10, 120)));
        } else if (u < 0.78) {
            events.add(new Event(r.officeTime(due.minusDays(r.between(0, 60))), row -> row.set("stato", "NON_PIU_PREVISTO")));
        } else if (u < 0.81) {
            events.add(new Event(r.officeTime(recorded.toLocalDate().plusDays(r.between(10, 200))),
                    row -> row.set("stato_record", "ANNULLATO")));
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** Reached on {@code day}, recorded some days later, with the act that records it (most of the time). */
    private void reached(List<Event> events, LocalDate day) {
        String atto = r.chance(0.7) ? r.pick("Delibera", "Determina", "Verbale") + " " + r.between(1, 120) + "/" + day.getYear() : "";
        events.add(new Event(r.officeTime(day.plusDays(r.between(0, 14))), row -> row.set("stato", "RAGGIUNTO")
                .set("data_raggiungimento", Formats.date(day)).set("atto", atto)));
    }

    /** The first version at {@code first} (earlier events folded into it), then one per later event up to {@code to}. */
    private void versions(Row row, LocalDateTime first, List<Event> events) {
        Row current = row;
        int i = 0;
        for (; i < events.size() && !events.get(i).at().isAfter(first); i++) current = events.get(i).change().apply(current.copy());
        if (!tl.emit(first, current)) return;
        for (; i < events.size(); i++) {
            current = events.get(i).change().apply(current.copy());
            if (!tl.emit(events.get(i).at(), current)) return;
        }
    }
}
