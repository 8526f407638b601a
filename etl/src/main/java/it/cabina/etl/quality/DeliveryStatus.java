package it.cabina.etl.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import it.cabina.etl.landing.Ledger;
import it.cabina.warehouse.tables.DeltaStore;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;

/** The state of every delivery seen, from the ledger, with the rows set aside per file and rule. */
public final class DeliveryStatus {
    private DeliveryStatus() {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DeliveryView(@JsonProperty("delivery_id") String deliveryId,
                               @JsonProperty("delivery_name") String deliveryName,
                               String source, String sender, String status,
                               @JsonProperty("processed_at") String processedAt,
                               @JsonProperty("run_id") String runId,
                               List<String> reasons, List<String> warnings,
                               // always there: a delivery refused before its rows were read has none
                               @JsonInclude(JsonInclude.Include.ALWAYS) List<FileView> files) {}

    public record FileView(String name, long received, long loaded,
                           @JsonProperty("set_aside") long setAside,
                           @JsonProperty("set_aside_by_rule") Map<String, Long> setAsideByRule,
                           long warnings,
                           @JsonProperty("warnings_by_rule") Map<String, Long> warningsByRule) {}

    public record Report(List<DeliveryView> deliveries) {}

    public static Report read(DeltaStore store) {
        Map<String, Map<String, Map<String, Long>>> reasons = byRule(new Quarantine(store).read());
        Map<String, Map<String, Map<String, Long>>> warned = byRule(new Quarantine(store).warnings());
        List<DeliveryView> out = new ArrayList<>();
        for (Row r : new Ledger(store).read().orderBy(col("processed_at"), col("delivery_name")).collectAsList()) {
            String name = r.getAs("delivery_name");
            List<FileView> files = new ArrayList<>();
            for (Row f : r.<Row>getList(r.fieldIndex("files"))) {
                String fname = f.getAs("name");
                boolean loaded = "LOADED".equals(r.getAs("status"));
                files.add(new FileView(fname, f.<Long>getAs("received"), f.<Long>getAs("loaded"), f.<Long>getAs("set_aside"),
                        loaded ? reasons.getOrDefault(name, Map.of()).getOrDefault(fname, Map.of()) : Map.of(),
                        f.<Long>getAs("warnings"),
                        loaded ? warned.getOrDefault(name, Map.of()).getOrDefault(fname, Map.of()) : Map.of()));
            }
            out.add(new DeliveryView(r.getAs("delivery_id"), name, r.getAs("source"), r.getAs("sender"), r.getAs("status"),
                    String.valueOf(r.<Object>getAs("processed_at")), r.getAs("run_id"),
                    r.getList(r.fieldIndex("reasons")), r.getList(r.fieldIndex("warnings")), files));
        }
        return new Report(out);
    }

    /** Per delivery and file, how many problems of each rule. */
    private static Map<String, Map<String, Map<String, Long>>> byRule(Dataset<Row> problems) {
        Map<String, Map<String, Map<String, Long>>> out = new LinkedHashMap<>();
        for (Row r : problems.groupBy("delivery_name", "file", "rule").count().orderBy("delivery_name", "file", "rule").collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
        }
        return out;
    }
}
