package it.cabina.reports.cruscotto;

import it.cabina.reports.Part;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.reports.render.ItalianFormat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cronoprogramma of the cruscotto (indicators.md, "The plan's milestones in the reports"): for an Ambito every
 * milestone with its topic, planned date, date reached and outcome at the run date; above the Ambito, per milestone,
 * how many Ambiti have it planned, reached it, on time, and are overdue.
 */
final class Cronoprogramma {
    private Cronoprogramma() {}

    static Part of(ReportData data, TerritoryInfo t) {
        String asOf = ItalianFormat.date(data.asOf());
        if (t.level().equals("AMBITO")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> m : data.rows("traguardi", t.level(), t.code()).stream()
                    .sorted(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("data_prevista")))
                            .thenComparing(r -> Rows.text(r, "id_traguardo"))).toList()) {
                Map<String, Object> r = new HashMap<>();
                r.put("traguardo", Rows.text(m, "traguardo"));
                r.put("tema", Rows.text(m, "tema"));
                r.put("prevista", m.get("data_prevista"));
                long postponed = Rows.number(m, "rinvii") == null ? 0 : Rows.number(m, "rinvii").longValue();
                r.put("rinvio", postponed == 0 ? null : "rinviato " + (postponed == 1 ? "una volta" : postponed + " volte")
                        + ", prevista in origine il " + ItalianFormat.date(m.get("data_prevista_iniziale")));
                r.put("raggiunto", m.get("data_raggiungimento"));
                r.put("raggiunto_testo", m.get("data_raggiungimento") == null ? "non raggiunto" : null);
                r.put("esito", outcome(Rows.text(m, "esito")));
                r.put("codice_esito", Rows.text(m, "esito"));
                r.put("atto", Rows.text(m, "atto"));
                rows.add(r);
            }
            return Part.of("cruscotto/cronoprogramma", "Cronoprogramma", rows)
                    .withParameters(Map.of("DATA_RIFERIMENTO", asOf)).onNewPage();
        }
        List<Map<String, Object>> rows = data.rows("traguardi_sintesi", t.level(), t.code()).stream()
                .sorted(Comparator.comparing((Map<String, Object> r) -> Rows.text(r, "codice_traguardo").equals("ALTRO"))
                        .thenComparing(r -> Rows.text(r, "traguardo")))
                .map(m -> {
                    Map<String, Object> r = new HashMap<>();
                    r.put("traguardo", Rows.text(m, "traguardo"));
                    for (String c : List.of("ambiti", "raggiunto", "nei_tempi", "scaduti", "non_piu_previsto")) r.put(c, m.get(c));
                    return r;
                }).toList();
        return Part.of("cruscotto/cronoprogramma-sintesi", "Cronoprogramma", rows)
                .withParameters(Map.of("DATA_RIFERIMENTO", asOf, "AMBITI", data.ambitiWithin(t).size())).onNewPage();
    }

    /** The outcome of a milestone at the run date, as planners read it. */
    static String outcome(String code) {
        return switch (String.valueOf(code)) {
            case "NEI_TEMPI" -> "Raggiunto nei tempi";
            case "IN_RITARDO" -> "Raggiunto in ritardo";
            case "SCADUTO" -> "Scaduto, non raggiunto";
            case "NON_PIU_PREVISTO" -> "Non più previsto";
            default -> "Da raggiungere";
        };
    }
}
