package it.cabina.etl.landing;

import org.apache.hadoop.fs.Path;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A delivery whose manifest and files passed validation: ready to load. */
public record CheckedDelivery(
        Delivery delivery,
        Manifest manifest,
        Path folder,
        Instant extractedAt,
        LocalDate periodFrom,
        LocalDate periodTo,
        String fingerprint,
        List<CheckedFile> files,
        List<String> warnings,
        String specVersion) {

    /** A data file: where it is, its checksum, its data rows and its header columns. */
    public record CheckedFile(String name, Path path, String sha256, long records, List<String> header) {}

    public String deliveryId() { return manifest.deliveryId(); }

    public String source() { return delivery.source(); }

    public String sender() { return delivery.sender(); }

    public CheckedFile file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
