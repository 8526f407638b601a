package it.cabina.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.cabina.etl.indicators.IndicatorResults;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.Territory;
import it.cabina.warehouse.spark.SparkSessions;
import it.cabina.warehouse.tables.DeltaStore;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"Valori degli indicatori del triennio calcolati dall'ultimo nightly (o da --run).",
                "CSV: indicator,year,level,territory,numerator,denominator,value,status (punto decimale, valore non arrotondato)."})
public final class IndicatorsCommand implements Callable<Integer> {
    enum Format { text, csv, json }

    @Mixin
    WarehouseOptions paths;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--year", description = "Solo quest'anno.")
    Integer year;

    @Option(names = "--level", description = "AMBITO, ASST, ATS o REGIONE.")
    String level;

    @Option(names = "--territory", description = "Codice del territorio: AMB-…, 0307xx, 0303xx, 03.")
    String territory;

    @Option(names = "--run", description = "Il run che ha calcolato i valori (default: l'ultimo).")
    String run;

    @Option(names = "--format", defaultValue = "text", description = "text, csv o json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = paths.config();
        if (level != null && !List.of("AMBITO", "ASST", "ATS", "REGIONE").contains(level.toUpperCase())) {
            throw Arguments.invalid(spec, "--level dev'essere AMBITO, ASST, ATS o REGIONE, non '" + level + "'");
        }
        DeltaStore store = new DeltaStore(SparkSessions.create(config), config.warehouse());
        List<Row> rows = IndicatorResults.read(store, new IndicatorResults.Filter(run, year, level, territory)).collectAsList();
        PrintStream out = System.out;
        switch (format) {
            case csv -> {
                out.println(IndicatorResults.CSV_HEADER);
                rows.forEach(r -> out.println(IndicatorResults.csv(r)));
            }
            case json -> {
                ObjectMapper om = new ObjectMapper();
                ArrayNode arr = om.createArrayNode();
                for (Row r : rows) {
                    ObjectNode o = arr.addObject();
                    o.put("indicator", r.<String>getAs("indicatore")).put("year", r.<Integer>getAs("anno"))
                            .put("level", r.<String>getAs("livello")).put("territory", r.<String>getAs("territorio"));
                    o.put("numerator", r.<Double>getAs("numeratore")).put("denominator", r.<Double>getAs("denominatore"))
                            .put("value", r.<Double>getAs("valore")).put("status", r.<String>getAs("stato"))
                            .put("rule", r.<String>getAs("regola")).put("reason", r.<String>getAs("motivo"))
                            .put("title", r.<String>getAs("titolo")).put("run_id", r.<String>getAs("run_id"));
                }
                out.println(om.writerWithDefaultPrettyPrinter().writeValueAsString(om.createObjectNode().set("indicators", arr)));
            }
            default -> text(out, rows, Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode()));
        }
        return 0;
    }

    private static void text(PrintStream out, List<Row> rows, Territory t) {
        if (rows.isEmpty()) {
            out.println("Nessun valore per questi filtri.");
            return;
        }
        out.println("Run " + rows.get(0).getAs("run_id") + " — data di riferimento " + rows.get(0).getAs("data_riferimento"));
        String current = "";
        for (Row r : rows) {
            String ind = r.getAs("indicatore");
            if (!ind.equals(current)) {
                out.printf("%n%s  %s (%s)%n", ind, r.<String>getAs("titolo"), r.<String>getAs("unita"));
                out.printf("  %-4s %-8s %-42s %12s %12s %10s  %-15s %s%n", "anno", "livello", "territorio", "numeratore",
                        "denomin.", "valore", "stato", "obiettivo / nota");
                current = ind;
            }
            String note = r.getAs("motivo") != null ? r.getAs("motivo")
                    : it.cabina.etl.indicators.YearRule.parse(r.getAs("regola")).label();
            out.printf("  %-4d %-8s %-42s %12s %12s %10s  %-15s %s%n", r.<Integer>getAs("anno"), r.<String>getAs("livello"),
                    trim(r.<String>getAs("territorio") + " " + name(t, r.getAs("livello"), r.getAs("territorio")), 42),
                    fmt(r.getAs("numeratore")), fmt(r.getAs("denominatore")), fmt(r.getAs("valore")), r.<String>getAs("stato"), note);
        }
    }

    private static String name(Territory t, String level, String code) {
        return switch (level) {
            case "AMBITO" -> t.ambito(code) == null ? "" : t.ambito(code).denominazione();
            case "REGIONE" -> "Regione Lombardia";
            default -> t.authority(code) == null ? "" : t.authority(code).denominazione();
        };
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String fmt(Double d) {
        if (d == null) return "-";
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.format(java.util.Locale.ITALY, "%,d", d.longValue())
                : String.format(java.util.Locale.ITALY, "%,.2f", d);
    }
}
