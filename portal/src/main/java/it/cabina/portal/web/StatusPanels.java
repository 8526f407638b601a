package it.cabina.portal.web;

import it.cabina.portal.Level;
import it.cabina.portal.PublishedData;
import it.cabina.portal.TerritoryAccess;
import it.cabina.warehouse.published.LoadStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Stato dei dati" box: last load and run, the missing deliveries of the viewer's territories, their FLUSSO
 * semesters corrected after the first delivery (which alone decides punctuality), and the anomalies found against the
 * history of their deliveries and figures.
 */
final class StatusPanels {
    private final PublishedData data;
    private final TerritoryAccess access;

    StatusPanels(PublishedData data, TerritoryAccess access) {
        this.data = data;
        this.access = access;
    }

    Views.StatusPanel of(Viewer viewer) {
        Optional<LoadStatus> status = data.loadStatus();
        if (status.isEmpty()) return new Views.StatusPanel(false, null, null, null, List.of(), List.of(), List.of());
        LoadStatus s = status.get();
        LoadStatus.Run run = s.lastRun();
        String runText = run == null ? null : outcomeText(run.outcome()) + " il " + Texts.dateTime(run.finishedAt());
        String outcomeClass = run == null || run.outcome() == null ? "" : "outcome-" + run.outcome().toLowerCase(Locale.ROOT);
        List<Views.MissingRow> missing = s.missingDeliveries().stream()
                .filter(m -> viewer.seesAmbito(m.ambito()))
                .sorted(Comparator.comparing((LoadStatus.MissingDelivery m) -> m.daysLate() == null ? 0 : -m.daysLate())
                        .thenComparing(m -> String.valueOf(m.ambito())))
                .map(m -> new Views.MissingRow(m.source(), m.sender(),
                        m.ambito() == null ? m.sender() : access.name(Level.AMBITO, m.ambito()),
                        Texts.period(m.period()), Texts.date(m.due()), m.daysLate()))
                .toList();
        List<Views.CorrectionRow> corrections = s.corrections().stream()
                .filter(c -> viewer.seesAmbito(c.ambito()))
                .sorted(Comparator.comparing((LoadStatus.Correction c) -> String.valueOf(c.period())).reversed()
                        .thenComparing(c -> String.valueOf(c.ambito())))
                .map(c -> new Views.CorrectionRow(c.source(), access.name(Level.AMBITO, c.ambito()), Texts.period(c.period()),
                        Texts.date(c.firstDelivery()), Boolean.TRUE.equals(c.firstOnTime()),
                        c.corrections() == null ? 0 : c.corrections(), Texts.date(c.lastCorrection())))
                .toList();
        List<Views.AnomalyRow> anomalies = s.anomalies().stream()
                .filter(a -> a.sender() != null ? viewer.seesAmbito(a.sender()) : viewer.sees(Level.parse(a.level()), a.territory()))
                .sorted(Comparator.comparing((LoadStatus.Anomaly a) -> "GRAVE".equals(a.severity()) ? 0 : 1)
                        .thenComparing(a -> String.valueOf(a.period()), Comparator.reverseOrder()))
                .limit(MAX_ANOMALIES)
                .map(a -> new Views.AnomalyRow("GRAVE".equals(a.severity()) ? "Grave" : "Attenzione",
                        "GRAVE".equals(a.severity()) ? "status-non-raggiunto" : "status-monitoraggio", who(a), a.period(), a.description()))
                .toList();
        return new Views.StatusPanel(true, Texts.dateTime(s.lastLoad()), runText, outcomeClass, missing, corrections, anomalies);
    }

    /** Anomalies listed at most (the most serious and most recent first). */
    static final int MAX_ANOMALIES = 50;

    private String who(LoadStatus.Anomaly a) {
        if (a.sender() != null) return access.name(Level.AMBITO, a.sender());
        Level level = Level.parse(a.level());
        return level == null ? String.valueOf(a.territory()) : access.name(level, a.territory());
    }

    private static String outcomeText(String outcome) {
        if (outcome == null) return "";
        return switch (outcome) {
            case "SUCCESS" -> "completata";
            case "PARTIAL" -> "completata con consegne scartate";
            case "FAILED" -> "non riuscita";
            default -> outcome;
        };
    }
}
