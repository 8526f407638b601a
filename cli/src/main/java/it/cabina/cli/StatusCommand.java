package it.cabina.cli;

import it.cabina.etl.anomalies.Anomalies;
import it.cabina.etl.anomalies.Anomaly;
import it.cabina.etl.model.ModelChecks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.cabina.etl.ops.RunStatus;
import it.cabina.etl.quality.DeliveryStatus;
import it.cabina.etl.quality.Quarantine;
import org.apache.spark.sql.Row;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.spark.SparkSessions;
import it.cabina.warehouse.tables.DeltaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Consegne ricevute e, per file, righe ricevute, caricate e scartate con i motivi;",
                "le anomalie rispetto allo storico (conf/anomalies.yaml). JSON: runs, deliveries, checks, anomalies."})
public final class StatusCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    WarehouseOptions paths;

    @Option(names = "--format", defaultValue = "text", description = "text o json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--details", paramLabel = "N", arity = "0..1", fallbackValue = "20",
            description = "Elenca anche le righe scartate (consegna, file, riga, campo, regola, valore), al massimo N per file (default 20).")
    Integer details;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Quante esecuzioni del nightly mostrare, dalla più recente (default: ${DEFAULT-VALUE}; 0 nessuna).")
    int runs;

    @Option(names = "--deliveries", paramLabel = "N", defaultValue = "50",
            description = "Quante consegne elencare, le ultime registrate (default: ${DEFAULT-VALUE}; 0 nessuna). Il formato json le riporta tutte.")
    int deliveries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 0 || deliveries < 0) throw Arguments.invalid(spec, "--runs e --deliveries vogliono un numero da 0 in su");
        CabinaConfig config = paths.config();
        DeltaStore store = new DeltaStore(SparkSessions.create(config), config.warehouse());
        DeliveryStatus.Report report = DeliveryStatus.read(store);
        List<RunStatus.RunView> latestRuns = RunStatus.latest(store, runs);
        List<ModelChecks.Latest> checks = ModelChecks.latest(store);
        List<Anomaly> anomalies = Anomalies.latest(store);
        PrintStream out = System.out;
        if (format == Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("runs", latestRuns);
            json.put("deliveries", report.deliveries());
            json.put("checks", checks);
            json.put("anomalies", anomalies);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            return 0;
        }
        printRuns(out, latestRuns);
        printChecks(out, checks);
        printAnomalies(out, anomalies);
        if (report.deliveries().isEmpty()) {
            out.println("Nessuna consegna registrata in " + config.warehouse());
            return 0;
        }
        List<DeliveryStatus.DeliveryView> all = report.deliveries();
        List<DeliveryStatus.DeliveryView> shown = all.subList(Math.max(0, all.size() - deliveries), all.size());
        // a regional warehouse holds thousands of deliveries, each with its files: the latest, and how many are left out
        if (shown.size() < all.size()) {
            out.printf(Locale.ITALY, "Consegne: le ultime %,d di %,d registrate (--deliveries=N per elencarne di più)%n", shown.size(), all.size());
        }
        for (DeliveryStatus.DeliveryView d : shown) {
            out.printf("%-10s %-7s %-22s %s (%s)%n", d.status(), d.source(), d.sender(), d.deliveryId(), d.deliveryName());
            for (String r : d.reasons()) out.println("           motivo: " + r);
            for (DeliveryStatus.FileView f : d.files()) {
                out.printf("           %-26s ricevute %,9d  caricate %,9d  scartate %,7d%s%n", f.name(), f.received(), f.loaded(), f.setAside(),
                        f.warnings() > 0 ? String.format("  avvisi %,d", f.warnings()) : "");
                for (Map.Entry<String, Long> e : f.setAsideByRule().entrySet()) {
                    out.printf("             - %-18s %,7d%n", e.getKey(), e.getValue());
                }
                for (Map.Entry<String, Long> e : f.warningsByRule().entrySet()) {
                    out.printf("             ! %-18s %,7d (avviso: righe caricate)%n", e.getKey(), e.getValue());
                }
                if (details != null && f.setAside() > 0) {
                    for (Row q : new Quarantine(store).read().filter(col("delivery_name").equalTo(d.deliveryName())
                            .and(col("file").equalTo(f.name()))).orderBy("line").limit(details).collectAsList()) {
                        out.printf("               %s %s riga %d, campo %s: %s (%s) valore «%s»%n", d.deliveryName(), f.name(),
                                q.<Long>getAs("line"), q.<String>getAs("field"), q.<String>getAs("rule"),
                                q.<String>getAs("descrizione"), q.getAs("value") == null ? "(vuoto)" : q.<String>getAs("value"));
                    }
                }
            }
        }
        return 0;
    }

    private static void printAnomalies(PrintStream out, List<Anomaly> anomalies) {
        if (anomalies.isEmpty()) return;
        out.printf("Anomalie rispetto allo storico (non bloccanti): %d%n", anomalies.size());
        for (Anomaly a : anomalies) {
            out.printf("  %-10s %-20s %-22s %-36s %s: osservato %s, atteso %s%n", a.severity(), a.check(),
                    a.sender() != null ? a.sender() : a.level() + " " + a.territory(), a.period(), a.measure(),
                    Anomaly.shown(a.observed()), a.expectedShown());
        }
        out.println();
    }

    private static void printChecks(PrintStream out, List<ModelChecks.Latest> checks) {
        if (checks.isEmpty()) return;
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.printf("Controlli del modello (ultimo controllo di ogni tabella): %d, %d superati%n", checks.size(), checks.size() - failed);
        for (ModelChecks.Latest c : checks) {
            if (c.passed()) continue;
            out.printf("  %-7s %-24s %s(%s): %,d righe in errore (%s)%s%n", c.severity().equals("error") ? "ERRORE" : "AVVISO", c.table(),
                    c.check(), c.columns(), c.failingRows(), c.runId(), c.description() == null ? "" : " — " + c.description());
        }
        out.println();
    }

    private static void printRuns(PrintStream out, List<RunStatus.RunView> runs) {
        if (runs.isEmpty()) return;
        out.println("Esecuzioni del nightly (dalla più recente):");
        for (RunStatus.RunView r : runs) {
            out.printf("  %-26s %-9s inizio %s  data di riferimento %s%s%n", r.runId(), r.status(), r.started(), r.asOf(),
                    r.seconds() == null ? "" : String.format("  durata %.1f s", r.seconds()));
            if (!r.counts().isEmpty()) out.println("      " + r.counts());
            for (RunStatus.StageView s : r.stages()) {
                out.printf("      %-38s %7.1f s  %s%n", s.stage(), s.seconds(), s.counts().isEmpty() ? "" : s.counts());
            }
            if (r.lockTakenOver() != null) out.println("      lucchetto abbandonato ripreso: " + r.lockTakenOver());
            if (r.error() != null) out.println("      errore: " + r.error());
            if (r.recoveredBy() != null) out.println("      interrotta; lavoro rifatto da " + r.recoveredBy());
        }
        out.println();
    }
}
