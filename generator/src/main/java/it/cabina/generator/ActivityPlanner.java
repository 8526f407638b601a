package it.cabina.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The Ambito's activities month by month: EEMM meetings, trainings for operators and caregivers, tables, job-centre
 * meetings, territorial groups (with the bodies involved) and the housing desk (openings, accesses, interviews,
 * eviction mediations). Planned meetings are first recorded as PREVISTA, then updated once held or cancelled.
 */
final class ActivityPlanner {

    /** One kind of activity: monthly mean, duration (tenths of hour), participants, bodies, outcome shares. */
    private record Kind(String tipo, double perMonth, int minTenths, int maxTenths, int minPart, int maxPart,
                        int minEnti, int maxEnti, double held, double cancelled, double minutes, boolean planned) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("EEMM_INCONTRO", 3, 15, 30, 3, 9, 2, 4, 0.85, 0.07, 0.8, true),
            new Kind("FORMAZIONE_OPERATORI", 1, 20, 60, 8, 30, 1, 5, 0.70, 0.18, 0.5, true),
            new Kind("FORMAZIONE_CAREGIVER", 1, 20, 30, 6, 25, 1, 3, 0.80, 0.12, 0.4, true),
            new Kind("TAVOLO_OPERATIVO", 1, 15, 25, 5, 15, 3, 10, 0.90, 0.05, 0.9, true),
            new Kind("INCONTRO_CPI", 1, 10, 20, 2, 6, 2, 2, 0.90, 0.05, 0.6, true),
            new Kind("GRUPPO_TERRITORIALE", 0.7, 20, 30, 6, 20, 3, 12, 0.90, 0.05, 0.8, true),
            new Kind("SPORTELLO_APERTURA", 9, 30, 45, 0, 12, 1, 1, 0.95, 0.05, 0, false),
            new Kind("SPORTELLO_ACCESSO", 18, 5, 10, 1, 2, 0, 0, 1.0, 0, 0, false),
            new Kind("COLLOQUIO_INQUILINO", 4, 5, 15, 1, 3, 0, 1, 0.95, 0.05, 0.3, false),
            new Kind("COLLOQUIO_PROPRIETARIO", 2.5, 5, 15, 1, 3, 0, 1, 0.95, 0.05, 0.3, false),
            new Kind("MEDIAZIONE_SFRATTO", 3, 10, 30, 2, 5, 1, 3, 0.90, 0.10, 0.7, false));

    private final CsiTimeline tl;
    private final Rand r;
    private final IdSequence ids;
    private final String ambitoCode;
    private final double factor;
    private final double[] ambitoBias = new double[KINDS.size()];

    ActivityPlanner(CsiTimeline tl, Rand r, IdSequence ids, String ambitoCode, double factor) {
        this.tl = tl;
        this.r = r;
        this.ids = ids;
        this.ambitoCode = ambitoCode;
        this.factor = factor;
        for (int i = 0; i < ambitoBias.length; i++) ambitoBias[i] = r.between(0.6, 1.4);
    }

    void plan() {
        for (YearMonth m : tl.months) {
            for (int k = 0; k < KINDS.size(); k++) {
                Kind kind = KINDS.get(k);
                double mean = kind.perMonth() * factor * ambitoBias[k] * (1 + 0.1 * tl.trend(m.atDay(1)));
                int n = r.poisson(mean);
                for (int i = 0; i < n; i++) activity(kind, m);
            }
        }
    }

    private void activity(Kind k, YearMonth m) {
        LocalDate first = m.atDay(1).isBefore(tl.from) ? tl.from : m.atDay(1);
        LocalDate last = m.atEndOfMonth().isAfter(tl.to) ? tl.to : m.atEndOfMonth();
        LocalDate day = r.date(first, last);
        double x = r.nextDouble();
        String stato = x < k.held() ? "SVOLTA" : x < k.held() + k.cancelled() ? "ANNULLATA" : "PREVISTA";
        int enti = r.between(k.minEnti(), k.maxEnti());
        Row row = new Row(Layout.ATTIVITA).set("id_attivita", ids.next(Layout.ATTIVITA)).set("codice_ambito", ambitoCode)
                .set("data", Formats.date(day)).set("tipo_attivita", k.tipo()).set("stato", "PREVISTA")
                .set("durata_ore", Formats.decimalPoint(r.between(k.minTenths(), k.maxTenths()) / 5 * 5 * 10L))
                .set("enti_coinvolti", enti).set("ets_coinvolti", enti == 0 ? 0 : r.between(0, Math.max(0, enti / 2)));
        if (k.planned()) {
            LocalDate planned = day.minusDays(r.between(5, 20));
            tl.emit(r.officeTime(planned.isBefore(tl.from) ? tl.from : planned), row);
            if (stato.equals("PREVISTA")) return;
        }
        Row done = row.copy().set("stato", stato)
                .set("partecipanti", stato.equals("SVOLTA") ? r.between(k.minPart(), k.maxPart()) : 0)
                .set("verbalizzata", Formats.flag(stato.equals("SVOLTA") && r.chance(k.minutes())));
        tl.emit(r.officeTime(day.plusDays(k.planned() ? r.between(0, 3) : 0)), done);
    }
}
