package it.cabina.etl.indicators;

import it.cabina.etl.indicators.IndicatorCatalog.Side;
import it.cabina.etl.indicators.IndicatorParts.Part;
import it.cabina.etl.indicators.IndicatorView.RecordOfRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL that lists, in one pass over a view, the rows behind every side of the catalogue that reads it, at the levels
 * asked for: one row per view row a side counts, with the unit it belongs to, what it adds to the side, and the record it
 * comes from (the view's {@code record} header: {@link IndicatorView.RecordOfRow}). Columns: {@code parte, livello,
 * territorio, anno, unita, contributo, mittente, id_record, consegna, file, riga}.
 *
 * <p>What a row adds follows the side's measure ({@link AggregateCall}), so that the contributions of a side add up to
 * the value the engine stores:
 * <ul>
 *   <li>{@code count(*)}, {@code count(x)}: every row counted is a unit and adds 1;</li>
 *   <li>{@code count(distinct x)}: the rows with the same value of x are one unit (numbered by value); its first row
 *       adds 1, the others 0; at a level above the Ambito a value found in two Ambiti is one unit; with {@code almeno}
 *       only the units with at least that many rows at the level are listed;</li>
 *   <li>{@code sum(x)}, {@code coalesce(sum(x), 0)}: every row with a value is a unit and adds its value;</li>
 *   <li>any other measure: the rows its condition selects are listed, and the measure's value at the level is given whole
 *       on the first of them.</li>
 * </ul>
 */
final class ExplanationSql {
    /** How the rows of a side add up (see the class comment). */
    private enum Kind { ROWS, DISTINCT, WHOLE }

    private ExplanationSql() {}

    /**
     * @param levels       the levels to list (AMBITO, ASST, ATS, REGIONE), or empty for all
     * @param territory    only this territory, or null
     * @param year         only this year, or null
     * @param lineageTable the view giving {@code _sender, _id, _delivery, _file, _line} of the view's record, or null
     */
    static String sql(IndicatorView view, List<Part> parts, List<String> levels, String territory, Integer year, String lineageTable) {
        List<String> structs = new ArrayList<>();
        List<String> wholes = new ArrayList<>();
        for (Part p : parts) {
            Side s = p.side();
            String cond = s.condizione() == null ? "true" : "(" + s.condizione() + ")";
            Optional<AggregateCall> call = AggregateCall.parse(s.misura());
            Kind kind;
            String counted, unit = "cast(null as string)", value = "1.0d";
            if (call.isEmpty()) {
                kind = Kind.WHOLE;
                counted = cond;
                wholes.add(p.id());
            } else if (call.get().argument().equals("*")) {
                kind = Kind.ROWS;
                counted = cond;
            } else {
                String x = "(" + call.get().argument() + ")";
                counted = cond + " and " + x + " is not null";
                if (call.get().distinct()) {
                    kind = Kind.DISTINCT;
                    unit = "cast(" + x + " as string)";
                } else {
                    kind = Kind.ROWS;
                    if (call.get().function().equals("sum")) value = "cast(" + x + " as double)";
                }
            }
            structs.add("named_struct('parte', " + literal(p.id()) + ", 'tipo', '" + kind + "', 'conta', coalesce(" + counted
                    + ", false), 'unita', " + unit + ", 'valore', " + value + ", 'almeno', " + (s.almeno() == null ? 0 : s.almeno()) + ")");
        }
        RecordOfRow rec = view.record();
        String recordColumn = rec == null ? "cast(null as string)" : "cast(v." + rec.column() + " as string)";
        StringBuilder sql = new StringBuilder();
        sql.append("with base as (\n")
                .append("  select v.codice_ambito, v.anno, ").append(recordColumn).append(" as _record, p.parte, p.tipo, p.unita, p.valore, p.almeno\n")
                .append("  from ").append(view.name()).append(" v\n")
                .append("  lateral view inline(filter(array(").append(String.join(",\n      ", structs)).append("), s -> s.conta)) p\n")
                .append("  where v.anno is not null").append(year == null ? "" : " and v.anno = " + year.intValue()).append("\n),\n")
                .append("placed as (\n")
                .append("  select b.*, l.livello, l.territorio from base b join ").append(IndicatorViews.LEVELS)
                .append(" l on l.codice_ambito = b.codice_ambito\n  where true")
                .append(levels.isEmpty() ? "" : " and l.livello in (" + String.join(", ", levels.stream().map(ExplanationSql::literal).toList()) + ")")
                .append(territory == null ? "" : " and l.territorio = " + literal(territory)).append("\n),\n")
                .append("kept as (\n")
                .append(parts.stream().allMatch(p -> p.side().almeno() == null) ? "  select * from placed\n),\n"
                        : "  select * from (select x.*, count(*) over (partition by parte, livello, territorio, anno, unita) as righe_unita from placed x)\n"
                        + "  where righe_unita >= almeno\n),\n")
                .append("numbered as (\n")
                .append("  select x.*,\n")
                .append("         dense_rank() over (partition by parte, livello, territorio, anno order by unita) as unita_distinta,\n")
                // unita is null but on the sides that count distinct values, which do not use riga_cella: ordering by it first
                // changes no number, and lets the three windows share one sort
                .append("         row_number() over (partition by parte, livello, territorio, anno order by unita, codice_ambito, _record) as riga_cella,\n")
                .append("         row_number() over (partition by parte, livello, territorio, anno, unita order by codice_ambito, _record) as riga_unita\n")
                .append("  from kept x\n)");
        if (!wholes.isEmpty()) {
            List<String> totals = new ArrayList<>();
            for (Part p : parts) if (wholes.contains(p.id())) totals.add(IndicatorParts.onRowsSql(p));
            sql.append(",\nwholes as (\n").append(String.join("\nunion all\n", totals)).append("\n)");
        }
        sql.append("\nselect n.parte, n.livello, n.territorio, n.anno,\n")
                .append("       cast(case when n.tipo = 'DISTINCT' then n.unita_distinta else n.riga_cella end as bigint) as unita,\n")
                .append("       case n.tipo when 'DISTINCT' then case when n.riga_unita = 1 then 1.0d else 0.0d end\n")
                .append("                   when 'WHOLE' then ").append(wholes.isEmpty() ? "0.0d" : "case when n.riga_cella = 1 then coalesce(w.valore, 0.0d) else 0.0d end").append("\n")
                .append("                   else coalesce(n.valore, 0.0d) end as contributo,\n")
                .append("       n.codice_ambito as mittente,\n")
                .append("       ").append(recordId(rec)).append(" as id_record,\n")
                .append("       ").append(lineageTable == null ? "cast(null as string) as consegna, cast(null as string) as file, cast(null as bigint) as riga"
                        : "r._delivery as consegna, r._file as file, cast(r._line as bigint) as riga").append("\n")
                .append("from numbered n\n");
        if (!wholes.isEmpty()) {
            sql.append("left join wholes w on w.parte = n.parte and w.livello = n.livello and w.territorio = n.territorio and w.anno = n.anno\n");
        }
        if (lineageTable != null) {
            sql.append("left join ").append(lineageTable).append(" r on r._sender = n.codice_ambito and r._id = ").append(recordId(rec)).append("\n");
        }
        return sql.toString();
    }

    /** The sender's own id: what follows "<codice_ambito>:" in an Ambito key, or the delivery id itself. */
    private static String recordId(RecordOfRow rec) {
        if (rec == null) return "cast(null as string)";
        if (rec.delivery()) return "n._record";
        return "substring(n._record, length(n.codice_ambito) + 2)";
    }

    /** Part ids come from the catalogue's codes: quotes are dropped, never pasted. */
    static String literal(String s) {
        return "'" + s.replace("'", "") + "'";
    }
}
