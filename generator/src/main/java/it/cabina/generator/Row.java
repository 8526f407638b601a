package it.cabina.generator;

import java.util.Arrays;

/** One data row of a layout, values as written (text); empty string for an empty field. */
public final class Row {
    private final Layout layout;
    private String[] values;

    public Row(Layout layout) {
        this.layout = layout;
        this.values = new String[layout.width()];
        Arrays.fill(values, "");
    }

    private Row(Layout layout, String[] values) {
        this.layout = layout;
        this.values = values;
    }

    public Layout layout() { return layout; }

    public String get(String column) {
        return values[layout.indexOf(column)];
    }

    /** Sets a value; null is written as an empty field. */
    public Row set(String column, Object value) {
        values[layout.indexOf(column)] = value == null ? "" : value.toString();
        return this;
    }

    public String key() {
        return get(layout.keyColumn());
    }

    public Row copy() {
        return new Row(layout, values.clone());
    }

    /** The fields to write; a defect may have changed their number (see {@link #withWidth}). */
    public String[] values() {
        return values;
    }

    /** Drops trailing fields or appends the given extra ones: a row with the wrong number of fields. */
    public Row withWidth(int width, String filler) {
        String[] v = Arrays.copyOf(values, width);
        for (int i = values.length; i < width; i++) v[i] = filler;
        values = v;
        return this;
    }
}
