package it.cabina.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.indicators.Explainer;
import it.cabina.etl.indicators.ExplanationRow;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.indicators.IndicatorResults;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.published.Levels;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Elenca i record che compongono il numeratore e il denominatore di un valore di indicatore (ultimo run o --run).",
                "Ogni riga: l'unità contata, quanto aggiunge (la somma di contribution su una parte è il valore registrato),",
                "il mittente, il tipo e l'identificativo del record del mittente, la consegna, il file e la riga della sua versione corrente.",
                "CSV: " + ExplanationRow.CSV_HEADER})
public final class ExplainCommand implements Callable<Integer> {
    enum Format { text, csv, json }

    enum Part { numerator, denominator }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOptions paths;

    @Option(names = "--indicator", required = true, paramLabel = "CODICE", description = "L'indicatore, es. SAD-01.")
    String indicator;

    @Option(names = "--year", required = true, description = "L'anno.")
    int year;

    @Option(names = "--level", required = true, description = "AMBITO, ASST, ATS o REGIONE.")
    String level;

    @Option(names = "--territory", required = true, description = "Codice del territorio: AMB-…, 0307xx, 0303xx, 03.")
    String territory;

    @Option(names = "--part", description = "Solo numerator o denominator (default: entrambi).")
    Part part;

    @Option(names = "--run", description = "Il run di cui spiegare i valori (default: l'ultimo); un run precedente si legge com'era il "
            + "warehouse allora (entro la finestra di audit).")
    String run;

    @Option(names = "--format", defaultValue = "text", description = "text, csv o json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = paths.config();
        String lvl = level.toUpperCase(Locale.ROOT);
        if (!Levels.ALL.contains(lvl)) throw Arguments.invalid(spec, "--level dev'essere uno di " + Levels.ALL + ", non '" + level + "'");
        CabinaContext ctx = Jobs.open(config);
        IndicatorCatalog catalog = IndicatorEngine.catalog(ctx);
        if (catalog.get(indicator) == null) throw Arguments.invalid(spec, "indicatore '" + indicator + "' sconosciuto al catalogo");
        List<Row> cells = IndicatorResults.read(ctx.store(), new IndicatorResults.Filter(run, year, lvl, territory))
                .filter("indicatore = '" + indicator.replace("'", "") + "'").collectAsList();
        if (cells.isEmpty()) {
            throw Arguments.invalid(spec, "nessun valore di " + indicator + " per " + year + " " + lvl + " " + territory
                    + (run == null ? " nell'ultimo run" : " nel run " + run));
        }
        Row cell = cells.get(0);
        String runId = cell.getAs("run_id");
        LocalDate runDate = cell.<java.sql.Date>getAs("data_riferimento").toLocalDate();
        String latest = IndicatorResults.read(ctx.store(), new IndicatorResults.Filter(null, null, null, null)).select("run_id").first().getString(0);
        Instant stateAt = runId.equals(latest) ? null : cell.<Timestamp>getAs("calcolato_il").toInstant();
        List<ExplanationRow> rows = new Explainer(ctx, catalog, runDate, stateAt).open()
                .rows(new Explainer.Selection(indicator, year, lvl, territory, part == null ? null : part.name()));
        PrintStream out = System.out;
        switch (format) {
            case csv -> {
                out.println(ExplanationRow.CSV_HEADER);
                rows.forEach(r -> out.println(r.csv()));
            }
            case json -> out.println(json(cell, rows));
            default -> text(out, cell, rows);
        }
        return 0;
    }

    private String json(Row cell, List<ExplanationRow> rows) throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        o.put("indicator", indicator).put("year", year).put("level", cell.<String>getAs("livello")).put("territory", territory)
                .put("run_id", cell.<String>getAs("run_id")).put("numerator", cell.<Double>getAs("numeratore"))
                .put("denominator", cell.<Double>getAs("denominatore")).put("value", cell.<Double>getAs("valore"))
                .put("status", cell.<String>getAs("stato"));
        ArrayNode arr = o.putArray("rows");
        for (ExplanationRow r : rows) {
            arr.addObject().put("part", r.part()).put("unit", r.unit()).put("contribution", r.contribution()).put("sender", r.sender())
                    .put("record_type", r.recordType()).put("record_id", r.recordId()).put("delivery", r.delivery()).put("file", r.file())
                    .put("line", r.line());
        }
        return om.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    }

    private void text(PrintStream out, Row cell, List<ExplanationRow> rows) {
        out.println(indicator + " " + cell.<String>getAs("titolo") + " — " + year + " " + cell.<String>getAs("livello") + " " + territory
                + " (run " + cell.<String>getAs("run_id") + ")");
        for (Part p : Part.values()) {
            if (part != null && part != p) continue;
            Double stored = cell.getAs(p == Part.numerator ? "numeratore" : "denominatore");
            List<ExplanationRow> mine = rows.stream().filter(r -> r.part().equals(p.name())).toList();
            long units = mine.stream().map(ExplanationRow::unit).distinct().count();
            out.printf("%n%s: %s (%d unità, %d righe)%n", p == Part.numerator ? "Numeratore" : "Denominatore",
                    stored == null ? "—" : IndicatorResults.number(stored), units, mine.size());
            if (mine.isEmpty()) continue;
            out.printf("  %6s %10s  %-20s %-18s %-22s %-40s %-26s %s%n", "unità", "contributo", "mittente", "record", "identificativo",
                    "consegna", "file", "riga");
            for (ExplanationRow r : mine) {
                out.printf("  %6d %10s  %-20s %-18s %-22s %-40s %-26s %s%n", r.unit(), IndicatorResults.number(r.contribution()),
                        dash(r.sender()), dash(r.recordType()), dash(r.recordId()), dash(r.delivery()), dash(r.file()),
                        r.line() == null ? "—" : r.line());
            }
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }
}
