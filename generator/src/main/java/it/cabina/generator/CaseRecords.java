package it.cabina.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the records hanging from a case onto the sender's timeline: assessments, projects (with the FLUSSO
 * services they give rise to) and protected discharges, each with the versions a sender's system produces (a need
 * level corrected, a plan made integrated, a project closed, a discharge completed).
 */
final class CaseRecords {
    private static final Map<String, String> SERVICE_TO_PRESTAZIONE = Map.of("SAD", "SAD", "PASTI", "PASTI",
            "TELESOCCORSO", "TELESOCCORSO", "CDI", "CDI", "CSE", "CSE", "SFA", "SFA",
            "EDUCATIVA_DOMICILIARE", "EDUCATIVA_DOMICILIARE", "TRASPORTO", "TRASPORTO");
    private static final List<String> SERVICES = List.of("SAD", "ADI", "PASTI", "TELESOCCORSO", "CDI", "CSE", "SFA",
            "EDUCATIVA_DOMICILIARE", "TRASPORTO", "ALTRO");
    private static final List<String> FIGURES = List.of("AS_AMBITO", "AS_COMUNE", "MMG", "PLS", "IFEC",
            "MEDICO_ASST", "PSICOLOGO", "EDUCATORE", "NPI", "INFERMIERE", "ALTRO");

    /** A case as opened: what its assessments and projects must respect. */
    record CaseInfo(String id, Area area, LocalDate open, LocalDate close, boolean viaDischarge) {
        boolean fits(LocalDate d, LocalDate to) {
            return !d.isBefore(open) && (close == null || !d.isAfter(close)) && !d.isAfter(to);
        }
    }

    private final CsiTimeline tl;
    private final Rand r;
    private final IdSequence ids;
    private final List<String> comuni;
    private final List<String> hospitals;
    private final List<ScenarioMark> marks;
    /** Assessments named by a project's {@code id_valutazione} (never withdrawn). */
    final Set<String> referencedAssessments = new HashSet<>();
    /** The services of the projects, as the FLUSSO will report them. */
    final List<ServiceSpan> spans = new ArrayList<>();

    CaseRecords(CsiTimeline tl, Rand r, IdSequence ids, List<String> comuni, List<String> hospitals,
                List<ScenarioMark> marks) {
        this.tl = tl;
        this.r = r;
        this.ids = ids;
        this.comuni = comuni;
        this.hospitals = hospitals;
        this.marks = marks;
    }

    String esito(double project) {
        return r.chance(project) ? "PROGETTO" : r.pick("IN_CORSO", "INVIO_ALTRO_SERVIZIO", "NESSUN_INTERVENTO");
    }

    /** An assessment on day {@code d} of the case, or null when that day is outside the case or after {@code to}. */
    String assess(CaseInfo c, LocalDate d, String tipo, String strumento, String figures, String bisogno,
                  String nonAuto, String misura, String esito, String obiettivo, double joint) {
        if (!c.fits(d, tl.to)) return null;
        String id = ids.next(Layout.VALUTAZIONI);
        int trend = tl.trend(d);
        boolean shareable = strumento.equals("SVAMA") || strumento.equals("SVAMDI")
                || strumento.equals("SCHEDA_UNICA_DISTRETTO") || strumento.equals("MULTIDIMENSIONALE_PIPPI");
        Row row = new Row(Layout.VALUTAZIONI).set("id_valutazione", id).set("id_presa_in_carico", c.id())
                .set("data_valutazione", Formats.date(d)).set("tipo_valutazione", tipo).set("strumento", strumento)
                .set("strumento_condiviso", strumento.isEmpty() ? "" : Formats.flag(shareable && r.chance(0.45 + 0.15 * trend)))
                .set("congiunta_asst", Formats.flag(r.chance(Math.min(1, joint + 0.05 * trend))))
                .set("figure_professionali", figures).set("bisogno_assistenziale", bisogno)
                .set("non_autosufficiente", nonAuto).set("misura", misura).set("esito", esito)
                .set("obiettivo_raggiunto", obiettivo);
        tl.emit(r.officeTime(d), row);
        if (bisogno.equals("MEDIO") && r.chance(0.05)) {
            LocalDate fix = d.plusDays(r.between(1, 20));
            if (tl.emit(r.officeTime(fix), row.copy().set("bisogno_assistenziale", "ALTO"))) {
                marks.add(new ScenarioMark(ScenarioMark.CORRECTION, last(), "bisogno_assistenziale=ALTO"));
            }
        }
        return id;
    }

    boolean project(CaseInfo c, Person p, String assessmentId, String tipo, LocalDate start,
                    List<String> services, boolean integrated, boolean withDischarge) {
        return project(c, p, assessmentId, tipo, start, services, integrated, withDischarge, null);
    }

    /** A project starting on {@code start} (skipped when outside the case); closes with the case or on {@code end}. */
    boolean project(CaseInfo c, Person p, String assessmentId, String tipo, LocalDate start,
                    List<String> services, boolean integrated, boolean withDischarge, LocalDate end) {
        if (!c.fits(start, tl.to)) return false;
        String id = ids.next(Layout.PROGETTI);
        if (assessmentId != null) referencedAssessments.add(assessmentId);
        LocalDate close = end;
        if (c.close() != null) {
            LocalDate withCase = c.close().minusDays(r.between(0, 10));
            close = withCase.isBefore(start) ? start : withCase;
            if (end != null && end.isBefore(close)) close = end.isBefore(start) ? start : end;
        } else if (close == null && r.chance(0.2)) {
            close = start.plusDays(r.between(90, 400));
        }
        if (close != null && close.isAfter(tl.to)) close = null;
        Row row = new Row(Layout.PROGETTI).set("id_progetto", id).set("id_presa_in_carico", c.id())
                .set("id_valutazione", assessmentId).set("tipo_progetto", tipo).set("data_avvio", Formats.date(start))
                .set("data_fine_prevista", Formats.date(start.plusMonths(r.chance(0.5) ? 6 : 12)))
                .set("piano_unico_integrato", Formats.flag(integrated)).set("servizi", String.join("|", services))
                .set("comprende_dimissione_protetta", Formats.flag(withDischarge));
        tl.emit(r.officeTime(start), row);
        if (!integrated && services.contains("SAD") && r.chance(0.1)) {
            LocalDate d = start.plusDays(r.between(30, 120));
            if (close == null || d.isBefore(close)) {
                row = row.copy().set("piano_unico_integrato", "S");
                tl.emit(r.officeTime(d), row);
            }
        }
        if (close != null) tl.emit(r.officeTime(close), row.copy().set("data_chiusura", Formats.date(close)));
        if (!r.chance(0.12)) {
            LocalDate spanEnd = close != null ? close : tl.to.plusYears(5);
            for (String s : services) {
                String prestazione = SERVICE_TO_PRESTAZIONE.get(s);
                if (prestazione != null) spans.add(new ServiceSpan(p.taxCode(), r.pick(comuni), prestazione, start, spanEnd, ""));
            }
        }
        return true;
    }

    /**
     * A protected discharge signalled on {@code segnalazione}; with a case, the completed version names it and is
     * not sent before the case opened.
     */
    void discharge(String pid, String caseId, LocalDate segnalazione, LocalDate caseOpen, boolean homeless) {
        String id = ids.next(Layout.DIMISSIONI_PROTETTE);
        boolean withCase = caseId != null;
        int trend = tl.trend(segnalazione);
        LocalDate ready = segnalazione.plusDays(r.between(1, 6));
        String dest = r.weighted(List.of("DOMICILIO", "STRUTTURA_RESIDENZIALE", "ALTRO"),
                withCase ? new double[]{75, 18, 7} : new double[]{55, 35, 10});
        int wait = switch (dest) {
            case "DOMICILIO" -> Math.max(0, r.between(1, 9) - trend);
            case "STRUTTURA_RESIDENZIALE" -> Math.max(1, r.between(5, 30) - 2 * trend);
            default -> r.between(0, 12);
        };
        LocalDate out = ready.plusDays(wait);
        boolean need = r.chance(withCase ? 0.95 : 0.45);
        Row row = new Row(Layout.DIMISSIONI_PROTETTE).set("id_dimissione", id).set("id_persona", pid)
                .set("presidio", r.pick(hospitals)).set("data_segnalazione", Formats.date(segnalazione))
                .set("destinazione", dest).set("bisogno_servizi_sociali", Formats.flag(need))
                .set("necessita_sad", Formats.flag(dest.equals("DOMICILIO") && r.chance(withCase ? 0.8 : 0.3)))
                .set("integrazione_informativa", Formats.flag(r.chance(0.35 + 0.15 * trend)))
                .set("senza_dimora", Formats.flag(homeless));
        tl.emit(r.officeTime(segnalazione), row);
        Row done = row.copy().set("id_presa_in_carico", caseId).set("data_dimissibilita", Formats.date(ready))
                .set("data_dimissione", Formats.date(out))
                .set("servizi_attivati", Formats.flag(need && r.chance(withCase ? 0.85 : 0.25)));
        LocalDate sent = out.isBefore(caseOpen) ? caseOpen : out;
        tl.emit(r.officeTime(sent.plusDays(r.between(0, 2))), done);
    }

    /**
     * Professional roles present, each with its probability (in code-list order); the Ambito social worker grows
     * more present over the years. At least one.
     */
    String figures(LocalDate d, double... p) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < FIGURES.size(); i++) {
            double pi = i == 0 && p[0] > 0 ? Math.min(0.95, p[0] + 0.12 * tl.trend(d)) : p[i];
            if (r.chance(pi)) chosen.add(FIGURES.get(i));
        }
        if (chosen.isEmpty()) chosen.add(p[0] > 0 ? "AS_AMBITO" : "AS_COMUNE");
        return String.join("|", chosen);
    }

    /** Services drawn with these probabilities (in code-list order); {@code fallback} when none is drawn. */
    List<String> services(double[] p, String fallback) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) if (r.chance(p[i])) chosen.add(SERVICES.get(i));
        if (chosen.isEmpty()) chosen.add(fallback);
        return chosen;
    }

    private CsiVersion last() {
        return tl.versions.get(tl.versions.size() - 1);
    }
}
