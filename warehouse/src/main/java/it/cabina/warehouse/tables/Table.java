package it.cabina.warehouse.tables;

/** A warehouse table: its layer and name; its location is {@code <warehouse>/<layer>/<name>}. */
public record Table(Layer layer, String name) {

    public String path(String warehouseRoot) {
        return warehouseRoot + "/" + layer.folder() + "/" + name;
    }

    public static Table bronze(String source, String table) {
        return new Table(Layer.BRONZE, source.toLowerCase() + "_" + table);
    }

    public static Table silver(String source, String table) {
        return new Table(Layer.SILVER, source.toLowerCase() + "_" + table);
    }

    public static Table gold(String name) {
        return new Table(Layer.GOLD, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
