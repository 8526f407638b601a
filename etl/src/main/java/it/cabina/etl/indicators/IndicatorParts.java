package it.cabina.etl.indicators;

import it.cabina.etl.indicators.IndicatorCatalog.Indicator;
import it.cabina.etl.indicators.IndicatorCatalog.Side;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SQL of every side of every indicator at every level: one query per view, each giving rows
 * {@code parte, livello, territorio, anno, valore}, where {@code parte} is {@code <indicator>/N}, {@code <indicator>/D}
 * or {@code rows/<view>} (the view's row count, which says whether a territory and year has data at all).
 *
 * <p>A side is computed in one of three ways (docs/indicators.md, "How Spark does it"):
 * <ul>
 *   <li><b>per Ambito</b>: a measure that adds up across Ambiti ({@code count(*)}, {@code count(x)}, {@code sum(x)},
 *       {@code coalesce(sum(x), 0)}, and {@code count(distinct k)} of a key whose values belong to one Ambito) is
 *       computed per Ambito and year, with every other such measure of the view in the same pass (each with its
 *       condition as a FILTER), and the few values per Ambito are summed per level;</li>
 *   <li><b>distinct values</b>: {@code count(distinct x)} of anything else (persons, instruments, roles) counts the
 *       values found in one Ambito only per Ambito, summed per level like the above, and the values found in several
 *       Ambiti (a person followed by two Ambiti) as distinct values at each level;</li>
 *   <li><b>on rows</b>: any other measure is evaluated at each level on the rows of the Ambiti below.</li>
 * </ul>
 * All three give what evaluating each side on the rows of each level gives ({@code optimised = false}, which the
 * tests compare against).
 */
final class IndicatorParts {
    /** A side to compute, with its part id. */
    record Part(String id, Side side) {}

    private IndicatorParts() {}

    /**
     * The parts of every view the engine reads, in view name order, each view's row count first: the sides
     * ({@code <code>/N}, {@code <code>/D}) and the rows lacking a later contract's field ({@code <code>/U}).
     */
    static Map<String, List<Part>> byView(IndicatorCatalog catalog) {
        Map<String, List<Part>> byView = new TreeMap<>();
        for (Indicator i : catalog.indicators()) {
            List<Part> parts = new ArrayList<>();
            if (i.numeratore().fromView()) parts.add(new Part(i.code() + "/N", read(i, i.numeratore())));
            if (i.tipo().ratio() && i.denominatore().fromView()) parts.add(new Part(i.code() + "/D", read(i, i.denominatore())));
            if (i.nonTrasmesso() != null) {
                parts.add(new Part(notTransmittedId(i), new Side(i.read(i.nonTrasmesso().vista()), "count(*)", i.nonTrasmesso().condizione(), null, null)));
            }
            for (Part p : parts) {
                String v = p.side().vista();
                byView.computeIfAbsent(v, x -> new ArrayList<>(List.of(new Part(rowsId(v), new Side(v, "count(*)", null, null, null))))).add(p);
            }
        }
        return byView;
    }

    /** A side as the engine reads it: over the view's window when the indicator has a deadline. */
    private static Side read(Indicator i, Side s) {
        return new Side(i.read(s.vista()), s.misura(), s.condizione(), null, null, s.almeno());
    }

    static String rowsId(String view) {
        return "rows/" + view;
    }

    static String notTransmittedId(Indicator i) {
        return i.code() + "/U";
    }

    /** One query per view; {@code optimised = false} evaluates every side on the rows of each level. */
    static List<String> queries(IndicatorCatalog catalog, boolean optimised) {
        List<String> queries = new ArrayList<>();
        byView(catalog).forEach((view, parts) -> queries.add(viewSql(catalog.views(), view, parts, optimised)));
        return queries;
    }

    static String viewSql(IndicatorViews views, String view, List<Part> parts, boolean optimised) {
        Map<String, String> perAmbito = new LinkedHashMap<>();
        Map<String, Part> distinctValues = new LinkedHashMap<>();
        List<String> selects = new ArrayList<>();
        for (Part p : parts) {
            Optional<AggregateCall> call = optimised && p.side().almeno() == null ? AggregateCall.parse(p.side().misura()) : Optional.empty();
            if (call.isEmpty()) {
                selects.add(onRowsSql(p));
            } else if (!call.get().distinct() || views.ambitoKeys(view).stream().anyMatch(k -> k.equalsIgnoreCase(call.get().argument()))) {
                boolean rowKey = call.get().argument().equalsIgnoreCase(String.valueOf(views.rowKey(view)));
                perAmbito.put(p.id(), (rowKey ? call.get().withoutDistinct() : call.get()).sql(p.side().condizione()));
            } else {
                distinctValues.put(p.id(), p);
            }
        }
        if (!distinctValues.isEmpty()) selects.add(0, distinctValuesSql(view, distinctValues));
        if (!perAmbito.isEmpty()) selects.add(0, perAmbitoSql(view, perAmbito));
        return String.join("\nunion all\n", selects);
    }

    /**
     * The measures that add up: computed per Ambito and year in one pass over the view (columns m0, m1…), summed per
     * level, then one row per part.
     */
    private static String perAmbitoSql(String view, Map<String, String> measures) {
        List<String> perAmbito = new ArrayList<>(), perLevel = new ArrayList<>(), pick = new ArrayList<>(), ids = new ArrayList<>();
        int n = 0;
        for (var m : measures.entrySet()) {
            String col = "m" + n++;
            perAmbito.add(m.getValue() + " as " + col);
            perLevel.add("sum(a." + col + ") as " + col);
            pick.add("when " + literal(m.getKey()) + " then w." + col);
            ids.add("(" + literal(m.getKey()) + ")");
        }
        return "select k.parte, w.livello, w.territorio, w.anno, cast(case k.parte " + String.join(" ", pick) + " end as double) as valore\n"
                + "from (select l.livello, l.territorio, a.anno, " + String.join(", ", perLevel) + "\n"
                + "      from (select v.codice_ambito, v.anno, " + String.join(", ", perAmbito) + "\n"
                + "            from " + view + " v where v.anno is not null group by v.codice_ambito, v.anno) a\n"
                + "      join " + IndicatorViews.LEVELS + " l on l.codice_ambito = a.codice_ambito\n"
                + "      group by l.livello, l.territorio, a.anno) w\n"
                + "cross join (values " + String.join(", ", ids) + ") as k(parte)";
    }

    /**
     * Distinct counts of values that may occur in several Ambiti: a value found in one Ambito only (for the part and
     * year) is counted in that Ambito and summed per level; a value found in several ({@code condiviso}) is counted as a
     * distinct value at each level.
     */
    private static String distinctValuesSql(String view, Map<String, Part> parts) {
        List<String> values = new ArrayList<>();
        parts.forEach((id, p) -> {
            String x = "(" + AggregateCall.parse(p.side().misura()).orElseThrow().argument() + ")";
            values.add("select " + literal(id) + " as parte, v.codice_ambito, v.anno, cast(" + x + " as string) as valore from " + view
                    + " v where v.anno is not null and " + x + " is not null" + condition(p.side()));
        });
        return "select c.parte, l.livello, l.territorio, c.anno,\n"
                + "       cast(coalesce(sum(case when c.valore_condiviso is null then c.valori end), 0) + count(distinct c.valore_condiviso) as double) as valore\n"
                + "from (select parte, codice_ambito, anno, case when condiviso then valore end as valore_condiviso, count(distinct valore) as valori\n"
                + "      from (select r.parte, r.codice_ambito, r.anno, r.valore,\n"
                + "                   min(r.codice_ambito) over w <> max(r.codice_ambito) over w as condiviso\n"
                + "            from (" + String.join("\n                  union all\n                  ", values) + ") r\n"
                + "            window w as (partition by r.valore, r.parte, r.anno)) m\n"
                + "      group by parte, codice_ambito, anno, case when condiviso then valore end) c\n"
                + "join " + IndicatorViews.LEVELS + " l on l.codice_ambito = c.codice_ambito\n"
                + "group by c.parte, l.livello, l.territorio, c.anno";
    }

    /** One side evaluated at each level on the rows of the Ambiti below. */
    static String onRowsSql(Part p) {
        Side s = p.side();
        if (s.almeno() != null) return atLeastSql(p);
        return "select " + literal(p.id()) + " as parte, l.livello, l.territorio, v.anno, cast(" + s.misura() + " as double) as valore\n"
                + "from " + s.vista() + " v join " + IndicatorViews.LEVELS + " l on l.codice_ambito = v.codice_ambito\n"
                + "where v.anno is not null" + condition(s) + "\n"
                + "group by l.livello, l.territorio, v.anno";
    }

    /**
     * A distinct count whose values count only with at least {@code almeno} rows at the level: the rows of each value
     * are counted at each level (two discharges of one person in two Ambiti of an ASST make two at the ASST).
     */
    private static String atLeastSql(Part p) {
        Side s = p.side();
        String x = "(" + AggregateCall.parse(s.misura()).orElseThrow().argument() + ")";
        return "select " + literal(p.id()) + " as parte, livello, territorio, anno, cast(count(*) as double) as valore\n"
                + "from (select l.livello, l.territorio, v.anno\n"
                + "      from " + s.vista() + " v join " + IndicatorViews.LEVELS + " l on l.codice_ambito = v.codice_ambito\n"
                + "      where v.anno is not null and " + x + " is not null" + condition(s) + "\n"
                + "      group by l.livello, l.territorio, v.anno, " + x + "\n"
                + "      having count(*) >= " + s.almeno() + ") c\n"
                + "group by livello, territorio, anno";
    }

    private static String condition(Side s) {
        return s.condizione() == null ? "" : " and (" + s.condizione() + ")";
    }

    /** Part ids come from the catalogue's codes and view names: quotes are dropped, never pasted. */
    private static String literal(String id) {
        return "'" + id.replace("'", "") + "'";
    }
}
