package it.cabina.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical translation of the Spark SQL of the models into DuckDB's dialect: only the few functions that differ,
 * each by a fixed pattern, so that the reference engine runs the same queries. A Spark-only function left over
 * after translation is an error, never silently a different computation.
 */
final class SparkSqlToDuckDb {
    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        // explode(sequence(a, b)) -> unnest(generate_series(a, b)): both bounds inclusive
        RULES.put(Pattern.compile("explode\\(sequence\\(([^()]+)\\)\\)"), "unnest(generate_series($1))");
        // explode(list) -> unnest(list)
        RULES.put(Pattern.compile("explode\\(([^()]+)\\)"), "unnest($1)");
        // trunc(date, 'MM') -> date_trunc('month', date)
        RULES.put(Pattern.compile("trunc\\(([^(),]+), 'MM'\\)"), "date_trunc('month', $1)::date");
        // to_date(timestamp) -> cast(timestamp as date) (session time zone Europe/Rome on both sides)
        RULES.put(Pattern.compile("to_date\\(([^()]+)\\)"), "cast($1 as date)");
        // date_add(date, days) -> date + days
        RULES.put(Pattern.compile("date_add\\(([^(),]+), ([^(),]+)\\)"), "($1 + $2)");
        // array_contains(list, x) -> list_contains(list, x)
        RULES.put(Pattern.compile("\\barray_contains\\("), "list_contains(");
        // date'…' -> date '…'
        RULES.put(Pattern.compile("\\bdate'"), "date '");
    }

    private static final Pattern SPARK_ONLY = Pattern.compile("\\b(explode|sequence|to_date|date_add|array_contains|trunc)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private SparkSqlToDuckDb() {}

    static String translate(String sparkSql) {
        String sql = sparkSql;
        for (Map.Entry<Pattern, String> r : RULES.entrySet()) sql = r.getKey().matcher(sql).replaceAll(r.getValue());
        Matcher left = SPARK_ONLY.matcher(sql.replaceAll("date_trunc\\(", "date_trunc_("));
        if (left.find()) throw new IllegalStateException("untranslated Spark function " + left.group(1) + " in:\n" + sql);
        return sql;
    }
}
