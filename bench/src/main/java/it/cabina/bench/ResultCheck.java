package it.cabina.bench;

import it.cabina.etl.aggregates.AggregateBuilder;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorCatalog.Indicator;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the reference engine computed what Cabina computed: every numerator and denominator of the export's
 * {@code indicator_values} against DuckDB's parts (and which cells have data at all), and every aggregate table as
 * a multiset of rows (numbers rounded to 6 decimals, everything else compared as text).
 */
final class ResultCheck {
    private static final double TOLERANCE = 1e-6;

    private final Connection db;
    private final Path export;
    private final Path out;
    private final IndicatorCatalog catalog;

    ResultCheck(Connection db, Path export, Path out, IndicatorCatalog catalog) {
        this.db = db;
        this.export = export;
        this.out = out;
        this.catalog = catalog;
    }

    List<String> run() throws SQLException {
        List<String> problems = new ArrayList<>(indicators());
        for (Table t : Tables.aggregates()) problems.addAll(aggregate(t.name()));
        return problems;
    }

    private List<String> indicators() throws SQLException {
        Map<String, Double> parts = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select parte, livello, territorio, anno, valore from indicator_parts")) {
            while (r.next()) {
                double v = r.getObject(5) == null ? 0.0 : r.getDouble(5);
                parts.put(key(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)), v);
            }
        }
        List<String> problems = new ArrayList<>();
        int compared = 0;
        String sql = "select indicatore, livello, territorio, anno, numeratore, denominatore from "
                + DuckDbReference.parquet(export.resolve(Tables.INDICATOR_VALUES.name()));
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                Indicator ind = catalog.get(r.getString(1));
                String liv = r.getString(2), ter = r.getString(3);
                int anno = r.getInt(4);
                Double num = (Double) r.getObject(5), den = (Double) r.getObject(6);
                boolean hasData = ind.views().stream().anyMatch(v -> parts.getOrDefault(key("rows/" + v, liv, ter, anno), 0.0) > 0);
                // rows lacking a field of a later contract: counted per Ambito, so above the Ambito the part is > 0 when
                // any Ambito below lacks it, and the cell is not computed (indicators.md, "Fields added in 1.2")
                boolean lacking = parts.getOrDefault(key(ind.code() + "/U", liv, ter, anno), 0.0) > 0;
                String cell = ind.code() + " " + anno + " " + liv + " " + ter;
                if ((hasData && !lacking) != (num != null)) {
                    problems.add(cell + ": data " + (hasData && !lacking ? "in DuckDB only" : "in Cabina only"));
                    continue;
                }
                if (num == null) continue;
                if (ind.numeratore().fromView()) compared += compare(problems, cell + " numeratore", num, parts.getOrDefault(key(ind.code() + "/N", liv, ter, anno), 0.0));
                if (ind.tipo().ratio() && ind.denominatore().fromView() && den != null) {
                    compared += compare(problems, cell + " denominatore", den, parts.getOrDefault(key(ind.code() + "/D", liv, ter, anno), 0.0));
                }
            }
        }
        System.out.println("check indicator_values: " + compared + " numerators and denominators compared");
        if (compared == 0) problems.add("indicator_values: nothing compared");
        return problems;
    }

    private static int compare(List<String> problems, String what, double cabina, double duck) {
        if (Math.abs(cabina - duck) > TOLERANCE * Math.max(1, Math.abs(cabina))) problems.add(what + ": Cabina " + cabina + ", DuckDB " + duck);
        return 1;
    }

    private static String key(String part, String livello, String territorio, int anno) {
        return part + '\u0001' + livello + '\u0001' + territorio + '\u0001' + anno;
    }

    /** Both directions of EXCEPT ALL over normalised rows: empty when the two tables hold the same rows. */
    private List<String> aggregate(String table) throws SQLException {
        String cabina = "select * from " + DuckDbReference.parquet(export.resolve(table));
        String duck = "select * from read_parquet('" + out.resolve(table + ".parquet") + "')";
        List<String> columns = new ArrayList<>(), numeric = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("describe " + cabina)) {
            while (r.next()) {
                columns.add(r.getString(1));
                String type = r.getString(2).toUpperCase();
                if (type.matches("(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL.*)")) numeric.add(r.getString(1));
            }
        }
        List<String> exprs = new ArrayList<>();
        for (String c : columns) {
            exprs.add(numeric.contains(c) ? "round(cast(\"" + c + "\" as double), 6) as \"" + c + "\"" : "cast(\"" + c + "\" as varchar) as \"" + c + "\"");
        }
        String norm = String.join(", ", exprs);
        long onlyCabina = count("select " + norm + " from (" + cabina + ") except all select " + norm + " from (" + duck + ")");
        long onlyDuck = count("select " + norm + " from (" + duck + ") except all select " + norm + " from (" + cabina + ")");
        long rows = count(cabina);
        System.out.printf("check %-20s %,9d rows: %d only in Cabina, %d only in DuckDB%n", table, rows, onlyCabina, onlyDuck);
        List<String> problems = new ArrayList<>();
        if (onlyCabina + onlyDuck > 0) problems.add(table + ": " + onlyCabina + " rows only in Cabina, " + onlyDuck + " only in DuckDB");
        return problems;
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select count(*) from (" + sql + ")")) {
            r.next();
            return r.getLong(1);
        }
    }
}
