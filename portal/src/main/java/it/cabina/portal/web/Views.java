package it.cabina.portal.web;

import it.cabina.warehouse.published.Comparison;
import it.cabina.warehouse.published.Dashboard;

import java.util.List;

/** The data each page template receives. */
public final class Views {
    private Views() {}

    /** What every page shows in its frame; username is null on the login page. */
    public record PageContext(String title, String username, String scopesText, String csrfToken) {
        public boolean loggedIn() { return username != null; }
    }

    public record Option(String value, String label, boolean selected) {}

    public record Download(String url, String label, String fileName) {}

    /** {@code pageUrl}: the report's page in the portal (the cruscotto's, the comparison's), or null; {@code pageLabel} its link text. */
    public record ReportRow(String name, String periodText, String levelLabel, String territoryName, String generatedText,
                            List<Download> downloads, String pageUrl, String pageLabel) {}

    public record MissingRow(String source, String sender, String ambitoName, String periodText, String dueText, Integer daysLate) {}

    /** The load status box; {@code available} is false when the nightly has not written it. */
    public record StatusPanel(boolean available, String lastLoadText, String lastRunText, String outcomeClass,
                              List<MissingRow> missing, List<CorrectionRow> corrections, List<AnomalyRow> anomalies) {}

    /** An anomaly found against the history of deliveries and figures: shown, never blocking. */
    public record AnomalyRow(String severity, String severityClass, String who, String period, String description) {}

    /** A FLUSSO semester corrected by later re-sends: its first delivery (on time or not) and its corrections. */
    public record CorrectionRow(String source, String ambitoName, String periodText, String firstDeliveryText, boolean firstOnTime,
                                int corrections, String lastCorrectionText) {}

    public record ReportList(PageContext page, List<Option> reports, List<Option> periods, List<Option> territories,
                             List<ReportRow> rows, int total, boolean truncated, boolean indexMissing, boolean filtered,
                             StatusPanel status) {}

    public record YearLink(int year, String url, boolean current) {}

    /**
     * {@code numeratorUrl} and {@code denominatorUrl}: the records behind the figures (only on an Ambito's cruscotto, for
     * users whose scope covers it), else null.
     */
    public record IndicatorRow(Dashboard.Indicator indicator, String statusClass, String statusText, TrendChart chart,
                               String numeratorUrl, String denominatorUrl) {}

    public record AreaView(String area, String title, List<IndicatorRow> indicators) {}

    /** {@code comparisonUrl}: the Confronto tra Ambiti of the same territory and year, when there is one. */
    public record DashboardPage(PageContext page, Dashboard dashboard, String levelLabel, String generatedText, String asOfText,
                                List<YearLink> years, List<Download> downloads, List<AreaView> areas, String comparisonUrl) {
        /** The registered title of the report the dashboard shows. */
        public String reportTitle() { return Dashboard.KIND.title(); }
    }

    /** A value of the comparison: its text, the CSS class of its status, the status in words, and its mark (✓, ✗). */
    public record CellView(String text, String statusClass, String statusLabel, String mark) {}

    public record ComparisonRow(String code, String title, String target, CellView territory, String onTarget, List<CellView> cells) {}

    public record ComparisonArea(String area, String title, List<ComparisonRow> rows) {}

    public record ComparisonPage(PageContext page, Comparison comparison, String levelLabel, String generatedText, String asOfText,
                                 List<YearLink> years, List<Download> downloads, List<ComparisonArea> areas, String dashboardUrl) {
        public String reportTitle() { return Comparison.KIND.title(); }
    }

    /** An esito of a delivery, for the list of the esiti of the user's Ambiti. */
    public record EsitoRow(String ambitoName, String sender, String delivery, String source, String statusText, String statusClass,
                           String processedText, long received, long loaded, long setAside, long warnings, List<String> reasons,
                           Download esito, Download setAsideList) {}

    public record EsitiPage(PageContext page, List<EsitoRow> rows, int total, boolean truncated, boolean folderMissing) {}

    public record Login(PageContext page, String message, String username) {}

    public record ErrorPage(PageContext page, int status, String message) {}
}
