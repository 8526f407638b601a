package it.cabina.reports;

import it.cabina.warehouse.published.Levels;
import it.cabina.warehouse.published.ReportKind;

import java.util.regex.Pattern;

/**
 * One report for one period and territory. Its files live at {@code <report>/<period>/<LEVEL>/<territory>.<ext>}
 * under the reports folder, a stable path the portal and index.json refer to.
 */
public record ReportKey(ReportKind kind, String period, String level, String territory) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]+");

    public ReportKey {
        if (!kind.period().matches(period)) {
            throw new IllegalArgumentException("periodo '" + period + "' non valido per " + kind.slug() + ": un "
                    + kind.period().description());
        }
        if (!Levels.ALL.contains(level)) throw new IllegalArgumentException("livello '" + level + "' non valido: " + Levels.ALL);
        if (!kind.publishedFor(level)) {
            throw new IllegalArgumentException("livello '" + level + "' non previsto per " + kind.slug() + ": " + kind.levels());
        }
        if (!SAFE.matcher(territory).matches()) throw new IllegalArgumentException("territorio '" + territory + "' non valido");
    }

    public String path(Format format) {
        return kind.slug() + "/" + period + "/" + level + "/" + territory + "." + format.extension();
    }
}
