package it.cabina.reports.render;

import it.cabina.reports.Format;
import it.cabina.reports.Part;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportKind;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperReport;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a throw-away document, one part per template, with a few rows of placeholder values of each field's type, as
 * PDF and as XLSX. The report engine's one-off start-up in a new process (classes, fonts, the two exporters, charts,
 * the JIT) is then paid while the report data is read, not by the first report (which took 0.5–1.2 s against well
 * under 0.1 s for the others, bench/RESULTS.md). Nothing is written.
 */
public final class WarmUp {
    private static final int ROWS = 3;
    /** Rounds of rendering: the first loads and initialises, the next ones let the JIT compile the hot paths. */
    private static final int ROUNDS = 5;

    private WarmUp() {}

    /** @return what failed, per template (empty when everything rendered); a failure never stops a run */
    public static List<String> render(Templates templates, List<String> names) {
        List<String> problems = new ArrayList<>();
        DocumentRenderer renderer = new DocumentRenderer(templates, "01/01/2026 alle 00:00");
        ReportDocument doc = document(templates, names);
        for (int round = 0; round < ROUNDS && problems.isEmpty(); round++) {
            for (Format format : Format.values()) {
                try {
                    renderer.render(doc, format, OutputStream.nullOutputStream());
                } catch (RuntimeException e) {
                    problems.add(format.extension() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    /** A document with one part per template, each filled with a few rows of placeholder values. */
    public static ReportDocument document(Templates templates, List<String> names) {
        List<Part> parts = new ArrayList<>();
        for (String name : names) {
            JasperReport template = templates.get(name);
            parts.add(new Part(name, "Prova " + parts.size(), null, rows(template), parameters(template), false));
        }
        return new ReportDocument(new ReportKey(ReportKind.CRUSCOTTO, "2026", "REGIONE", "PROVA"),
                "Prova", "Regione", "2026", List.of("Prova"), parts);
    }

    private static List<Map<String, Object>> rows(JasperReport template) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            Map<String, Object> row = new HashMap<>();
            if (template.getFields() != null) {
                for (JRField f : template.getFields()) row.put(f.getName(), placeholder(f.getValueClass(), i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> parameters(JasperReport template) {
        Map<String, Object> params = new HashMap<>();
        for (JRParameter p : template.getParameters()) {
            if (!p.isSystemDefined()) params.put(p.getName(), placeholder(p.getValueClass(), 1));
        }
        return params;
    }

    private static Object placeholder(Class<?> type, int i) {
        if (type == String.class) return "Prova " + i;
        if (type == Integer.class) return i;
        if (type == Long.class) return (long) i;
        if (type == Double.class || type == Number.class) return (double) i;
        if (type == BigDecimal.class) return BigDecimal.valueOf(i);
        if (type == Boolean.class) return i % 2 == 0;
        if (type == java.util.Date.class) return new java.util.Date(0);
        if (type == java.sql.Date.class) return new java.sql.Date(0);
        if (type == java.time.LocalDate.class) return java.time.LocalDate.of(2026, 1, i);
        return null;
    }
}
