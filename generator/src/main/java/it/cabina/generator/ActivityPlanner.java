package it.cabina.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ambito's activities month by month: EEMM meetings, trainings for operators and caregivers, tables, job-centre
 * meetings, territorial groups (with the bodies involved) and the housing desk (openings, accesses, interviews,
 * eviction mediations). Planned meetings are first recorded as PREVISTA, then updated once held or cancelled.
 *
 * <p>Every activity has the plan's topic it serves ({@code tema}, written only in 1.2 deliveries), drawn from the
 * topics its type serves (a housing desk serves CASA, a trainings serves several). Once the Ambito sends contract
 * 1.2 (from the month after it moves) it also records the activity types of 1.2: working groups, awareness events,
 * co-design sessions, the UVM/EVM sessions every two or three months, and the monitoring meetings of the plan's
 * objectives, several a year on the topics the Ambito follows closely and seldom on the others.
 */
final class ActivityPlanner {

    /**
     * One kind of activity: monthly mean, duration (tenths of hour), participants, bodies, outcome shares, the topics
     * it serves with their weights, and whether it is a type of contract 1.2.
     */
    private record Kind(String tipo, double perMonth, int minTenths, int maxTenths, int minPart, int maxPart,
                        int minEnti, int maxEnti, double held, double cancelled, double minutes, boolean planned,
                        List<String> temi, double[] pesi, boolean since12) {}

    private static Kind kind(String tipo, double perMonth, int minTenths, int maxTenths, int minPart, int maxPart,
                             int minEnti, int maxEnti, double held, double cancelled, double minutes, boolean planned,
                             Object... temiAndWeights) {
        return kind(false, tipo, perMonth, minTenths, maxTenths, minPart, maxPart, minEnti, maxEnti, held, cancelled,
                minutes, planned, temiAndWeights);
    }

    private static Kind kind(boolean since12, String tipo, double perMonth, int minTenths, int maxTenths, int minPart,
                             int maxPart, int minEnti, int maxEnti, double held, double cancelled, double minutes,
                             boolean planned, Object... temiAndWeights) {
        List<String> temi = new ArrayList<>();
        double[] w = new double[temiAndWeights.length / 2];
        for (int i = 0; i < temiAndWeights.length; i += 2) {
            temi.add((String) temiAndWeights[i]);
            w[i / 2] = ((Number) temiAndWeights[i + 1]).doubleValue();
        }
        return new Kind(tipo, perMonth, minTenths, maxTenths, minPart, maxPart, minEnti, maxEnti, held, cancelled,
                minutes, planned, List.copyOf(temi), w, since12);
    }

    private static final List<Kind> KINDS = List.of(
            kind("EEMM_INCONTRO", 3, 15, 30, 3, 9, 2, 4, 0.85, 0.07, 0.8, true,
                    "VALUTAZIONE_MULTIDIMENSIONALE", 70, "PUA", 20, "LAVORO", 10),
            kind("FORMAZIONE_OPERATORI", 1, 20, 60, 8, 30, 1, 5, 0.70, 0.18, 0.5, true,
                    "DIMISSIONI_PROTETTE", 25, "VALUTAZIONE_MULTIDIMENSIONALE", 20, "PUA", 12, "SAD", 10, "PIPPI", 10,
                    "VIOLENZA", 10, "SISTEMA_INFORMATIVO", 8, "SALUTE_MENTALE", 5),
            kind("FORMAZIONE_CAREGIVER", 1, 20, 30, 6, 25, 1, 3, 0.80, 0.12, 0.4, true,
                    "SAD", 50, "DISABILITA", 30, "DIMISSIONI_PROTETTE", 20),
            kind("TAVOLO_OPERATIVO", 1, 15, 25, 5, 15, 3, 10, 0.90, 0.05, 0.9, true,
                    "PUA", 70, "SAD", 15, "DIMISSIONI_PROTETTE", 15),
            kind("INCONTRO_CPI", 1, 10, 20, 2, 6, 2, 2, 0.90, 0.05, 0.6, true, "LAVORO", 1),
            kind("GRUPPO_TERRITORIALE", 0.7, 20, 30, 6, 20, 3, 12, 0.90, 0.05, 0.8, true, "PIPPI", 1),
            kind("SPORTELLO_APERTURA", 9, 30, 45, 0, 12, 1, 1, 0.95, 0.05, 0, false, "CASA", 1),
            kind("SPORTELLO_ACCESSO", 18, 5, 10, 1, 2, 0, 0, 1.0, 0, 0, false, "CASA", 1),
            kind("COLLOQUIO_INQUILINO", 4, 5, 15, 1, 3, 0, 1, 0.95, 0.05, 0.3, false, "CASA", 1),
            kind("COLLOQUIO_PROPRIETARIO", 2.5, 5, 15, 1, 3, 0, 1, 0.95, 0.05, 0.3, false, "CASA", 1),
            kind("MEDIAZIONE_SFRATTO", 3, 10, 30, 2, 5, 1, 3, 0.90, 0.10, 0.7, false, "CASA", 1),
            kind(true, "TAVOLO_LAVORO", 0.8, 15, 30, 4, 14, 2, 8, 0.85, 0.08, 0.9, true,
                    "GAP", 20, "SALUTE_MENTALE", 20, "MINORI_AG", 15, "DISABILITA", 15, "VIOLENZA", 15,
                    "PRONTO_INTERVENTO_SOCIALE", 10, "SISTEMA_INFORMATIVO", 5),
            kind(true, "EVENTO_SENSIBILIZZAZIONE", 0.3, 20, 40, 20, 150, 1, 6, 0.90, 0.08, 0.2, true,
                    "VIOLENZA", 40, "GAP", 25, "SALUTE_MENTALE", 20, "DISABILITA", 15),
            kind(true, "COPROGETTAZIONE", 0.4, 20, 40, 4, 12, 2, 7, 0.85, 0.10, 0.9, true,
                    "CASA", 20, "LAVORO", 20, "DISABILITA", 20, "PRONTO_INTERVENTO_SOCIALE", 15, "MINORI_AG", 15,
                    "ALTRO", 10));
    private static final Kind SEDUTA_EVM = kind(true, "SEDUTA_EVM", 0, 20, 40, 4, 9, 2, 3, 0.90, 0.05, 0.9, true,
            "VALUTAZIONE_MULTIDIMENSIONALE", 1);
    /** The topics whose objectives an Ambito monitors (every topic of the plan but ALTRO). */
    private static final List<String> MONITORED = List.of("DIMISSIONI_PROTETTE", "VALUTAZIONE_MULTIDIMENSIONALE",
            "PUA", "SAD", "PIPPI", "CASA", "LAVORO", "MINORI_AG", "DISABILITA", "VIOLENZA", "GAP", "SALUTE_MENTALE",
            "PRONTO_INTERVENTO_SOCIALE", "SISTEMA_INFORMATIVO");

    private final CsiTimeline tl;
    private final Rand r;
    private final IdSequence ids;
    private final String ambitoCode;
    private final double factor;
    private final YearMonth firstMonth12;
    private final double[] ambitoBias = new double[KINDS.size()];

    /**
     * @param since12 the first day the Ambito sends contract 1.2 (null: never): the types of 1.2 start the month after
     */
    ActivityPlanner(CsiTimeline tl, Rand r, IdSequence ids, String ambitoCode, double factor, LocalDate since12) {
        this.tl = tl;
        this.r = r;
        this.ids = ids;
        this.ambitoCode = ambitoCode;
        this.factor = factor;
        this.firstMonth12 = since12 == null ? null : YearMonth.from(since12).plusMonths(1);
        for (int i = 0; i < ambitoBias.length; i++) ambitoBias[i] = r.between(0.6, 1.4);
    }

    void plan() {
        for (YearMonth m : tl.months) {
            for (int k = 0; k < KINDS.size(); k++) {
                Kind kind = KINDS.get(k);
                if (kind.since12() && !in12(m)) continue;
                double mean = kind.perMonth() * factor * ambitoBias[k] * (1 + 0.1 * tl.trend(m.atDay(1)));
                int n = r.poisson(mean);
                for (int i = 0; i < n; i++) activity(kind, m, r.weighted(kind.temi(), kind.pesi()));
            }
        }
        if (firstMonth12 == null || firstMonth12.isAfter(YearMonth.from(tl.to))) return;
        evmSessions();
        monitoringMeetings();
    }

    private boolean in12(YearMonth m) {
        return firstMonth12 != null && !m.isBefore(firstMonth12);
    }

    /** The UVM/EVM team meets every two or three months (an Ambito keeps its own pace). */
    private void evmSessions() {
        int minDays = r.between(50, 70), maxDays = minDays + r.between(20, 40);
        for (LocalDate d = firstMonth12.atDay(1).plusDays(r.between(0, 45)); !d.isAfter(tl.to); d = d.plusDays(r.between(minDays, maxDays))) {
            activity(SEDUTA_EVM, d, SEDUTA_EVM.temi().get(0));
        }
    }

    /**
     * Monitoring meetings per topic: about three a year on the topics the Ambito follows closely (a share of its
     * own), one or none on the others, so that some objectives are monitored twice a year and some are not.
     */
    private void monitoringMeetings() {
        Kind k = kind(true, "INCONTRO_MONITORAGGIO", 0, 15, 30, 4, 12, 2, 6, 0.85, 0.08, 0.9, true, "ALTRO", 1);
        double diligence = r.between(0.45, 0.95);
        for (String tema : MONITORED) {
            double perYear = r.chance(diligence) ? r.between(2.5, 4.5) : r.between(0, 1.2);
            for (YearMonth m : tl.months) {
                if (!in12(m)) continue;
                int n = r.poisson(perYear / 12 * Math.max(factor, 0.25));
                for (int i = 0; i < n; i++) activity(k, m, tema);
            }
        }
    }

    /** An activity on a day of month {@code m}. */
    private void activity(Kind k, YearMonth m, String tema) {
        LocalDate first = m.atDay(1).isBefore(tl.from) ? tl.from : m.atDay(1);
        LocalDate last = m.atEndOfMonth().isAfter(tl.to) ? tl.to : m.atEndOfMonth();
        if (!last.isBefore(first)) activity(k, r.date(first, last), tema);
    }

    private void activity(Kind k, LocalDate day, String tema) {
        double x = r.nextDouble();
        String stato = x < k.held() ? "SVOLTA" : x < k.held() + k.cancelled() ? "ANNULLATA" : "PREVISTA";
        int enti = r.between(k.minEnti(), k.maxEnti());
        Row row = new Row(Layout.ATTIVITA).set("id_attivita", ids.next(Layout.ATTIVITA)).set("codice_ambito", ambitoCode)
                .set("data", Formats.date(day)).set("tipo_attivita", k.tipo()).set("stato", "PREVISTA")
                .set("durata_ore", Formats.decimalPoint(r.between(k.minTenths(), k.maxTenths()) / 5 * 5 * 10L))
                .set("enti_coinvolti", enti).set("ets_coinvolti", enti == 0 ? 0 : r.between(0, Math.max(0, enti / 2)))
                .set("tema", tema);
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
