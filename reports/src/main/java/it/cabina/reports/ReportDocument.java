package it.cabina.reports;

import java.util.List;

/** A report ready to render: its key, the heading texts and the parts in order. */
public record ReportDocument(ReportKey key, String territoryName, String levelLabel, String periodLabel,
                             List<String> notes, List<Part> parts) {

    public String title() {
        return key.kind().title();
    }
}
