package it.cabina.generator;

/**
 * The contract version a delivery declares in its manifest ({@code spec_version}, extracts.md §8.9, §9). A 1.1
 * delivery has the files and columns of 1.0/1.1; a 1.2 delivery adds {@code attivita.tema},
 * {@code prese_in_carico.vittima_violenza}, the new activity types and service codes and {@code traguardi.csv}.
 */
public enum SpecVersion {
    V1_1("1.1"),
    V1_2("1.2");

    private final String text;

    SpecVersion(String text) {
        this.text = text;
    }

    /** As written in the manifest. */
    public String text() { return text; }

    /** Whether a field, file or code that belongs to {@code since} (null: every version) may be sent in this one. */
    public boolean carries(SpecVersion since) {
        return since == null || compareTo(since) >= 0;
    }

    public static SpecVersion of(String text) {
        for (SpecVersion v : values()) if (v.text.equals(text)) return v;
        throw new IllegalArgumentException("unknown spec_version '" + text + "'");
    }
}
