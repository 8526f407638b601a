package it.cabina.reports.reteofferta;

import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.reports.data.Periods;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.warehouse.published.ReportKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rete d'offerta (AFAM) for a territory and semester: units and places by type at the end of the semester, by
 * Ambito above the Ambito level, and the units opened, ceased and changed during it. Units are services, not
 * persons: nothing here needs small-cell protection.
 */
public final class ReteOffertaReport implements ReportBuilder {
    private static final Map<String, String> EVENTS = Map.of("APERTA", "Aperta", "CESSATA", "Cessata", "MODIFICATA", "Modificata");
    private final ReportData data;

    public ReteOffertaReport(ReportData data) {
        this.data = data;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.RETE_OFFERTA;
    }

    @Override
    public List<ReportKey> available(String period) {
        return data.reports(kind(), period, "unita_per_tipo", "codice_semestre");
    }

    @Override
    public ReportDocument build(ReportKey key) {
        TerritoryInfo t = data.territory(key.level(), key.territory());
        String s = key.period();
        List<Map<String, Object>> types = new ArrayList<>();
        data.rows("unita_per_tipo", t.level(), t.code(), "codice_semestre", s).stream()
                .sorted(Comparator.comparing((Map<String, Object> r) -> "TOTALE".equals(r.get("tipo_unita")))
                        .thenComparing(r -> Rows.text(r, "tipologia")))
                .forEach(r -> {
                    Map<String, Object> m = counts(r);
                    m.put("tipologia", r.get("tipologia"));
                    m.put("totale", "TOTALE".equals(r.get("tipo_unita")));
                    types.add(m);
                });
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of("rete-offerta/tipologie", "Per tipologia", types));
        if (!t.level().equals("AMBITO")) {
            List<Map<String, Object>> ambiti = new ArrayList<>();
            for (TerritoryInfo a : data.ambitiWithin(t)) {
                data.rows("unita_per_tipo", "AMBITO", a.code(), "codice_semestre", s).stream()
                        .filter(r -> "TOTALE".equals(r.get("tipo_unita"))).findFirst().ifPresent(r -> {
                            Map<String, Object> m = counts(r);
                            m.put("ambito", a.name());
                            m.put("codice_ambito", a.code());
                            ambiti.add(m);
                        });
            }
            parts.add(Part.of("rete-offerta/ambiti", "Per Ambito", ambiti));
        }
        List<Map<String, Object>> moves = new ArrayList<>();
        data.rows("unita_movimenti", t.level(), t.code(), "codice_semestre", s).stream()
                .sorted(Comparator.comparing((Map<String, Object> r) -> Rows.text(r, "evento"))
                        .thenComparing(r -> (java.util.Date) r.get("data_evento"))
                        .thenComparing(r -> Rows.text(r, "codice_unita")))
                .forEach(r -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("evento", EVENTS.get(Rows.text(r, "evento")));
                    m.put("data", r.get("data_evento"));
                    m.put("codice_unita", r.get("codice_unita"));
                    m.put("denominazione", r.get("denominazione"));
                    m.put("tipologia", r.get("tipologia"));
                    m.put("comune", r.get("comune_afam"));
                    m.put("posti", r.get("posti"));
                    m.put("prima", "MODIFICATA".equals(r.get("evento")) ? before(r) : null);
                    moves.add(m);
                });
        parts.add(Part.of("rete-offerta/movimenti", "Movimenti", moves));
        List<String> notes = List.of("Situazione delle unità d'offerta sociali al termine del semestre secondo il registro AFAM "
                + "di Regione Lombardia; le unità della prima estrazione caricata non sono contate come aperte.");
        return new ReportDocument(key, t.name(), t.levelLabel(), Periods.semesterLabel(s), notes, parts);
    }

    private static Map<String, Object> counts(Map<String, Object> r) {
        Map<String, Object> m = new HashMap<>();
        for (String c : List.of("unita", "posti", "aperte", "cessate", "modificate")) m.put(c, r.get(c));
        return m;
    }

    private static String before(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        if (r.get("posti_prima") != null && !r.get("posti_prima").equals(r.get("posti"))) parts.add(r.get("posti_prima") + " posti");
        if (r.get("tipologia_prima") != null && !r.get("tipologia_prima").equals(r.get("tipologia"))) parts.add(Rows.text(r, "tipologia_prima"));
        return parts.isEmpty() ? "altri dati" : String.join("; ", parts);
    }
}
