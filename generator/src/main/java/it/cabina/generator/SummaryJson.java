package it.cabina.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.cabina.generator.GenerationSummary.DefectRow;
import it.cabina.generator.GenerationSummary.DeliverySummary;
import it.cabina.generator.GenerationSummary.FileSummary;
import it.cabina.generator.GenerationSummary.Scenario;
import it.cabina.generator.GenerationSummary.SemesterRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes {@code _generator/summary.json}: the {@link GenerationSummary} as JSON, keys in a fixed order. */
final class SummaryJson {
    private SummaryJson() {}

    static void write(Path file, GenerationSummary s) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.write(file, toJson(s));
    }

    static ObjectNode toJson(GenerationSummary s) {
        ObjectNode root = Json.object();
        ObjectNode g = root.putObject("generator");
        g.put("seed", s.seed());
        g.put("scale", s.scale().name());
        g.put("from", s.from().toString());
        g.put("to", s.to().toString());
        g.put("defect_share", s.defectShare());
        ObjectNode totals = root.putObject("totals");
        ObjectNode deliveries = totals.putObject("deliveries");
        ObjectNode rows = totals.putObject("rows");
        for (Source src : Source.values()) {
            deliveries.put(src.name(), s.deliveries(src).size());
            rows.put(src.name(), s.rows(src));
        }
        ObjectNode bySpec = totals.putObject("deliveries_by_spec_version");
        for (Source src : Source.values()) {
            ObjectNode n = bySpec.putObject(src.name());
            s.deliveriesBySpec(src).forEach((v, c) -> n.put(v.text(), c));
        }
        totals.put("rows_to_load", s.rowsToLoad());
        totals.put("defects", s.defects());
        putCounts(totals.putObject("defects_by_rule"), s.defectsByRule());
        putCounts(totals.putObject("rejected_deliveries"), s.rejectedByDefect());
        putCounts(totals.putObject("scenarios"), s.scenarioCounts());
        ObjectNode flusso = root.putObject("flusso");
        semesters(flusso.putArray("missing"), s.missingFlusso());
        semesters(flusso.putArray("resent"), s.resentFlusso());
        ArrayNode arr = root.putArray("deliveries");
        for (DeliverySummary d : s.deliveries()) delivery(arr.addObject(), d);
        ArrayNode sc = root.putArray("scenarios");
        for (Scenario x : s.scenarios()) {
            ObjectNode n = sc.addObject();
            n.put("kind", x.kind());
            n.put("sender", x.sender());
            n.put("file", x.file());
            n.put("id", x.id());
            n.put("delivery_id", x.deliveryId());
            n.put("aggiornato_il", x.aggiornatoIl());
            n.put("expected", x.expected());
        }
        return root;
    }

    private static void delivery(ObjectNode n, DeliverySummary d) {
        n.put("name", d.name());
        n.put("path", d.path());
        n.put("zipped", d.zipped());
        n.put("source", d.source().name());
        n.put("sender", d.sender());
        n.put("delivery_id", d.deliveryId());
        n.put("extracted_at", d.extractedAt());
        n.put("mode", d.mode());
        n.put("spec_version", d.spec().text());
        if (d.rejectedFor() != null) n.put("rejected_for", d.rejectedFor().name());
        if (d.periodFrom() != null) {
            ObjectNode p = n.putObject("period");
            p.put("from", d.periodFrom().toString());
            p.put("to", d.periodTo().toString());
        }
        ArrayNode files = n.putArray("files");
        for (FileSummary f : d.files()) {
            ObjectNode fn = files.addObject();
            fn.put("name", f.name());
            fn.put("rows", f.rows());
            fn.put("sha256", f.sha256());
            putCounts(fn.putObject("defects_by_rule"), f.defectsByRule());
            ArrayNode defects = fn.putArray("defects");
            for (DefectRow r : f.defects()) {
                ObjectNode dn = defects.addObject();
                dn.put("line", r.line());
                dn.put("rule", r.rule().name());
                dn.put("field", r.field());
                dn.put("key", r.key());
            }
            putCounts(fn.putObject("warnings"), f.warnings());
        }
    }

    private static void semesters(ArrayNode arr, List<SemesterRef> list) {
        for (SemesterRef s : list) {
            ObjectNode n = arr.addObject();
            n.put("sender", s.sender());
            n.put("from", s.from().toString());
            n.put("to", s.to().toString());
        }
    }

    private static void putCounts(ObjectNode n, Map<?, Integer> counts) {
        counts.forEach((k, v) -> n.put(String.valueOf(k), v));
    }
}
