package it.cabina.portal.web;

import it.cabina.portal.Level;
import it.cabina.portal.ReportIndex;
import it.cabina.warehouse.published.ReportEntry;
import it.cabina.warehouse.published.ReportKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The home page: the reports the viewer may see, grouped by report, period and territory, newest first, filterable. */
final class ReportListPage {
    static final int MAX_ROWS = 200;

    private final ReportIndex index;
    private final StatusPanels status;

    ReportListPage(ReportIndex index, StatusPanels status) {
        this.index = index;
        this.status = status;
    }

    /** The filters as the query string gives them (blank = all). */
    record Filters(String report, String period, String territory) {
        boolean any() { return !blank(report) || !blank(period) || !blank(territory); }

        boolean accepts(ReportEntry e) {
            return (blank(report) || report.equals(e.report()))
                    && (blank(period) || period.equals(e.period()))
                    && (blank(territory) || territory.equals(territoryKey(e)));
        }
    }

    private record Group(String report, String period, String level, String territory) {}

    Views.ReportList render(Viewer viewer, Filters filters) {
        List<ReportEntry> visible = index.entries().stream().filter(viewer::sees).toList();

        Map<String, String> reportNames = new TreeMap<>(REGISTRY_ORDER);
        Map<String, String> territories = new TreeMap<>();
        List<String> periods = visible.stream().map(ReportEntry::period).filter(Objects::nonNull).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        for (ReportEntry e : visible) {
            reportNames.putIfAbsent(e.report(), Texts.reportName(e.report(), e.title()));
            territories.putIfAbsent(territoryKey(e), territoryLabel(e));
        }

        Map<Group, List<ReportEntry>> groups = new LinkedHashMap<>();
        visible.stream().filter(filters::accepts).sorted(NEWEST_FIRST)
                .forEach(e -> groups.computeIfAbsent(new Group(e.report(), e.period(), e.level(), e.territory()), g -> new ArrayList<>()).add(e));
        List<Views.ReportRow> rows = groups.values().stream().limit(MAX_ROWS).map(ReportListPage::row).toList();

        return new Views.ReportList(viewer.page("I tuoi report"),
                options(reportNames, filters.report()),
                periods.stream().map(p -> new Views.Option(p, Texts.period(p), p.equals(filters.period()))).toList(),
                territories.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue())
                        .map(t -> new Views.Option(t.getKey(), t.getValue(), t.getKey().equals(filters.territory()))).toList(),
                rows, groups.size(), groups.size() > rows.size(), !index.exists(), filters.any(), status.of(viewer));
    }

    private static Views.ReportRow row(List<ReportEntry> formats) {
        ReportEntry first = formats.get(0);
        Level level = Level.parse(first.level());
        List<Views.Download> downloads = formats.stream()
                .sorted(Comparator.comparing(ReportEntry::format, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ReportListPage::download).toList();
        String dashboard = formats.stream().map(DashboardRoute::url).filter(Objects::nonNull).findFirst().orElse(null);
        String comparison = formats.stream().map(ComparisonRoute::url).filter(Objects::nonNull).findFirst().orElse(null);
        return new Views.ReportRow(Texts.reportName(first.report(), first.title()), Texts.period(first.period()),
                level == null ? first.level() : level.label(), territoryName(first), Texts.dateTime(first.generatedAt()),
                downloads, dashboard != null ? dashboard : comparison,
                dashboard != null ? "Apri il cruscotto" : comparison != null ? "Apri il confronto" : null);
    }

    static Views.Download download(ReportEntry e) {
        String fileName = (e.report() + "_" + e.period() + "_" + e.territory() + "." + e.format()).replaceAll("[^A-Za-z0-9._-]", "_");
        return new Views.Download(DownloadRoute.url(e), Texts.format(e.format()), fileName);
    }

    private static List<Views.Option> options(Map<String, String> values, String selected) {
        return values.entrySet().stream().map(v -> new Views.Option(v.getKey(), v.getValue(), v.getKey().equals(selected))).toList();
    }

    /** Report slugs in the order of the registry, then any other by name: the order of the filter. */
    private static final Comparator<String> REGISTRY_ORDER = Comparator
            .comparing((String report) -> ReportKind.find(report).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    private static final Comparator<ReportEntry> NEWEST_FIRST = Comparator
            .comparing((ReportEntry e) -> e.period() == null ? "" : e.period(), Comparator.reverseOrder())
            .thenComparing(e -> String.valueOf(e.report()))
            .thenComparing(e -> Level.parse(e.level()) == null ? 99 : -Level.parse(e.level()).ordinal())
            .thenComparing(ReportListPage::territoryName)
            .thenComparing(e -> e.generatedAt() == null ? "" : e.generatedAt(), Comparator.reverseOrder());

    static String territoryKey(ReportEntry e) { return e.level() + ":" + e.territory(); }

    private static String territoryName(ReportEntry e) {
        return e.territoryName() != null && !e.territoryName().isBlank() ? e.territoryName() : e.territory();
    }

    private static String territoryLabel(ReportEntry e) {
        Level level = Level.parse(e.level());
        return territoryName(e) + " (" + (level == null ? e.level() : level.label()) + ")";
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
