package it.cabina.etl.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/** The latest nightlies from the run ledger, one view per run: outcome, duration, counts and stages. */
public final class RunStatus {
    private RunStatus() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(@JsonProperty("run_id") String runId, String status, String started, String ended,
                          @JsonProperty("as_of") String asOf, Double seconds, Map<String, Long> counts,
                          List<StageView> stages, @JsonProperty("lock_taken_over") String lockTakenOver,
                          String error, @JsonProperty("recovered_by") String recoveredBy) {}

    public record StageView(String stage, double seconds, Map<String, Long> counts) {}

    /** The last {@code limit} runs, newest first. Status: FINISHED, FAILED, RECOVERED (interrupted, redone), or STARTED. */
    public static List<RunView> latest(DeltaStore store, int limit) {
        if (!store.exists(Tables.RUNS) || limit <= 0) return List.of();
        List<String> ids = store.read(Tables.RUNS).filter(col("status").equalTo("STARTED")).orderBy(col("at").desc(), col("run_id").desc())
                .select("run_id").limit(limit).collectAsList().stream().map(r -> r.getString(0)).toList();
        if (ids.isEmpty()) return List.of();
        Map<String, Map<String, Row>> byRun = new LinkedHashMap<>();
        ids.forEach(id -> byRun.put(id, new TreeMap<>()));
        var runs = store.read(Tables.RUNS);
        List<String> columns = List.of(runs.columns());
        for (Row r : runs.filter(col("run_id").isin(ids.toArray())).collectAsList()) {
            byRun.get(r.<String>getAs("run_id")).put(r.getAs("status"), r);
        }
        List<RunView> out = new ArrayList<>();
        for (var e : byRun.entrySet()) {
            Map<String, Row> rows = e.getValue();
            Row started = rows.get("STARTED");
            Row end = rows.containsKey("FINISHED") ? rows.get("FINISHED") : rows.get("FAILED");
            Row recovered = rows.get("RECOVERED");
            String status = rows.containsKey("FINISHED") ? "FINISHED" : recovered != null ? "RECOVERED" : end != null ? "FAILED" : "STARTED";
            Map<String, Long> counts = new LinkedHashMap<>();
            List<StageView> stages = new ArrayList<>();
            if (end != null) {
                for (String c : List.of("loaded", "rejected", "duplicates", "rows_received", "rows_loaded", "rows_set_aside")) {
                    if (end.getAs(c) != null) counts.put(c, end.<Long>getAs(c));
                }
                if (columns.contains("stages") && end.getAs("stages") != null) {
                    for (Row s : end.<Row>getList(end.fieldIndex("stages"))) {
                        stages.add(new StageView(s.getString(0), s.getDouble(1), new TreeMap<>(s.<String, Long>getJavaMap(2))));
                    }
                }
            }
            out.add(new RunView(e.getKey(), status, String.valueOf(started.<Object>getAs("at")),
                    end == null ? null : String.valueOf(end.<Object>getAs("at")), String.valueOf(started.<Object>getAs("as_of")),
                    end == null ? null : end.<Double>getAs("seconds"), counts, stages,
                    columns.contains("lock_taken_over") ? started.<String>getAs("lock_taken_over") : null,
                    end != null && columns.contains("error") ? end.<String>getAs("error") : null,
                    recovered != null && columns.contains("recovered_by") ? recovered.<String>getAs("recovered_by") : null));
        }
        return out;
    }
}
