package it.cabina.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.cabina.generator.GenerationSummary.DeliverySummary;
import it.cabina.generator.GenerationSummary.FileSummary;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one delivery: its data files (streamed), then {@code manifest.json} with the rows and SHA-256 actually
 * written, then, for a zipped delivery, the archive. Obtained from {@link Landing#open}. The manifest declares the
 * delivery's contract version, and its files have that version's columns.
 */
final class DeliveryWriter {
    static final String MANIFEST = "manifest.json";
    private static final DateTimeFormatter EXTRACTED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final Landing landing;
    private final Path folder;
    private final String name;
    private final boolean zip;
    private final Source source;
    private final String sender;
    private final String deliveryId;
    private final ZonedDateTime extractedAt;
    private final LocalDate periodFrom;
    private final LocalDate periodTo;
    private final SpecVersion spec;
    private final List<DataFileWriter> files = new ArrayList<>();
    private DeliveryDefect rejectedFor;

    DeliveryWriter(Landing landing, Path folder, String name, boolean zip, Source source, String sender,
                   String deliveryId, ZonedDateTime extractedAt, LocalDate periodFrom, LocalDate periodTo,
                   SpecVersion spec) {
        this.landing = landing;
        this.folder = folder;
        this.name = name;
        this.zip = zip;
        this.source = source;
        this.sender = sender;
        this.deliveryId = deliveryId;
        this.extractedAt = extractedAt;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.spec = spec;
    }

    SpecVersion spec() { return spec; }

    ZonedDateTime extractedAt() { return extractedAt; }

    /**
     * Opens the next data file of the delivery (files are listed in the manifest in opening order), with the columns
     * of the delivery's contract version.
     */
    DataFileWriter file(Layout layout, boolean bom) {
        if (!spec.carries(layout.since())) {
            throw new IllegalStateException(layout.fileName() + " belongs to contract " + layout.since().text() + ", not " + spec.text());
        }
        return file(layout, bom, layout.columns(spec));
    }

    /** Opens a data file with the given header, whatever the contract says: for a delivery meant to be rejected. */
    DataFileWriter file(Layout layout, boolean bom, List<String> header) {
        if (layout.source() != source) throw new IllegalArgumentException(layout + " is not a " + source + " file");
        DataFileWriter w = new DataFileWriter(folder.resolve(layout.fileName()), layout, spec, header, bom);
        files.add(w);
        return w;
    }

    /** Marks the delivery as one the warehouse must reject whole, and why (the summary says so). */
    void rejectedFor(DeliveryDefect defect) {
        this.rejectedFor = defect;
    }

    /** Closes the files, writes the manifest (and the zip) and records the delivery in the landing summary. */
    DeliverySummary finish() {
        List<FileSummary> summaries = new ArrayList<>();
        for (DataFileWriter f : files) {
            f.close();
            summaries.add(f.summary());
        }
        Json.write(folder.resolve(MANIFEST), manifest(summaries));
        String path = name;
        if (zip) {
            List<String> entries = new ArrayList<>();
            entries.add(MANIFEST);
            summaries.forEach(s -> entries.add(s.name()));
            path = name + ".zip";
            ZipPacker.pack(folder, entries, landing.out().resolve(path), extractedAt.toLocalDateTime());
            Landing.deleteRecursively(folder);
        }
        DeliverySummary d = new DeliverySummary(name, path, zip, source, sender, deliveryId,
                EXTRACTED_AT.format(extractedAt), source.mode(), periodFrom, periodTo, spec, rejectedFor, List.copyOf(summaries));
        landing.record(d);
        return d;
    }

    private ObjectNode manifest(List<FileSummary> summaries) {
        ObjectNode m = Json.object();
        m.put("spec_version", spec.text());
        m.put("source", source.name());
        m.put("sender", sender);
        m.put("delivery_id", deliveryId);
        m.put("extracted_at", EXTRACTED_AT.format(extractedAt));
        m.put("mode", source.mode());
        if (periodFrom != null) {
            ObjectNode p = m.putObject("period");
            p.put("from", periodFrom.toString());
            p.put("to", periodTo.toString());
        }
        ArrayNode arr = m.putArray("files");
        for (FileSummary s : summaries) {
            ObjectNode f = arr.addObject();
            f.put("name", s.name());
            f.put("records", s.rows());
            f.put("sha256", s.sha256());
        }
        return m;
    }
}
