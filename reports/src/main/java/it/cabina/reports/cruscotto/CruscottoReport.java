package it.cabina.reports.cruscotto;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.ReportKind;
import it.cabina.warehouse.reference.CodeList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cruscotto indicatori for a territory and year: the indicators grouped by area of policy with target and status,
 * then each indicator across the triennium. The same figures feed the portal's dashboard page ({@link #dashboard}).
 */
public final class CruscottoReport implements ReportBuilder {
    private final ReportData data;
    private final IndicatorCatalog catalog;
    private final CodeList areas;
    private final ReportSettings settings;

    public CruscottoReport(ReportData data, IndicatorCatalog catalog, CodeList areas, ReportSettings settings) {
        this.data = data;
        this.catalog = catalog;
        this.areas = areas;
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
        for (IndicatorCatalog.Indicator ind : ordered()) {
            IndicatorCell c = cell(ind, t, year);
            Map<String, Object> r = new HashMap<>();
            r.put("area", ind.area());
            r.put("area_titolo", areas.get(ind.area()).descrizione());
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
            table.add(r);
            Map<String, Object> tr = new HashMap<>();
            tr.put("codice", ind.code());
            tr.put("titolo", ind.titolo());
            tr.put("pattern", c.pattern());
            tr.put("unita", ind.unita());
            for (int i = 0; i < years.size(); i++) {
                IndicatorCell y = cell(ind, t, years.get(i));
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
                Part.of("cruscotto/andamento", "Andamento triennio", trend).withParameters(yearParams).onNewPage()));
    }

    /** The dashboard of a territory and year as the portal shows it (same protection as the reports). */
    public Dashboard dashboard(ReportKey key, String generatedAt) {
        TerritoryInfo t = territory(key);
        int year = Integer.parseInt(key.period());
        Map<String, List<Dashboard.Indicator>> byArea = new LinkedHashMap<>();
        for (IndicatorCatalog.Indicator ind : ordered()) {
            IndicatorCell c = cell(ind, t, year);
            List<Dashboard.TrendPoint> trend = new ArrayList<>();
            for (int y : catalog.triennio().years()) {
                IndicatorCell yc = cell(ind, t, y);
                trend.add(new Dashboard.TrendPoint(y, yc.chartValue(), yc.valueDisplay(), yc.chartTarget(), yc.target(), yc.status()));
            }
            byArea.computeIfAbsent(ind.area(), a -> new ArrayList<>()).add(new Dashboard.Indicator(ind.code(), ind.titolo(),
                    ind.unita(), c.numDisplay(), c.denDisplay(), c.chartValue(), c.valueDisplay(), c.target(), c.status(),
                    c.statusLabel(), c.note(), trend));
        }
        List<Dashboard.Area> areaList = new ArrayList<>();
        byArea.forEach((a, list) -> areaList.add(new Dashboard.Area(a, areas.get(a).descrizione(), list)));
        return new Dashboard(kind().slug(), year, key.level(), key.territory(), t.name(), generatedAt, data.runId(),
                data.asOf().toString(), catalog.triennio().years(), settings.protezione().soglia(), areaList);
    }

    /** A year as the trend shows it: the year holding the run date is "in corso", later years have not begun. */
    private String yearLabel(int year) {
        int current = data.asOf().getYear();
        return year == current ? year + " (in corso)" : year > current ? year + " (non iniziato)" : String.valueOf(year);
    }

    /** Indicators in the order of the areas' code list, then of the catalogue. */
    private List<IndicatorCatalog.Indicator> ordered() {
        List<String> order = areas.codes().stream().map(CodeList.Code::code).toList();
        return catalog.indicators().stream().sorted(java.util.Comparator.comparingInt(i -> order.indexOf(i.area()))).toList();
    }

    private IndicatorCell cell(IndicatorCatalog.Indicator ind, TerritoryInfo t, int year) {
        Map<String, Object> row = data.rows("indicatori", t.level(), t.code(), "anno", year).stream()
                .filter(r -> ind.code().equals(Rows.text(r, "indicatore"))).findFirst().orElse(null);
        return IndicatorCell.of(ind, year, row, year > data.asOf().getYear(), settings.smallCells(),
                Set.copyOf(settings.protezione().vistePersone()));
    }

    private TerritoryInfo territory(ReportKey key) {
        TerritoryInfo t = data.territory(key.level(), key.territory());
        if (t == null) throw new IllegalArgumentException("territorio " + key.level() + " " + key.territory() + " sconosciuto");
        return t;
    }
}
