package it.cabina.portal.web;

import it.cabina.portal.AuditLog;
import it.cabina.portal.Level;
import it.cabina.portal.PublishedData;
import it.cabina.portal.ReportIndex;
import it.cabina.portal.Statuses;
import it.cabina.warehouse.published.Comparison;
import it.cabina.warehouse.published.ReportEntry;

import java.util.List;

/**
 * The Confronto tra Ambiti of a territory above the Ambito and a year as a page: the indicators by the Ambiti below, each
 * value with its status in colour and in words. Shown to the users whose scope covers the territory.
 */
final class ComparisonRoute {
    static final String PREFIX = "/" + Comparison.KIND.slug() + "/";

    private final PublishedData data;
    private final ReportIndex index;
    private final AuditLog audit;

    ComparisonRoute(PublishedData data, ReportIndex index, AuditLog audit) {
        this.data = data;
        this.index = index;
        this.audit = audit;
    }

    static String url(int year, Level level, String code) {
        return PageTarget.url(Comparison.KIND, year, level, code);
    }

    /** The page of an index entry of the kind; null for other reports. */
    static String url(ReportEntry e) {
        return PageTarget.url(Comparison.KIND, e);
    }

    Views.ComparisonPage render(Viewer viewer, String from, String rest) {
        PageTarget p = PageTarget.parse(rest);
        if (!Comparison.KIND.publishedFor(p.level().name())) throw Refusal.notFound();
        String target = p.target(Comparison.KIND.slug());
        if (!viewer.sees(p.level(), p.code())) {
            audit.record("COMPARISON_REFUSED", viewer.user().username(), from, target, 403);
            throw Refusal.forbidden();
        }
        Comparison c = data.comparison(p.year(), p.level(), p.code()).orElseThrow(() -> new Refusal(404, "Confronto non disponibile",
                "Il confronto " + p.year() + " degli Ambiti di questo territorio non è ancora stato prodotto."));
        List<Views.YearLink> years = data.dashboard(p.year(), p.level(), p.code()).map(d -> d.years()).orElse(List.of(p.year())).stream()
                .sorted().map(y -> new Views.YearLink(y, data.hasComparison(y, p.level(), p.code()) ? url(y, p.level(), p.code()) : null,
                        y == p.year())).toList();
        List<Views.ComparisonArea> areas = c.areas().stream()
                .map(a -> new Views.ComparisonArea(a.area(), a.title(), a.indicators().stream()
                        .map(r -> new Views.ComparisonRow(r.code(), r.title(), r.targetText(), cell(r.territory()), r.ambitiOnTarget(),
                                r.cells().stream().map(ComparisonRoute::cell).toList()))
                        .toList()))
                .toList();
        audit.record("COMPARISON", viewer.user().username(), from, target, 200);
        String name = c.territoryName() != null ? c.territoryName() : p.code();
        String dashboard = data.hasDashboard(p.year(), p.level(), p.code()) ? DashboardRoute.url(p.year(), p.level(), p.code()) : null;
        return new Views.ComparisonPage(viewer.page("Confronto tra Ambiti " + p.year() + " · " + name), c, p.level().label(),
                Texts.dateTime(c.generatedAt()), Texts.date(c.asOf()), years, p.downloads(index, Comparison.KIND.slug()), areas, dashboard);
    }

    private static Views.CellView cell(Comparison.Cell c) {
        if (c == null) return new Views.CellView("—", Statuses.cssClass(null), "", "");
        String mark = switch (String.valueOf(c.status())) {
            case "RAGGIUNTO" -> "✓";
            case "NON_RAGGIUNTO" -> "✗";
            default -> "";
        };
        return new Views.CellView(c.valueText(), Statuses.cssClass(c.status()), Statuses.label(c.status(), c.statusLabel()), mark);
    }
}
