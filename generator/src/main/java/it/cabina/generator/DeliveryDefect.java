package it.cabina.generator;

/**
 * A delivery written to be rejected whole (extracts.md §1, §2, §9): the warehouse loads none of its files and records
 * the reason. Such a delivery carries nothing that the sender does not also send in a delivery that loads, so that
 * rejecting it sets no other row aside.
 */
public enum DeliveryDefect {
    /** A 1.1 CSI delivery carrying {@code traguardi.csv}, a file of contract 1.2 (§9.4). */
    MILESTONES_IN_1_1("traguardi.csv"),
    /** A 1.2 CSI delivery whose {@code attivita.csv} lacks the {@code tema} column (§2: every column of the layout). */
    MISSING_TEMA_COLUMN("tema");

    private final String names;

    DeliveryDefect(String names) {
        this.names = names;
    }

    /** What the warehouse's reason names: the file or the column. */
    public String names() { return names; }
}
