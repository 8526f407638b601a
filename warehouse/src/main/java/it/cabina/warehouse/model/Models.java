package it.cabina.warehouse.model;

/** The model folders of the warehouse, each read once per JVM. */
public final class Models {
    private static volatile ModelFolder gold;
    private static volatile ModelFolder aggregates;

    private Models() {}

    /** The star schema and the indicator values ({@code model/gold/models.yaml}). */
    public static ModelFolder gold() {
        if (gold == null) gold = ModelFolder.load("gold");
        return gold;
    }

    /** The semiannual aggregates ({@code model/aggregates/models.yaml}). */
    public static ModelFolder aggregates() {
        if (aggregates == null) aggregates = ModelFolder.load("aggregates");
        return aggregates;
    }
}
