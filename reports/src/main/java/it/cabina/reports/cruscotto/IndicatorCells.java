package it.cabina.reports.cruscotto;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.warehouse.reference.CodeList;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicator values of the run as the reports publish them ({@link IndicatorCell}: protected, with target and status),
 * in the order of the areas of policy, for any territory and year; and how many of the Ambiti below a territory reached
 * the year's target. Shared by the Cruscotto and the Confronto tra Ambiti.
 */
public final class IndicatorCells {
    private final ReportData data;
    private final IndicatorCatalog catalog;
    private final CodeList areas;
    private final ReportSettings settings;

    public IndicatorCells(ReportData data, IndicatorCatalog catalog, CodeList areas, ReportSettings settings) {
        this.data = data;
        this.catalog = catalog;
        this.areas = areas;
        this.settings = settings;
    }

    /** Indicators in the order of the areas' code list, then of the catalogue. */
    public List<IndicatorCatalog.Indicator> ordered() {
        List<String> order = areas.codes().stream().map(CodeList.Code::code).toList();
        return catalog.indicators().stream().sorted(Comparator.comparingInt(i -> order.indexOf(i.area()))).toList();
    }

    public String areaTitle(String area) {
        return areas.get(area).descrizione();
    }

    public IndicatorCell cell(IndicatorCatalog.Indicator ind, TerritoryInfo t, int year) {
        Map<String, Object> row = data.rows("indicatori", t.level(), t.code(), "anno", year).stream()
                .filter(r -> ind.code().equals(Rows.text(r, "indicatore"))).findFirst().orElse(null);
        return IndicatorCell.of(ind, year, row, year > data.asOf().getYear(), settings.smallCells(),
                Set.copyOf(settings.protezione().vistePersone()));
    }

    /** The Ambiti below a territory that have indicator values for the year (the engine's: those of the reference), by name. */
    public List<TerritoryInfo> ambitiWithValues(TerritoryInfo t, int year) {
        return data.ambitiWithin(t).stream().filter(a -> !data.rows("indicatori", "AMBITO", a.code(), "anno", year).isEmpty()).toList();
    }

    /**
     * "n su m": of the m Ambiti below the territory whose value of the year was judged against its target (reached or not
     * reached), n reached it; null at the Ambito level, or when no Ambito was judged (a baseline, monitoring, or the year
     * in progress).
     */
    public String onTarget(IndicatorCatalog.Indicator ind, TerritoryInfo t, int year) {
        if (t.level().equals("AMBITO")) return null;
        long reached = 0, judged = 0;
        for (TerritoryInfo a : ambitiWithValues(t, year)) {
            String status = cell(ind, a, year).status();
            if ("RAGGIUNTO".equals(status)) reached++;
            if ("RAGGIUNTO".equals(status) || "NON_RAGGIUNTO".equals(status)) judged++;
        }
        return judged == 0 ? null : reached + " su " + judged;
    }
}
