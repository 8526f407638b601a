package it.cabina.portal;

import java.util.Locale;
import java.util.Map;

/** The indicator statuses: Italian labels and the CSS class that colours them. */
public final class Statuses {
    private static final Map<String, String> LABELS = Map.of(
            "RAGGIUNTO", "Raggiunto",
            "NON_RAGGIUNTO", "Non raggiunto",
            "BASELINE", "Anno base",
            "MONITORAGGIO", "Monitoraggio",
            "NON_CALCOLABILE", "Non calcolabile",
            "IN_CORSO", "In corso");

    private Statuses() {}

    public static String label(String status) {
        return status == null ? "" : LABELS.getOrDefault(status, status);
    }

    /** The label the nightly wrote, else the status's own. */
    public static String label(String status, String publishedLabel) {
        return publishedLabel != null && !publishedLabel.isBlank() ? publishedLabel : label(status);
    }

    public static String cssClass(String status) {
        if (status == null || !LABELS.containsKey(status)) return "status-altro";
        return "status-" + status.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
