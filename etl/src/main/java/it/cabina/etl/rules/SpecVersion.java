package it.cabina.etl.rules;

/**
 * The version of the extract specification a delivery declares ({@code spec_version}: "1.0", "1.1", "1.2"): what a
 * field, a file or a code marked {@code since} belongs to. A record loaded before versions were kept counts as 1.0.
 */
public final class SpecVersion {
    /** The version of records whose delivery did not say (loaded before the version was kept). */
    public static final String OLDEST = "1.0";

    private SpecVersion() {}

    /** Whether {@code version} is {@code since} or later; a null {@code since} is every version. */
    public static boolean atLeast(String version, String since) {
        if (since == null) return true;
        return compare(version == null ? OLDEST : version, since) >= 0;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0, q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }
}
