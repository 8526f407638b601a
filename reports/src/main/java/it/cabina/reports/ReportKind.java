package it.cabina.reports;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four published reports; the name is the folder of the report tree and the value of --report. */
public enum ReportKind {
    CRUSCOTTO("cruscotto", "Cruscotto indicatori", true),
    SEMESTRALE("semestrale", "Restituzione semestrale", false),
    RETE_OFFERTA("rete-offerta", "Rete d'offerta (AFAM)", false),
    QUALITA("qualita", "Qualità dei dati", false);

    private final String slug;
    private final String title;
    private final boolean yearly;

    ReportKind(String slug, String title, boolean yearly) {
        this.slug = slug;
        this.title = title;
        this.yearly = yearly;
    }

    public String slug() { return slug; }

    public String title() { return title; }

    /** Yearly reports have a year ("2026") as period, the others a semester ("2026-S1"). */
    public boolean yearly() { return yearly; }

    public static ReportKind of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("report '" + slug + "' sconosciuto: i report sono "
                        + Arrays.stream(values()).map(ReportKind::slug).collect(Collectors.joining(", "))));
    }
}
