package it.cabina.etl.indicators;

import java.util.Locale;
import java.util.Optional;

/**
 * A catalogue measure that is a single aggregate call over the view's columns: {@code count(*)}, {@code count(x)},
 * {@code count(distinct x)}, {@code sum(x)} or {@code coalesce(sum(x), 0)}. Such a measure can carry its side's
 * condition as a {@code FILTER} clause, so that every measure of a view is computed in one pass over its rows.
 * Anything else (a ratio of sums, a measure that already has a FILTER, {@code count(distinct a, b)}, {@code avg},
 * {@code sum(distinct x)}...) is not one, and the engine evaluates it on its own.
 *
 * @param function   {@code count} or {@code sum}
 * @param argument   the argument as written in the catalogue ({@code *} for {@code count(*)})
 * @param zeroIfNull the call is wrapped in {@code coalesce(…, 0)}
 */
record AggregateCall(String function, boolean distinct, String argument, boolean zeroIfNull) {

    static Optional<AggregateCall> parse(String misura) {
        String m = misura.strip();
        boolean zero = false;
        if (isCall(m, "coalesce")) {
            String args = inside(m);
            int comma = topLevelComma(args);
            if (comma < 0 || !args.substring(comma + 1).strip().equals("0")) return Optional.empty();
            m = args.substring(0, comma).strip();
            if (!isCall(m, "sum")) return Optional.empty();
            zero = true;
        }
        for (String function : new String[] {"count", "sum"}) {
            if (!isCall(m, function)) continue;
            String arg = inside(m).strip();
            boolean distinct = startsWithWord(arg, "distinct");
            if (distinct) arg = arg.substring("distinct".length()).strip();
            if (arg.isEmpty() || topLevelComma(arg) >= 0 || startsWithWord(arg, "all")) return Optional.empty();
            if (function.equals("sum") && distinct) return Optional.empty();
            if (arg.equals("*") && (distinct || !function.equals("count"))) return Optional.empty();
            return Optional.of(new AggregateCall(function, distinct, arg, zero));
        }
        return Optional.empty();
    }

    /** The same call counting every row where the argument is not null: {@code count(distinct k)} of a row key. */
    AggregateCall withoutDistinct() {
        return new AggregateCall(function, false, argument, zeroIfNull);
    }

    /** The call as SQL, restricted to the rows that meet {@code condition} (none: every row). */
    String sql(String condition) {
        String call = function + "(" + (distinct ? "distinct " : "") + argument + ")"
                + (condition == null ? "" : " filter (where " + condition + ")");
        return zeroIfNull ? "coalesce(" + call + ", 0)" : call;
    }

    /** {@code expr} is one call of {@code function}: its opening parenthesis closes at the very end. */
    private static boolean isCall(String expr, String function) {
        String lower = expr.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(function)) return false;
        String rest = lower.substring(function.length()).stripLeading();
        if (!rest.startsWith("(")) return false;
        int open = expr.length() - rest.length();
        return closing(expr, open) == expr.length() - 1;
    }

    private static String inside(String call) {
        return call.substring(call.indexOf('(') + 1, call.length() - 1);
    }

    private static boolean startsWithWord(String s, String word) {
        return s.length() > word.length() && s.substring(0, word.length()).equalsIgnoreCase(word)
                && Character.isWhitespace(s.charAt(word.length()));
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
