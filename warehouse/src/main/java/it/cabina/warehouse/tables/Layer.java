package it.cabina.warehouse.tables;

/** The folders of the warehouse, in the order data flows through them. */
public enum Layer {
    /** Ledgers of deliveries and runs. */
    OPS("ops"),
    /** Rows set aside, with the reason. */
    QUALITY("quality"),
    /** Typed rows as delivered, with lineage; tax codes already pseudonymised. */
    BRONZE("bronze"),
    /** The current version of each record. */
    SILVER("silver"),
    /** The star schema and the results. */
    GOLD("gold");

    private final String folder;

    Layer(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
