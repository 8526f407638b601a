package it.cabina.reports.publish;

import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * data/stato.json: when data was last loaded, the last finished run, the FLUSSO deliveries still missing, and the FLUSSO
 * semesters corrected by later re-sends (punctuality is judged on the first delivery; corrections are counted apart).
 */
final class LoadStatus {
    private LoadStatus() {}

    static Map<String, Object> of(ReportData data, String generatedAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generated_at", generatedAt);
        out.put("run_id", data.runId());
        out.put("as_of", data.asOf().toString());
        Map<String, Object> last = data.table("ultimo_caricamento").stream().findFirst().orElse(Map.of());
        out.put("last_load", iso(last.get("ultimo_caricamento")));
        if (last.get("run_id") != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run_id", last.get("run_id"));
            run.put("finished_at", iso(last.get("finito_il")));
            run.put("as_of", String.valueOf(last.get("as_of")));
            Number rejected = (Number) last.get("rejected");
            run.put("outcome", rejected != null && rejected.longValue() > 0 ? "PARTIAL" : "SUCCESS");
            out.put("last_run", run);
        } else {
            out.put("last_run", null);
        }
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, Object> r : data.table("consegne_mancanti")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", r.get("fonte"));
            m.put("sender", r.get("mittente"));
            m.put("ambito", r.get("codice_ambito"));
            m.put("period", r.get("codice_semestre"));
            m.put("due", String.valueOf(r.get("scadenza")));
            m.put("days_late", Rows.number(r, "giorni_ritardo") == null ? 0 : Rows.number(r, "giorni_ritardo").intValue());
            missing.add(m);
        }
        out.put("missing_deliveries", missing);
        List<Map<String, Object>> corrections = new ArrayList<>();
        for (Map<String, Object> r : data.table("consegne_rettificate")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", r.get("fonte"));
            m.put("ambito", r.get("codice_ambito"));
            m.put("period", r.get("codice_semestre"));
            m.put("first_delivery", String.valueOf(r.get("prima_consegna")));
            m.put("first_on_time", r.get("prima_puntuale"));
            m.put("last_correction", String.valueOf(r.get("ultima_rettifica")));
            m.put("corrections", ((Number) r.get("rettifiche")).intValue());
            corrections.add(m);
        }
        out.put("corrections", corrections);
        return out;
    }

    private static String iso(Object t) {
        return t instanceof Timestamp ts ? ts.toInstant().toString() : null;
    }
}
