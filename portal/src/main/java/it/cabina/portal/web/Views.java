package it.cabina.portal.web;

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

    public record ReportRow(String name, String periodText, String levelLabel, String territoryName, String generatedText,
                            List<Download> downloads, String dashboardUrl) {}

    public record MissingRow(String source, String sender, String ambitoName, String periodText, String dueText, Integer daysLate) {}

    /** The load status box; {@code available} is false when the nightly has not written it. */
    public record StatusPanel(boolean available, String lastLoadText, String lastRunText, String outcomeClass,
                              List<MissingRow> missing, List<CorrectionRow> corrections) {}

    /** A FLUSSO semester corrected by later re-sends: its first delivery (on time or not) and its corrections. */
    public record CorrectionRow(String source, String ambitoName, String periodText, String firstDeliveryText, boolean firstOnTime,
                                int corrections, String lastCorrectionText) {}

    public record ReportList(PageContext page, List<Option> reports, List<Option> periods, List<Option> territories,
                             List<ReportRow> rows, int total, boolean truncated, boolean indexMissing, boolean filtered,
                             StatusPanel status) {}

    public record YearLink(int year, String url, boolean current) {}

    public record IndicatorRow(Dashboard.Indicator indicator, String statusClass, String statusText, TrendChart chart) {}

    public record AreaView(String area, String title, List<IndicatorRow> indicators) {}

    public record DashboardPage(PageContext page, Dashboard dashboard, String levelLabel, String generatedText, String asOfText,
                                List<YearLink> years, List<Download> downloads, List<AreaView> areas) {
        /** The registered title of the report the dashboard shows. */
        public String reportTitle() { return Dashboard.KIND.title(); }
    }

    public record Login(PageContext page, String message, String username) {}

    public record ErrorPage(PageContext page, int status, String message) {}
}
