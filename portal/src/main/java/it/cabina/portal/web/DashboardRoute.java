package it.cabina.portal.web;

import it.cabina.portal.AuditLog;
import it.cabina.portal.Level;
import it.cabina.portal.PublishedData;
import it.cabina.portal.ReportIndex;
import it.cabina.portal.Statuses;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.ReportEntry;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The Cruscotto indicatori of a territory and year as a page; the territory is checked before anything is read. */
final class DashboardRoute {
    /** The pages are under /cruscotto/, the slug of the kind whose data the dashboards are. */
    static final String PREFIX = "/" + Dashboard.KIND.slug() + "/";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private final PublishedData data;
    private final ReportIndex index;
    private final AuditLog audit;

    DashboardRoute(PublishedData data, ReportIndex index, AuditLog audit) {
        this.data = data;
        this.index = index;
        this.audit = audit;
    }

    static String url(int year, Level level, String code) {
        return PREFIX + year + "/" + level + "/" + code;
    }

    /** The dashboard page of an index entry's territory and year, for the kind that has one; null for other reports. */
    static String url(ReportEntry e) {
        Level level = Level.parse(e.level());
        if (!Dashboard.KIND.slug().equals(e.report()) || !Dashboard.KIND.period().matches(e.period()) || level == null) return null;
        return url(Integer.parseInt(e.period()), level, e.territory());
    }

    Views.DashboardPage render(Viewer viewer, String from, String yearText, String levelText, String code) {
        String target = PREFIX.substring(1) + yearText + "/" + levelText + "/" + code;
        Level level = Level.parse(levelText);
        if (!YEAR.matcher(yearText).matches() || level == null || !level.name().equals(levelText) || !CODE.matcher(code).matches()) {
            throw Refusal.notFound();
        }
        if (!viewer.sees(level, code)) {
            audit.record("DASHBOARD_REFUSED", viewer.user().username(), from, target, 403);
            throw Refusal.forbidden();
        }
        int year = Integer.parseInt(yearText);
        Dashboard d = data.dashboard(year, level, code).orElseThrow(() -> new Refusal(404, "Cruscotto non disponibile",
                "Il cruscotto " + year + " di questo territorio non è ancora stato prodotto."));

        List<Views.YearLink> years = d.years().stream().sorted()
                .map(y -> new Views.YearLink(y, data.hasDashboard(y, level, code) ? url(y, level, code) : null, y == year))
                .toList();
        List<Views.Download> downloads = index.entries().stream()
                .filter(e -> Dashboard.KIND.slug().equals(e.report()) && yearText.equals(e.period()) && level.name().equals(e.level())
                        && code.equals(e.territory()))
                .sorted(Comparator.comparing(ReportEntry::format, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ReportListPage::download).toList();
        List<Views.AreaView> areas = d.areas().stream()
                .map(a -> new Views.AreaView(a.area(), a.title(), a.indicators().stream()
                        .map(i -> new Views.IndicatorRow(i, Statuses.cssClass(i.status()), Statuses.label(i.status(), i.statusLabel()),
                                TrendChart.of(d.years(), i.trend()))).toList()))
                .toList();
        audit.record("DASHBOARD", viewer.user().username(), from, target, 200);
        String name = d.territoryName() != null ? d.territoryName() : code;
        return new Views.DashboardPage(viewer.page("Cruscotto " + year + " · " + name), d, level.label(),
                Texts.dateTime(d.generatedAt()), Texts.date(d.asOf()), years, downloads, areas);
    }
}
