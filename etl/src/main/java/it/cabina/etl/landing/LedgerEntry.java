package it.cabina.etl.landing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One row of the delivery ledger: what happened to one delivery in one run. */
public record LedgerEntry(
        String runId,
        Instant processedAt,
        String deliveryName,
        String deliveryId,
        String source,
        String sender,
        String mode,
        Instant extractedAt,
        LocalDate periodFrom,
        LocalDate periodTo,
        Status status,
        List<String> reasons,
        List<String> warnings,
        String fingerprint,
        List<FileCounts> files) {

    public enum Status {
        /** Loaded: every row is in bronze or in the quarantine. */
        LOADED,
        /** Refused whole; nothing of it is in the warehouse. */
        REJECTED,
        /** Same delivery_id and same content as one already loaded: skipped. */
        DUPLICATE
    }

    /** Per file: rows received = loaded + set aside, always; warnings do not remove rows. */
    public record FileCounts(String name, String sha256, long records, long received, long loaded, long setAside, long warnings) {}
}
