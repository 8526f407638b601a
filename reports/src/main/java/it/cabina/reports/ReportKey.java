package it.cabina.reports;

import java.util.regex.Pattern;

/**
 * One report for one period and territory. Its files live at {@code <report>/<period>/<LEVEL>/<territory>.<ext>}
 * under the reports folder, a stable path the portal and index.json refer to.
 */
public record ReportKey(ReportKind kind, String period, String level, String territory) {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern SEMESTER = Pattern.compile("\\d{4}-S[12]");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]+");
    public static final java.util.List<String> LEVELS = java.util.List.of("AMBITO", "ASST", "ATS", "REGIONE");

    public ReportKey {
        if (kind.yearly() ? !YEAR.matcher(period).matches() : !SEMESTER.matcher(period).matches()) {
            throw new IllegalArgumentException("periodo '" + period + "' non valido per " + kind.slug() + ": "
                    + (kind.yearly() ? "un anno, es. 2026" : "un semestre, es. 2026-S1"));
        }
        if (!LEVELS.contains(level)) throw new IllegalArgumentException("livello '" + level + "' non valido: " + LEVELS);
        if (!SAFE.matcher(territory).matches()) throw new IllegalArgumentException("territorio '" + territory + "' non valido");
    }

    public String path(Format format) {
        return kind.slug() + "/" + period + "/" + level + "/" + territory + "." + format.extension();
    }
}
