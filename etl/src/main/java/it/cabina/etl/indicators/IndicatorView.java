package it.cabina.etl.indicators;

import it.cabina.warehouse.model.SqlModels;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A view the indicator catalogue reads by name: one SQL file of {@code conf/views/}, whose header says what a row is
 * and which columns it has, in comment lines:
 * <pre>
 * -- grain: one row per activity, in the year of its data
 * -- key: chiave_attivita                          (optional: the column that identifies a row within a year)
 * -- ambito_keys: chiave_attivita                  (optional: key columns whose values start with "codice_ambito:")
 * -- record: attivita chiave_attivita              (optional: the record a row comes from, and the column naming it)
 * -- columns: codice_ambito, chiave_attivita, data, anno, …
 * </pre>
 * Every view has {@code codice_ambito} (the Ambito that sent the row) and {@code anno} (the year the row counts in).
 * The {@code record} line says which of the sender's records a row comes from, for the explanation of a figure
 * ({@link Explainer}): a record type of {@code conf/rules} ({@code record:} of a file: {@code persona}, {@code valutazione},
 * …) with an Ambito key column ({@code <codice_ambito>:<the sender's id>}), or {@code consegna} with a column holding a
 * delivery's {@code delivery_id} (empty for a delivery that did not come).
 *
 * @param reads  the tables and views its SQL reads, by name
 * @param record the record a row comes from, or null when the header does not say
 */
public record IndicatorView(String name, Path file, String sql, String grain, String key, Set<String> ambitoKeys,
                            List<String> columns, Set<String> reads, RecordOfRow record) {

    /** The record a row of a view comes from: its type and the column that names it. */
    public record RecordOfRow(String type, String column) {
        /** The type of a delivery of the ledger (the column holds its delivery_id). */
        public static final String DELIVERY = "consegna";

        public boolean delivery() {
            return DELIVERY.equals(type);
        }
    }

    /** Reads and checks one view file: its header, and what its SQL reads (known names are checked by the caller). */
    static IndicatorView read(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".sql".length());
        String where = "conf/views/" + fileName + ": ";
        if (!name.matches("[a-z][a-z0-9_]*")) throw new ConfigException(where + "a view's file name must be a lower-case SQL name");
        String sql;
        try {
            sql = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(where + "cannot be read: " + e.getMessage());
        }
        Map<String, String> header = header(sql);
        String grain = header.get("grain");
        if (grain == null || grain.isBlank()) throw new ConfigException(where + "the header needs '-- grain: one row per …'");
        List<String> columns = list(header.get("columns"));
        if (columns.isEmpty()) throw new ConfigException(where + "the header needs '-- columns: codice_ambito, anno, …'");
        for (String required : List.of("codice_ambito", "anno")) {
            if (!columns.contains(required)) throw new ConfigException(where + "every view has a column '" + required + "'");
        }
        String key = header.get("key");
        Set<String> ambitoKeys = new LinkedHashSet<>(list(header.get("ambito_keys")));
        for (String k : key == null ? ambitoKeys : concat(ambitoKeys, key)) {
            if (!columns.contains(k)) throw new ConfigException(where + "key column '" + k + "' is not among its columns");
        }
        RecordOfRow record = null;
        if (header.get("record") != null) {
            String[] r = header.get("record").strip().split("\\s+");
            if (r.length != 2) throw new ConfigException(where + "'-- record:' names a record type and a column, e.g. '-- record: valutazione chiave_valutazione'");
            record = new RecordOfRow(r[0], r[1]);
            if (!columns.contains(record.column())) throw new ConfigException(where + "record column '" + record.column() + "' is not among its columns");
            if (!record.delivery() && !ambitoKeys.contains(record.column())) {
                throw new ConfigException(where + "record column '" + record.column() + "' must be one of its ambito_keys (values '<codice_ambito>:<id>')");
            }
        }
        Optional<Set<String>> reads = SqlModels.namesRead(sql);
        if (reads.isEmpty()) {
            throw new ConfigException(where + "write the tables it reads as 'from <name>' or 'join <name>' (no quoted names, no comma-separated from)");
        }
        return new IndicatorView(name, file, sql, grain.strip(), key == null ? null : key.strip(), Set.copyOf(ambitoKeys),
                List.copyOf(columns), reads.get(), record);
    }

    /**
     * This view's rows whose {@code campo} falls in a deadline's window, all in the deadline's year. Several years'
     * rows of one key may fall in the window, so the window has no row key.
     */
    IndicatorView window(String windowName, IndicatorCatalog.Deadline d) {
        String cols = String.join(", ", columns.stream().map(c -> c.equals("anno") ? d.year() + " as anno" : c).toList());
        String sql = "select " + cols + " from " + name + " where " + d.campo() + " between date '" + d.dal() + "' and date '" + d.data() + "'";
        return new IndicatorView(windowName, file, sql, grain + ", from " + d.dal() + " to " + d.data() + " (all in " + d.year() + ")",
                null, ambitoKeys, columns, Set.of(name), record);
    }

    private static Set<String> concat(Set<String> a, String b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.add(b);
        return out;
    }

    /** The {@code -- name: value} lines of the leading comment block. */
    private static Map<String, String> header(String sql) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : sql.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (!l.startsWith("--")) break;
            String text = l.substring(2).strip();
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).matches("[a-z_]+")) out.put(text.substring(0, colon), text.substring(colon + 1).strip());
        }
        return out;
    }

    private static List<String> list(String s) {
        if (s == null || s.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
        return out;
    }
}
