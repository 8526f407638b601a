package it.cabina.etl.indicators;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the measures of the catalogue whose value at a level is the sum of their values per Ambito, so that
 * the engine aggregates each view once per Ambito and year and adds those few rows up per level, instead of joining
 * every row of the view to its four levels first. Additive are {@code count(*)}, {@code count(x)}, {@code sum(x)},
 * {@code coalesce(sum(x), 0)}, and {@code count(distinct k)} where the values of {@code k} belong to one Ambito
 * each ({@link IndicatorViews#AMBITO_KEYS}); when {@code k} is also the view's row key
 * ({@link IndicatorViews#ROW_KEYS}, unique within a year) its distinct count is a plain count. Any other measure
 * (a distinct count of persons, a ratio of sums) is evaluated at each level on the rows themselves.
 */
final class AdditiveMeasure {
    private AdditiveMeasure() {}

    /** The measure to compute per Ambito and year, when adding those values up per level gives the measure's value there. */
    static Optional<String> perAmbito(String misura, String rowKey, java.util.Set<String> ambitoKeys) {
        String m = misura.strip().replaceAll("\\s+", " ");
        String lower = m.toLowerCase(Locale.ROOT);
        String compact = lower.replace(" ", "");
        if (compact.equals("count(*)")) return Optional.of(m);
        if (compact.startsWith("count(distinct")) {
            for (String key : ambitoKeys) {
                if (!compact.equals("count(distinct" + key.toLowerCase(Locale.ROOT) + ")")) continue;
                return Optional.of(key.equals(rowKey) ? "count(" + key + ")" : "count(distinct " + key + ")");
            }
            return Optional.empty();
        }
        if (wholeCall(lower, "count") || wholeCall(lower, "sum")) return Optional.of(m);
        if (wholeCall(lower, "coalesce")) {
            String args = lower.substring(lower.indexOf('(') + 1, lower.length() - 1);
            int comma = topLevelComma(args);
            if (comma > 0 && wholeCall(args.substring(0, comma).strip(), "sum") && args.substring(comma + 1).strip().equals("0")) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** {@code expr} is one call of {@code function}: its opening parenthesis closes at the very end. */
    private static boolean wholeCall(String expr, String function) {
        if (!expr.startsWith(function + "(") && !expr.startsWith(function + " (")) return false;
        int open = expr.indexOf('(');
        return closing(expr, open) == expr.length() - 1 && !expr.substring(open + 1).stripLeading().startsWith("distinct ");
    }

    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static int topLevelComma(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) return i;
        }
        return -1;
    }
}
