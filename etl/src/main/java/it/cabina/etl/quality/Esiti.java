package it.cabina.etl.quality;

import it.cabina.etl.landing.Ledger;
import it.cabina.warehouse.files.PublishedFiles;
import static it.cabina.warehouse.files.Csv.cell;
import it.cabina.warehouse.published.DeliveryEsito;
import it.cabina.warehouse.published.PublishedJson;
import it.cabina.warehouse.tables.DeltaStore;
import org.apache.spark.sql.Row;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * The esiti (return files) of the deliveries: for every delivery of the ledger that has none yet — the ones decided
 * tonight, and any a run left without its esito — {@code <SENDER>/<delivery>.esito.json} and, when rows were set aside,
 * {@code <delivery>.scarti.csv} ({@link DeliveryEsito}). Counts are the ledger's; the rows set aside are the quarantine's,
 * with the same masked values and the rule's Italian description. An esito already written is never rewritten: a
 * delivery folder sent again (a duplicate) keeps the esito of its first decision.
 */
public final class Esiti {
    private final DeltaStore store;
    private final PublishedFiles files;

    public Esiti(DeltaStore store, PublishedFiles files) {
        this.store = store;
        this.files = files;
    }

    /** @return the esiti written */
    public int write(Consumer<String> progress) {
        Map<String, Set<String>> present = new HashMap<>();
        List<Row> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the first decision of each delivery folder (the ledger keeps one row per delivery and outcome)
        for (Row r : new Ledger(store).read().orderBy(col("processed_at"), col("delivery_name")).collectAsList()) {
            String name = r.getAs("delivery_name"), sender = r.getAs("sender");
            if (!seen.add(name)) continue;
            String folder = DeliveryEsito.folder(sender);
            Set<String> there = present.computeIfAbsent(folder, f -> new HashSet<>(files.list(f)));
            if (!there.contains(name + DeliveryEsito.SUFFIX)) missing.add(r);
        }
        Map<String, List<Row>> setAside = setAside(missing);
        int written = 0;
        for (Row r : missing) {
            String name = r.getAs("delivery_name"), sender = r.getAs("sender");
            List<Row> rows = setAside.getOrDefault(name, List.of());
            if (!rows.isEmpty()) files.writeIfAbsent(DeliveryEsito.setAsidePath(sender, name), csv(rows));
            // the esito last: once it is there, the delivery is done (a run stopped in between writes it next time)
            if (files.writeIfAbsent(DeliveryEsito.path(sender, name), PublishedJson.write(esito(r, !rows.isEmpty())))) written++;
        }
        progress.accept(String.format("  %d esiti scritti in %s", written, files.root()));
        return written;
    }

    /** The quarantine rows of the deliveries that set rows aside, by delivery folder. */
    private Map<String, List<Row>> setAside(List<Row> deliveries) {
        List<String> names = new ArrayList<>();
        for (Row r : deliveries) {
            long aside = 0;
            for (Row f : r.<Row>getList(r.fieldIndex("files"))) aside += f.<Long>getAs("set_aside");
            if (aside > 0) names.add(r.getAs("delivery_name"));
        }
        Map<String, List<Row>> out = new HashMap<>();
        if (names.isEmpty()) return out;
        for (Row q : new Quarantine(store).read().filter(col("delivery_name").isin(names.toArray()))
                .orderBy("delivery_name", "file", "line").collectAsList()) {
            out.computeIfAbsent(q.getAs("delivery_name"), n -> new ArrayList<>()).add(q);
        }
        return out;
    }

    private static DeliveryEsito esito(Row r, boolean withSetAside) {
        List<DeliveryEsito.FileCounts> counts = new ArrayList<>();
        for (Row f : r.<Row>getList(r.fieldIndex("files"))) {
            counts.add(new DeliveryEsito.FileCounts(f.getAs("name"), f.getAs("records"), f.getAs("received"), f.getAs("loaded"),
                    f.getAs("set_aside"), f.getAs("warnings")));
        }
        String name = r.getAs("delivery_name"), sender = r.getAs("sender"), status = r.getAs("status");
        return new DeliveryEsito(name, r.getAs("delivery_id"), r.getAs("source"), sender, status, DeliveryEsito.statusText(status),
                text(r.getAs("processed_at")), r.getAs("run_id"), text(r.getAs("extracted_at")), text(r.getAs("period_from")),
                text(r.getAs("period_to")), r.getList(r.fieldIndex("reasons")), r.getList(r.fieldIndex("warnings")), counts,
                withSetAside ? name + DeliveryEsito.SET_ASIDE_SUFFIX : null);
    }

    private static String text(Object value) {
        if (value instanceof Timestamp t) return t.toInstant().toString();
        if (value instanceof Date d) return d.toLocalDate().toString();
        return value == null ? null : value.toString();
    }

    /** The rows set aside: file, line, field, rule, value (masked in the quarantine), the rule's Italian message. */
    private static byte[] csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(DeliveryEsito.SET_ASIDE_HEADER).append('\n');
        for (Row q : rows) {
            out.append(String.join(",", cell(q.getAs("file")), String.valueOf(q.<Long>getAs("line")), cell(q.getAs("field")),
                    cell(q.getAs("rule")), cell(q.getAs("value")), cell(q.getAs("descrizione")))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
