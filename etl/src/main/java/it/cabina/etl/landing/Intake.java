package it.cabina.etl.landing;

import java.util.List;

/**
 * What the landing area holds for this run: deliveries to load, ledger entries already decided
 * (rejected, duplicate), and where each processed entry goes afterwards.
 */
public record Intake(List<CheckedDelivery> accepted, List<LedgerEntry> decided, List<Move> moves, List<String> ignored,
                     List<Delivery> deferred) {

    /** A landing entry to move aside once the ledger has recorded it. */
    public record Move(Delivery delivery, String folder) {}
}
