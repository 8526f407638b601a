package it.cabina.etl.indicators;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The target of one indicator for one year: ALMENO x, PIU_DI x, CRESCITA, RIDUZIONE, BASELINE, or none (monitoring). */
public record YearRule(Kind kind, Double threshold) {
    public enum Kind { ALMENO, PIU_DI, CRESCITA, RIDUZIONE, BASELINE, MONITORAGGIO }

    private static final Pattern THRESHOLD = Pattern.compile("^(ALMENO|PIU_DI)\\s+(-?\\d+(?:[.,]\\d+)?)$");

    public static final YearRule NONE = new YearRule(Kind.MONITORAGGIO, null);

    /** Parses a rule as written in conf/indicators.yaml; a rule that does not parse is an IllegalArgumentException. */
    public static YearRule parse(String text) {
        if (text == null || text.isBlank()) return NONE;
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = THRESHOLD.matcher(t);
        if (m.matches()) return new YearRule(Kind.valueOf(m.group(1)), Double.parseDouble(m.group(2).replace(',', '.')));
        return switch (t) {
            case "CRESCITA" -> new YearRule(Kind.CRESCITA, null);
            case "RIDUZIONE" -> new YearRule(Kind.RIDUZIONE, null);
            case "BASELINE" -> new YearRule(Kind.BASELINE, null);
            default -> throw new IllegalArgumentException("rule '" + text + "' is not ALMENO x, PIU_DI x, CRESCITA, RIDUZIONE or BASELINE");
        };
    }

    /** The rule as planners read it. */
    public String label() {
        return switch (kind) {
            case ALMENO -> "≥ " + fmt(threshold);
            case PIU_DI -> "> " + fmt(threshold);
            case CRESCITA -> "crescita";
            case RIDUZIONE -> "riduzione";
            case BASELINE -> "anno base";
            case MONITORAGGIO -> "monitoraggio";
        };
    }

    /** The rule as written in the catalogue. */
    public String text() {
        return switch (kind) {
            case ALMENO, PIU_DI -> kind.name() + " " + fmt(threshold);
            case MONITORAGGIO -> null;
            default -> kind.name();
        };
    }

    private static String fmt(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
