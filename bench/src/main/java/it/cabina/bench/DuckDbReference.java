package it.cabina.bench;

import it.cabina.etl.aggregates.AggregateBuilder;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.indicators.IndicatorView;
import it.cabina.etl.indicators.IndicatorViews;
import it.cabina.etl.model.RunParameters;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.model.SqlModels;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.reference.Territory;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference engine: the same indicator views and sides ({@link IndicatorEngine#partsSql}) and the same aggregate
 * SQL ({@code model/aggregates/}), translated mechanically by {@link SparkSqlToDuckDb}, run by DuckDB over the
 * analysts' plain-Parquet export (the current version of {@code EXPORTS/riservato}). Usage:
 * {@code DuckDbReference EXPORTS EXTRAS OUT [--check]} where EXPORTS is the nightly's {@code --export} folder, EXTRAS holds
 * {@code ledger_deliveries} and {@code quarantine} as Parquet ({@link CabinaSide} extras). Prints
 * {@code compute_seconds=…}; with {@code --check}, compares every value with Cabina's (the export's
 * {@code indicator_values} and {@code agg_*}) and exits 1 on any difference.
 */
public final class DuckDbReference {
    private DuckDbReference() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DuckDbReference EXPORTS EXTRAS OUT [--check]");
            System.exit(2);
        }
        Path export = reservedVersion(Path.of(args[0]).toAbsolutePath()), extras = Path.of(args[1]).toAbsolutePath(), out = Path.of(args[2]).toAbsolutePath();
        boolean check = args.length > 3 && args[3].equals("--check");
        CabinaConfig config = CabinaConfig.load();
        Territory territory = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
        IndicatorCatalog catalog = IndicatorCatalog.load(config.home().resolve("conf/indicators.yaml"), CodeLists.load(config.codelistsDir()));
        Files.createDirectories(out);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            exec(db, "set TimeZone = 'Europe/Rome'");
            LocalDate asOf = asOf(db, export);
            long t0 = System.nanoTime();
            registerInputs(db, export, extras, territory);
            RunParameters params = new RunParameters(asOf, catalog.triennio().dal(), catalog.triennio().al(),
                    config.flussoDeadlineDays(), territory.regionCode());
            runParameters(db, params);
            for (Model v : Models.gold().views()) exec(db, "create or replace view " + v.name() + " as " + duck(Models.gold().sql(v)));
            for (IndicatorView v : catalog.views().all()) exec(db, "create or replace view " + v.name() + " as " + duck(v.sql()));
            exec(db, "create or replace table indicator_parts as " + duck(IndicatorEngine.partsSql(catalog)));
            long t1 = System.nanoTime();
            exec(db, "create or replace view semestri as " + duck(AggregateBuilder.SEMESTRI_SQL));
            for (Table t : Tables.aggregates()) {
                long ta = System.nanoTime();
                exec(db, "copy (" + duck(SqlModels.read("aggregates", t.name())) + ") to '" + out.resolve(t.name() + ".parquet")
                        + "' (format parquet)");
                System.out.printf("aggregate %s seconds=%.3f%n", t.name(), (System.nanoTime() - ta) / 1e9);
            }
            long t2 = System.nanoTime();
            System.out.printf("indicators_seconds=%.3f%naggregates_seconds=%.3f%ncompute_seconds=%.3f%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
            if (check) {
                List<String> problems = new ResultCheck(db, export, out, catalog).run();
                problems.forEach(p -> System.out.println("MISMATCH " + p));
                System.out.println(problems.isEmpty() ? "check=OK (DuckDB values equal Cabina's)" : "check=FAILED");
                if (!problems.isEmpty()) System.exit(1);
            }
        }
    }

    /**
     * The current version of the reserved export under the nightly's {@code --export} folder: {@code riservato/}, the
     * version that {@code CURRENT} names (the export publishes versioned folders).
     */
    static Path reservedVersion(Path exports) throws java.io.IOException {
        Path reserved = exports.resolve("riservato");
        return reserved.resolve(Files.readString(reserved.resolve("CURRENT")).strip());
    }

    static String duck(String sparkSql) {
        return SparkSqlToDuckDb.translate(sparkSql);
    }

    static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\nSQL: " + sql, e);
        }
    }

    static String parquet(Path dir) {
        return "read_parquet('" + dir + "/**/*.parquet', hive_partitioning = true)";
    }

    /** The run date of the export's indicator values: both engines compute as of the same day. */
    private static LocalDate asOf(Connection db, Path export) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select max(data_riferimento)::varchar from " + parquet(export.resolve(Tables.INDICATOR_VALUES.name())))) {
            r.next();
            return LocalDate.parse(r.getString(1));
        }
    }

    private static void registerInputs(Connection db, Path export, Path extras, Territory territory) throws SQLException {
        for (Table t : Tables.star()) {
            Path dir = export.resolve(t.name());
            if (Files.isDirectory(dir)) exec(db, "create or replace view " + t.name() + " as select * from " + parquet(dir));
        }
        for (Table t : List.of(Tables.LEDGER, Tables.QUARANTINE, Table.silver("AFAM", "unita_offerta"))) {
            exec(db, "create or replace view " + t.name() + " as select * from " + parquet(extras.resolve(t.name())));
        }
        exec(db, "create or replace table ref_authority (livello varchar, codice varchar, denominazione varchar, codice_padre varchar)");
        List<String[]> authorities = new ArrayList<>();
        for (String level : List.of("ATS", "ASST")) {
            for (Territory.HealthAuthority a : territory.authorities(level)) {
                authorities.add(new String[] {a.livello(), a.codice(), a.denominazione(), a.codicePadre()});
            }
        }
        insert(db, "ref_authority", authorities);
        exec(db, "create or replace table ref_ambito (codice_ambito varchar, denominazione varchar, codice_asst varchar, codice_ats varchar)");
        exec(db, "create or replace table ref_ambito_comune (codice_ambito varchar, codice_istat varchar)");
        List<String[]> ambiti = new ArrayList<>(), membership = new ArrayList<>();
        for (Territory.Ambito a : territory.ambiti()) {
            ambiti.add(new String[] {a.codice(), a.denominazione(), a.codiceAsst(), a.codiceAts()});
            for (String c : a.comuni()) membership.add(new String[] {a.codice(), c});
        }
        insert(db, "ref_ambito", ambiti);
        insert(db, "ref_ambito_comune", membership);
    }

    private static void insert(Connection db, String table, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) return;
        String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
        try (PreparedStatement p = db.prepareStatement("insert into " + table + " values (" + marks + ")")) {
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) p.setString(i + 1, r[i]);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** The same run_parameters as the pipeline's (RunParameters). */
    private static void runParameters(Connection db, RunParameters p) throws SQLException {
        exec(db, "create or replace table run_parameters as select date '" + p.asOf() + "' as as_of, " + p.firstYear() + " as anno_dal, "
                + p.lastYear() + " as anno_al, " + p.trienniumFrom() + " as triennio_dal, " + p.trienniumTo() + " as triennio_al, "
                + p.flussoDeadlineDays() + " as scadenza_flusso_giorni, '" + p.regionCode().replace("'", "") + "' as codice_regione");
    }
}
