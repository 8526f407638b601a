package it.cabina.cli;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Esegue Spark SQL sulle tabelle del warehouse, chiamate per nome (es. fact_case, csi_persone, quarantine).",
                "Senza query elenca le tabelle."})
public final class SqlCommand implements Callable<Integer> {
    enum Format { text, csv, json }

    @Mixin
    WarehouseOptions paths;

    @Option(names = "--format", defaultValue = "text", description = "text, csv o json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", defaultValue = "1000", description = "Righe mostrate al massimo (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "La query, per esempio \"SELECT area_utenza, count(*) FROM fact_case GROUP BY 1\".")
    String query;

    @Override
    public Integer call() {
        CabinaConfig config = paths.config();
        SparkSession spark = SparkSessions.create(config);
        List<Table> tables = new DeltaStore(spark, config.warehouse()).registerViews();
        if (query == null) {
            for (Table t : tables) System.out.printf("%-8s %s%n", t.layer().folder(), t.name());
            return 0;
        }
        Dataset<Row> result = spark.sql(query).limit(limit);
        switch (format) {
            case csv -> {
                System.out.println(String.join(",", result.columns()));
                for (Row r : result.collectAsList()) System.out.println(csvLine(r));
            }
            case json -> result.toJSON().collectAsList().forEach(System.out::println);
            default -> result.show(limit, false);
        }
        return 0;
    }

    private static String csvLine(Row r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            if (i > 0) sb.append(',');
            Object v = r.get(i);
            if (v == null) continue;
            String s = v.toString();
            sb.append(s.matches(".*[\",\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return sb.toString();
    }
}
