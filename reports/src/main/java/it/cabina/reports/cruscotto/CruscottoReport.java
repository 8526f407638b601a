package it.cabina.reports.cruscotto;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.ReportKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cruscotto indicatori for a territory and year: the indicators grouped by area of policy with target and status (above
 * the Ambito, with how many Ambiti below reached the target), then each indicator across the triennium. The same figures feed the portal's dashboard page ({@link #dashboard}).
 */
public final class CruscottoReport implements ReportBuilder {
    private final ReportData data;
    private final IndicatorCatalog catalog;
    private final IndicatorCells cells;
    private final ReportSettings settings;

    public CruscottoReport(ReportData data, IndicatorCatalog catalog, IndicatorCells cells, ReportSettings settings) {
        this.data = data;
        this.catalog = catalog;
        this.cells = cells;
        this.settings = settings;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.CRUSCOTTO;
    }

    @Override
    public List<ReportKey> available(String period) {
        return data.reports(kind(), period, "indicatori", "anno");
    }

    @Override
    public ReportDocument build(ReportKey key) {
        TerritoryInfo t = territory(key);
        int year = Integer.parseInt(key.period());
        List<Integer> years = catalog.triennio().years();
        Map<String, Object> yearParams = new HashMap<>();
        for (int i = 0; i < years.size(); i++) yearParams.put("Y" + (i + 1), yearLabel(years.get(i)));
        List<Map<String, Object>> table = new ArrayList<>();
        List<Map<String, Object>> trend = new ArrayList<>();
        for (IndicatorCatalog.Indicator ind : cells.ordered()) {
            IndicatorCell c = cells.cell(ind, t, year);
            Map<String, Object> r = new HashMap<>();
            r.put("area", ind.area());
            r.put("area_titolo", cells.areaTitle(ind.area()));
            r.put("codice", ind.code());
            r.put("titolo", ind.titolo());
            r.put("num", c.num());
            r.put("num_testo", c.numText());
            r.put("den", c.den());
            r.put("den_testo", c.denText());
            r.put("valore", c.value());
            r.put("valore_testo", c.valueText());
            r.put("pattern", c.pattern());
            r.put("obiettivo", c.target());
            r.put("stato", c.status());
            r.put("stato_etichetta", c.statusLabel());
            r.put("nota", c.note());
            r.put("ambiti", cells.onTarget(ind, t, year));
            table.add(r);
            Map<String, Object> tr = new HashMap<>();
            tr.put("codice", ind.code());
            tr.put("titolo", ind.titolo());
            tr.put("pattern", c.pattern());
            tr.put("unita", ind.unita());
            for (int i = 0; i < years.size(); i++) {
                IndicatorCell y = cells.cell(ind, t, years.get(i));
                String n = String.valueOf(i + 1);
                tr.put("v" + n, y.value());
                tr.put("t" + n, y.valueText());
                tr.put("o" + n, y.target());
                tr.put("s" + n, y.statusLabel());
                tr.put("st" + n, y.status());
                tr.put("g" + n, y.chartValue());
                tr.put("ob" + n, y.chartTarget());
            }
            trend.add(tr);
        }
        List<String> notes = List.of(settings.smallCells().note());
        return new ReportDocument(key, t.name(), t.levelLabel(), String.valueOf(year), notes, List.of(
                Part.of("cruscotto/indicatori", "Indicatori " + year, table).withParameters(Map.of("ANNO", String.valueOf(year))),
                Part.of("cruscotto/andamento", "Andamento triennio", trend).withParameters(yearParams).onNewPage(),
                Cronoprogramma.of(data, t)));
    }

    /** The dashboard of a territory and year as the portal shows it (same protection as the reports). */
    public Dashboard dashboard(ReportKey key, String generatedAt) {
        TerritoryInfo t = territory(key);
        int year = Integer.parseInt(key.period());
        Map<String, List<Dashboard.Indicator>> byArea = new LinkedHashMap<>();
        for (IndicatorCatalog.Indicator ind : cells.ordered()) {
            IndicatorCell c = cells.cell(ind, t, year);
            List<Dashboard.TrendPoint> trend = new ArrayList<>();
            for (int y : catalog.triennio().years()) {
                IndicatorCell yc = cells.cell(ind, t, y);
                trend.add(new Dashboard.TrendPoint(y, yc.chartValue(), yc.valueDisplay(), yc.chartTarget(), yc.target(), yc.status()));
            }
            byArea.computeIfAbsent(ind.area(), a -> new ArrayList<>()).add(new Dashboard.Indicator(ind.code(), ind.titolo(),
                    ind.unita(), c.numDisplay(), c.denDisplay(), c.chartValue(), c.valueDisplay(), c.target(), c.status(),
                    c.statusLabel(), c.note(), trend, cells.onTarget(ind, t, year)));
        }
        List<Dashboard.Area> areaList = new ArrayList<>();
        byArea.forEach((a, list) -> areaList.add(new Dashboard.Area(a, cells.areaTitle(a), list)));
        return new Dashboard(kind().slug(), year, key.level(), key.territory(), t.name(), generatedAt, data.runId(),
                data.asOf().toString(), catalog.triennio().years(), settings.protezione().soglia(), areaList);
    }

    /** A year as the trend shows it: the year holding the run date is "in corso", later years have not begun. */
    private String yearLabel(int year) {
        int current = data.asOf().getYear();
        return year == current ? year + " (in corso)" : year > current ? year + " (non iniziato)" : String.valueOf(year);
    }

    private TerritoryInfo territory(ReportKey key) {
        TerritoryInfo t = data.territory(key.level(), key.territory());
        if (t == null) throw new IllegalArgumentException("territorio " + key.level() + " " + key.territory() + " sconosciuto");
        return t;
    }
}
