package it.cabina.portal.web;

import it.cabina.portal.AuditLog;
import it.cabina.portal.Level;
import it.cabina.portal.PublishedData;
import it.cabina.portal.ReportIndex;
import it.cabina.portal.Statuses;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.ExplanationFile;
import it.cabina.warehouse.published.ReportEntry;

import java.util.List;

/**
 * The Cruscotto indicatori of a territory and year as a page; the territory is checked before anything is read. On an
 * Ambito's page each numerator and denominator links to the records behind it ({@link ExplanationRoute}); above the
 * Ambito no record is listed, and the page links to the Confronto tra Ambiti.
 */
final class DashboardRoute {
    /** The pages are under /cruscotto/, the slug of the kind whose data the dashboards are. */
    static final String PREFIX = "/" + Dashboard.KIND.slug() + "/";

    private final PublishedData data;
    private final ReportIndex index;
    private final AuditLog audit;

    DashboardRoute(PublishedData data, ReportIndex index, AuditLog audit) {
        this.data = data;
        this.index = index;
        this.audit = audit;
    }

    static String url(int year, Level level, String code) {
        return PageTarget.url(Dashboard.KIND, year, level, code);
    }

    /** The page of an index entry of the kind; null for other reports. */
    static String url(ReportEntry e) {
        return PageTarget.url(Dashboard.KIND, e);
    }

    Views.DashboardPage render(Viewer viewer, String from, String rest) {
        PageTarget p = PageTarget.parse(rest);
        String target = p.target(Dashboard.KIND.slug());
        if (!viewer.sees(p.level(), p.code())) {
            audit.record("DASHBOARD_REFUSED", viewer.user().username(), from, target, 403);
            throw Refusal.forbidden();
        }
        Dashboard d = data.dashboard(p.year(), p.level(), p.code()).orElseThrow(() -> new Refusal(404, "Cruscotto non disponibile",
                "Il cruscotto " + p.year() + " di questo territorio non è ancora stato prodotto."));
        List<Views.YearLink> years = d.years().stream().sorted()
                .map(y -> new Views.YearLink(y, data.hasDashboard(y, p.level(), p.code()) ? url(y, p.level(), p.code()) : null, y == p.year()))
                .toList();
        // the records behind the figures: on an Ambito's page only (its scope was checked above)
        boolean explained = p.level() == Level.AMBITO && data.explanation(p.year(), p.code()).isPresent();
        List<Views.AreaView> areas = d.areas().stream()
                .map(a -> new Views.AreaView(a.area(), a.title(), a.indicators().stream()
                        .map(i -> new Views.IndicatorRow(i, Statuses.cssClass(i.status()), Statuses.label(i.status(), i.statusLabel()),
                                TrendChart.of(d.years(), i.trend()),
                                explained ? ExplanationRoute.url(p.year(), p.code(), i.code(), ExplanationFile.NUMERATOR) : null,
                                explained && i.denominatorText() != null && !i.denominatorText().isBlank()
                                        ? ExplanationRoute.url(p.year(), p.code(), i.code(), ExplanationFile.DENOMINATOR) : null))
                        .toList()))
                .toList();
        audit.record("DASHBOARD", viewer.user().username(), from, target, 200);
        String name = d.territoryName() != null ? d.territoryName() : p.code();
        String comparison = data.hasComparison(p.year(), p.level(), p.code()) ? ComparisonRoute.url(p.year(), p.level(), p.code()) : null;
        return new Views.DashboardPage(viewer.page("Cruscotto " + p.year() + " · " + name), d, p.level().label(),
                Texts.dateTime(d.generatedAt()), Texts.date(d.asOf()), years, p.downloads(index, Dashboard.KIND.slug()), areas, comparison);
    }
}
