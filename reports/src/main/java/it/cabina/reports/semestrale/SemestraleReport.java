package it.cabina.reports.semestrale;

import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.warehouse.published.SmallCells;
import it.cabina.reports.data.Periods;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.reports.render.ItalianFormat;
import it.cabina.warehouse.published.ReportKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restituzione semestrale: the semiannual aggregates of a territory (conf/reports.yaml, section "semestrale"),
 * each beside the previous semester and the same semester of the year before, with the variations.
 */
public final class SemestraleReport implements ReportBuilder {
    private static final String TABLE = "misure_semestrali";
    private final ReportData data;
    private final ReportSettings settings;

    public SemestraleReport(ReportData data, ReportSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.SEMESTRALE;
    }

    @Override
    public List<ReportKey> available(String period) {
        return data.reports(kind(), period, TABLE, "codice_semestre");
    }

    @Override
    public ReportDocument build(ReportKey key) {
        TerritoryInfo t = data.territory(key.level(), key.territory());
        String current = key.period();
        String previous = Periods.previousSemester(current);
        String yearBefore = Periods.sameSemesterYearBefore(current);
        Map<String, Map<String, Object>> now = byMeasure(t, current);
        Map<String, Map<String, Object>> prev = byMeasure(t, previous);
        Map<String, Map<String, Object>> last = byMeasure(t, yearBefore);
        Map<String, Map<String, Object>> labels = new LinkedHashMap<>(now);
        prev.forEach(labels::putIfAbsent);
        last.forEach(labels::putIfAbsent);
        SmallCells cells = settings.smallCells();
        List<Map<String, Object>> rows = new ArrayList<>();
        labels.values().stream()
                .sorted(Comparator.comparingInt((Map<String, Object> r) -> ((Number) r.get("ordine_sezione")).intValue())
                        .thenComparingInt(r -> ((Number) r.get("ordine_misura")).intValue())
                        .thenComparing(r -> Rows.text(r, "misura")))
                .forEach(any -> {
                    String id = id(any);
                    String tipo = Rows.text(any, "tipo");
                    Figure c = Figure.of(now.get(id), tipo, cells);
                    Figure p = Figure.of(prev.get(id), tipo, cells);
                    Figure y = Figure.of(last.get(id), tipo, cells);
                    Map<String, Object> r = new HashMap<>();
                    r.put("sezione", Rows.text(any, "sezione"));
                    r.put("misura", Rows.text(any, "misura"));
                    r.put("dettaglio", ((Number) any.get("ordine_misura")).intValue() >= 100);
                    r.put("pattern", pattern(tipo));
                    r.put("grafico", Boolean.TRUE.equals(any.get("grafico")));
                    put(r, "cor", c);
                    put(r, "prec", p);
                    put(r, "anno", y);
                    boolean share = "percentuale".equals(tipo); // a change of a share reads as points, not as a %
                    r.put("var_prec", share ? null : Figure.variation(c, p));
                    r.put("var_anno", share ? null : Figure.variation(c, y));
                    rows.add(r);
                });
        Map<String, Object> params = Map.of("P_COR", Periods.shortLabel(current), "P_PREC", Periods.shortLabel(previous),
                "P_ANNO", Periods.shortLabel(yearBefore));
        List<String> notes = List.of("Confronto con il semestre precedente (" + Periods.semesterLabel(previous)
                        + ") e con lo stesso semestre dell'anno prima (" + Periods.semesterLabel(yearBefore) + ").",
                cells.note());
        return new ReportDocument(key, t.name(), t.levelLabel(), Periods.semesterLabel(current), notes,
                List.of(Part.of("semestrale/misure", "Restituzione", rows).withParameters(params).sheetPerValueOf("sezione")));
    }

    private static void put(Map<String, Object> r, String prefix, Figure f) {
        r.put(prefix, f.value());
        r.put(prefix + "_testo", f.text());
        r.put("g_" + prefix, f.chartValue());
    }

    private Map<String, Map<String, Object>> byMeasure(TerritoryInfo t, String semester) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> r : data.rows(TABLE, t.level(), t.code(), "codice_semestre", semester)) m.put(id(r), r);
        return m;
    }

    private static String id(Map<String, Object> r) {
        return r.get("ordine_sezione") + "|" + r.get("misura");
    }

    private static String pattern(String tipo) {
        return switch (tipo) {
            case "importo" -> "#,##0.00 €";
            case "giorni" -> "#,##0.0";
            case "percentuale" -> ItalianFormat.pattern(1, true);
            default -> "#,##0";
        };
    }

    /** One published figure: the cell value (null when hidden or missing) and the text shown instead. */
    record Figure(Double value, String text, Double chartValue) {
        static Figure of(Map<String, Object> row, String tipo, SmallCells cells) {
            if (row == null || row.get("valore") == null) return new Figure(null, "—", null);
            double v = Rows.number(row, "valore");
            Double base = Rows.number(row, "base");
            if ("persone".equals(tipo) && cells.hides(v)) return new Figure(null, cells.hiddenText(), null);
            if (base != null && cells.withholdsRatioOver(base)) return new Figure(null, "—", null);
            return new Figure("percentuale".equals(tipo) ? v / 100.0 : v, null, v);
        }

        /** The relative change from {@code before} to {@code now}, as a fraction; null when either is not shown or zero. */
        static Double variation(Figure now, Figure before) {
            if (now.chartValue() == null || before.chartValue() == null || before.chartValue() == 0.0) return null;
            return (now.chartValue() - before.chartValue()) / before.chartValue();
        }
    }
}
