package it.cabina.reports.qualita;

import it.cabina.etl.anomalies.Anomaly;
import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.reports.data.Periods;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.warehouse.quality.RuleCode;
import it.cabina.warehouse.published.ReportKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Qualità dei dati for a territory and semester: deliveries due, received, late and missing and rows received,
 * loaded and set aside per source; the main reasons rows were set aside; the anomalies against the history of deliveries
 * and figures (conf/anomalies.yaml); the trend over the latest semesters.
 * Deliveries are due only for FLUSSO (a semiannual flow); CSI and AFAM have no schedule, so "due" reads "n.p.". A FLUSSO
 * semester is judged on its first delivery; re-sends are corrections (rettifiche), shown apart.
 */
public final class QualitaReport implements ReportBuilder {
    private static final List<String> SOURCES = List.of("CSI", "FLUSSO", "AFAM");
    private static final String NOT_APPLICABLE = "n.p.";
    private final ReportData data;
    private final ReportSettings settings;

    public QualitaReport(ReportData data, ReportSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.QUALITA;
    }

    @Override
    public List<ReportKey> available(String period) {
        // a territory may have deliveries received without any due, or deliveries due without any received
        return Stream.concat(data.reports(kind(), period, "consegne_fonti", "codice_semestre").stream(),
                data.reports(kind(), period, "agg_consegne", "codice_semestre").stream()).distinct().toList();
    }

    @Override
    public ReportDocument build(ReportKey key) {
        TerritoryInfo t = data.territory(key.level(), key.territory());
        String s = key.period();
        List<Map<String, Object>> bySource = new ArrayList<>();
        for (String source : SOURCES) {
            Map<String, Object> r = semesterRow(t, s, source);
            if (r != null) bySource.add(r);
        }
        List<Map<String, Object>> reasons = reasons(t, s);
        List<Map<String, Object>> trend = new ArrayList<>();
        List<String> semesters = new ArrayList<>();
        for (String x = s; semesters.size() < settings.qualita().semestriAndamento(); x = Periods.previousSemester(x)) semesters.add(0, x);
        for (String x : semesters) {
            Map<String, Object> r = semesterRow(t, x, null);
            if (r == null) continue;
            r.put("semestre", Periods.shortLabel(x));
            r.put("consegne", r.get("ricevute"));
            trend.add(r);
        }
        List<String> notes = List.of("Consegne dovute, puntuali, in ritardo e mancanti riguardano il FLUSSO semestrale, "
                        + "che ha una scadenza; CSI e AFAM non ne hanno (n.p. = non pertinente). La puntualità si giudica sulla prima "
                        + "consegna del semestre; i reinvii successivi dello stesso semestre sono rettifiche, contate a parte, e non "
                        + "rendono mai il semestre in ritardo.",
                "AFAM (anagrafe regionale delle unità d'offerta) è inviata dalla Regione per tutti i territori: le sue righe, "
                        + "caricate o scartate, sono attribuite all'Ambito dichiarato dall'unità, altrimenti alla sua ASST, "
                        + "altrimenti alla Regione.",
                "Righe scartate: righe messe da parte con il loro motivo; le consegne respinte non sono caricate affatto.");
        return new ReportDocument(key, t.name(), t.levelLabel(), Periods.semesterLabel(s), notes, List.of(
                Part.of("qualita/consegne", "Consegne e righe", bySource),
                Part.of("qualita/motivi", "Motivi di scarto", reasons),
                Part.of("qualita/anomalie", "Anomalie", anomalies(t, s)),
                Part.of("qualita/andamento", "Andamento", trend)));
    }

    /** Deliveries and rows of one semester, for one source or (source null) all together; null when there is nothing. */
    private Map<String, Object> semesterRow(TerritoryInfo t, String semester, String source) {
        List<Map<String, Object>> deliveries = data.rows("consegne_fonti", t.level(), t.code(), "codice_semestre", semester).stream()
                .filter(r -> source == null || source.equals(r.get("fonte"))).toList();
        List<Map<String, Object>> rows = data.rows("agg_qualita", t.level(), t.code(), "codice_semestre", semester).stream()
                .filter(r -> "TOTALE".equals(r.get("regola")) && (source == null || source.equals(r.get("fonte")))).toList();
        Map<String, Object> due = data.rows("agg_consegne", t.level(), t.code(), "codice_semestre", semester).stream().findFirst().orElse(null);
        boolean flusso = source == null || source.equals("FLUSSO");
        if (deliveries.isEmpty() && rows.isEmpty() && (!flusso || due == null)) return null;
        Map<String, Object> m = new HashMap<>();
        m.put("fonte", source == null ? "Tutte" : source);
        for (String c : List.of("ricevute", "respinte", "duplicate")) m.put(c, sum(deliveries, c));
        for (String c : List.of("righe_ricevute", "righe_caricate", "righe_scartate")) m.put(c, sum(rows, c));
        long received = (Long) m.get("righe_ricevute");
        m.put("quota_scartate", received == 0 ? null : (double) (Long) m.get("righe_scartate") / received);
        m.put("nd", NOT_APPLICABLE);
        for (String c : List.of("dovute", "puntuali", "in_ritardo", "mancanti", "rettifiche")) {
            m.put(c, flusso && due != null ? ((Number) due.get(c)).longValue() : null);
        }
        return m;
    }

    /**
     * The anomalies of the semester (conf/anomalies.yaml) about the territory or a territory within it: the most serious
     * first.
     */
    private List<Map<String, Object>> anomalies(TerritoryInfo t, String semester) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : data.table("anomalie")) {
            if (!semester.equals(Rows.text(a, "semester"))) continue;
            TerritoryInfo where = Rows.text(a, "level") == null ? null : data.territory(Rows.text(a, "level"), Rows.text(a, "territory"));
            if (where == null || !where.within(t)) continue;
            Map<String, Object> m = new HashMap<>();
            m.put("controllo", Rows.text(a, "check"));
            m.put("chi", where.levelLabel() + " " + where.name());
            m.put("periodo", Rows.text(a, "period"));
            m.put("misura", Rows.text(a, "measure"));
            m.put("osservato", Rows.number(a, "observed"));
            m.put("atteso", Anomaly.shownRange(Rows.number(a, "expected_low"), Rows.number(a, "expected_high")));
            m.put("gravita", Rows.text(a, "severity"));
            m.put("descrizione", Rows.text(a, "description"));
            out.add(m);
        }
        out.sort(Comparator.comparing((Map<String, Object> m) -> "GRAVE".equals(m.get("gravita")) ? 0 : 1)
                .thenComparing(m -> String.valueOf(m.get("chi"))).thenComparing(m -> String.valueOf(m.get("periodo"))));
        return out;
    }

    private List<Map<String, Object>> reasons(TerritoryInfo t, String semester) {
        List<Map<String, Object>> byRule = data.rows("agg_qualita", t.level(), t.code(), "codice_semestre", semester).stream()
                .filter(r -> !"TOTALE".equals(r.get("regola"))).toList();
        long all = sum(byRule, "righe_scartate");
        List<Map<String, Object>> out = new ArrayList<>();
        byRule.stream().sorted(Comparator.comparing((Map<String, Object> r) -> -((Number) r.get("righe_scartate")).longValue())
                        .thenComparing(r -> Rows.text(r, "fonte")).thenComparing(r -> Rows.text(r, "regola")))
                .limit(settings.qualita().motiviPrincipali())
                .forEach(r -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("fonte", r.get("fonte"));
                    m.put("regola", r.get("regola"));
                    m.put("descrizione", describe(Rows.text(r, "regola")));
                    long n = ((Number) r.get("righe_scartate")).longValue();
                    m.put("righe", n);
                    m.put("quota", all == 0 ? null : (double) n / all);
                    out.add(m);
                });
        return out;
    }

    private static String describe(String rule) {
        try {
            return RuleCode.valueOf(rule).descrizione();
        } catch (IllegalArgumentException e) {
            return rule;
        }
    }

    private static long sum(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).filter(java.util.Objects::nonNull).mapToLong(v -> ((Number) v).longValue()).sum();
    }
}
