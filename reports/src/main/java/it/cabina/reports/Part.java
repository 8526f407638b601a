package it.cabina.reports;

import java.util.List;
import java.util.Map;

/**
 * A part of a report: one template filled with rows. In the PDF a part is one run of its template; in the XLSX it
 * becomes one sheet, or one sheet per value of {@code sheetField} (a section per sheet).
 */
public record Part(String template, String sheetName, String sheetField, List<Map<String, Object>> rows,
                   Map<String, Object> parameters, boolean newPage) {

    public static Part of(String template, String sheetName, List<Map<String, Object>> rows) {
        return new Part(template, sheetName, null, rows, Map.of(), false);
    }

    public Part withParameters(Map<String, Object> parameters) {
        return new Part(template, sheetName, sheetField, rows, parameters, newPage);
    }

    public Part sheetPerValueOf(String field) {
        return new Part(template, sheetName, field, rows, parameters, newPage);
    }

    /** In the PDF, the part starts on a new page. */
    public Part onNewPage() {
        return new Part(template, sheetName, sheetField, rows, parameters, true);
    }
}
