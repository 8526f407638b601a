package it.cabina.reports.confronto;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.reports.Part;
import it.cabina.reports.ReportBuilder;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.ReportKey;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.reports.cruscotto.IndicatorCell;
import it.cabina.reports.cruscotto.IndicatorCells;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.warehouse.published.Comparison;
import it.cabina.warehouse.published.ReportKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confronto tra Ambiti for a territory above the Ambito and a year: the indicators (rows, grouped by area) by the Ambiti
 * below (columns), each cell the Ambito's value coloured by its status (and marked ✓/✗), beside the territory's own value,
 * the target and how many Ambiti reached it. The Ambiti are split into balanced groups of at most ten columns
 * ({@link ColumnGroups}), one part each, so that an ATS with 30 Ambiti reads on A4 landscape. The same figures feed the
 * portal's page ({@link #comparison}).
 */
public final class ConfrontoReport implements ReportBuilder {
    static final String TEMPLATE = "confronto/matrice";

    private final ReportData data;
    private final IndicatorCells cells;
    private final ReportSettings settings;

    public ConfrontoReport(ReportData data, IndicatorCells cells, ReportSettings settings) {
        this.data = data;
        this.cells = cells;
        this.settings = settings;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.CONFRONTO;
    }

    @Override
    public List<ReportKey> available(String period) {
        return data.reports(kind(), period, "indicatori", "anno").stream()
                .filter(k -> !cells.ambitiWithValues(data.territory(k.level(), k.territory()), Integer.parseInt(period)).isEmpty()).toList();
    }

    @Override
    public ReportDocument build(ReportKey key) {
        TerritoryInfo t = territory(key);
        int year = Integer.parseInt(key.period());
        List<TerritoryInfo> ambiti = cells.ambitiWithValues(t, year);
        List<Integer> sizes = ColumnGroups.sizes(ambiti.size());
        List<Part> parts = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            List<TerritoryInfo> group = ambiti.subList(from, from + size);
            String label = sizes.size() == 1 ? "Ambiti 1–" + size + " di " + ambiti.size()
                    : "Ambiti " + (from + 1) + "–" + (from + size) + " di " + ambiti.size();
            Map<String, Object> params = new HashMap<>();
            params.put("ANNO", String.valueOf(year));
            params.put("BLOCCO", label);
            params.put("TERRITORIO_BREVE", t.name());
            params.put("N", size);
            for (int k = 0; k < size; k++) params.put("A" + (k + 1), group.get(k).name());
            Part p = Part.of(TEMPLATE, label.replace("–", "-"), rows(t, group, year)).withParameters(params);
            parts.add(from == 0 ? p : p.onNewPage());
            from += size;
        }
        List<String> notes = new ArrayList<>(List.of(
                "Valore " + year + " di ogni Ambito, colorato secondo l'esito rispetto all'obiettivo dell'anno: ✓ raggiunto (verde), "
                        + "✗ non raggiunto (rosso); anno base in blu, monitoraggio in grigio, anno in corso in bianco, non calcolabile (—) in arancio.",
                "«Ambiti a obiettivo»: quanti Ambiti raggiungono l'obiettivo dell'anno su quelli il cui valore è stato valutato."));
        if (sizes.size() > 1) {
            notes.add("Gli Ambiti (" + ambiti.size() + ") sono divisi in " + sizes.size() + " gruppi di al massimo " + ColumnGroups.MAX
                    + " colonne, ognuno dalla sua pagina: ogni gruppo ripete indicatore, obiettivo, valore del territorio e Ambiti a obiettivo.");
        }
        notes.add(settings.smallCells().note());
        return new ReportDocument(key, t.name(), t.levelLabel(), String.valueOf(year), notes, parts);
    }

    /** One row per indicator: its area, target, the territory's value (slot 0), "n su m", and slots 1… for the Ambiti. */
    private List<Map<String, Object>> rows(TerritoryInfo t, List<TerritoryInfo> group, int year) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorCatalog.Indicator ind : cells.ordered()) {
            IndicatorCell own = cells.cell(ind, t, year);
            Map<String, Object> r = new HashMap<>();
            r.put("area", ind.area());
            r.put("area_titolo", cells.areaTitle(ind.area()));
            r.put("codice", ind.code());
            r.put("titolo", ind.titolo());
            r.put("obiettivo", own.target());
            r.put("ambiti", cells.onTarget(ind, t, year));
            r.put("pattern", own.pattern());
            slot(r, 0, own);
            for (int k = 0; k < group.size(); k++) slot(r, k + 1, cells.cell(ind, group.get(k), year));
            rows.add(r);
        }
        return rows;
    }

    private static void slot(Map<String, Object> r, int k, IndicatorCell c) {
        r.put("v" + k, c.value());
        r.put("t" + k, marked(c));
        r.put("s" + k, c.status());
    }

    /** The value as printed, with ✓ or ✗ when it was judged against the target. */
    static String marked(IndicatorCell c) {
        String mark = switch (String.valueOf(c.status())) {
            case "RAGGIUNTO" -> " ✓";
            case "NON_RAGGIUNTO" -> " ✗";
            default -> "";
        };
        return c.valueDisplay() + mark;
    }

    /** The comparison of a territory and year as the portal shows it (same protection as the report). */
    public Comparison comparison(ReportKey key, String generatedAt) {
        TerritoryInfo t = territory(key);
        int year = Integer.parseInt(key.period());
        List<TerritoryInfo> ambiti = cells.ambitiWithValues(t, year);
        Map<String, List<Comparison.Row>> byArea = new LinkedHashMap<>();
        for (IndicatorCatalog.Indicator ind : cells.ordered()) {
            IndicatorCell own = cells.cell(ind, t, year);
            List<Comparison.Cell> row = new ArrayList<>();
            for (TerritoryInfo a : ambiti) row.add(cell(cells.cell(ind, a, year)));
            byArea.computeIfAbsent(ind.area(), x -> new ArrayList<>()).add(new Comparison.Row(ind.code(), ind.titolo(), ind.unita(),
                    own.target(), cell(own), cells.onTarget(ind, t, year), row));
        }
        List<Comparison.Area> areas = new ArrayList<>();
        byArea.forEach((a, list) -> areas.add(new Comparison.Area(a, cells.areaTitle(a), list)));
        return new Comparison(kind().slug(), year, key.level(), key.territory(), t.name(), generatedAt, data.runId(), data.asOf().toString(),
                ambiti.stream().map(a -> new Comparison.Ambito(a.code(), a.name())).toList(), areas);
    }

    private static Comparison.Cell cell(IndicatorCell c) {
        return new Comparison.Cell(c.valueDisplay(), c.status(), c.statusLabel());
    }

    private TerritoryInfo territory(ReportKey key) {
        TerritoryInfo t = data.territory(key.level(), key.territory());
        if (t == null) throw new IllegalArgumentException("territorio " + key.level() + " " + key.territory() + " sconosciuto");
        return t;
    }
}
