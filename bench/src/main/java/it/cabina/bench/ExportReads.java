package it.cabina.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What the layout of the big facts saves a reader of the reserved export (docs/export.md, "Large reads"): for each big
 * fact, the compressed bytes of all its row groups, of those of one year's partition, and of those of that year whose
 * {@code codice_ambito} minimum and maximum can hold one Ambito — what a reader that prunes partitions and row groups
 * (DuckDB, pyarrow, Spark) opens at most. Read from the Parquet footers by DuckDB's {@code parquet_metadata}, so the
 * figures do not depend on a query plan. Usage: {@code ExportReads EXPORTS [YEAR]} (EXPORTS: the nightly's export
 * folder, holding {@code riservato/CURRENT}); prints a Markdown table.
 */
public final class ExportReads {
    private ExportReads() {}

    static final List<String> BIG_FACTS = List.of("fact_service_delivery", "fact_service_month");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ExportReads EXPORTS [YEAR]");
            System.exit(2);
        }
        Path version = DuckDbReference.reservedVersion(Path.of(args[0]).toAbsolutePath());
        System.out.println("| table | year | Ambito | all row groups | the year's | the year's that can hold the Ambito | share read |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String table : BIG_FACTS) {
                Path dir = version.resolve(table);
                if (!Files.isDirectory(dir)) continue;
                String files = "'" + dir.toString().replace("'", "''") + "/**/*.parquet'";
                String year = args.length > 1 ? args[1] : first(db, "select max(anno)::varchar from read_parquet(" + files + ", hive_partitioning = true)");
                // the Ambito with the most rows that year: a typical query, not the smallest
                String ambito = first(db, "select codice_ambito from read_parquet(" + files + ", hive_partitioning = true) where anno = " + Integer.parseInt(year)
                        + " group by 1 order by count(*) desc, 1 limit 1");
                String sql = "with rg as (select file_name, row_group_id, max(row_group_bytes) as bytes,"
                        + " max(case when path_in_schema = 'codice_ambito' then stats_min_value end) as mn,"
                        + " max(case when path_in_schema = 'codice_ambito' then stats_max_value end) as mx"
                        + " from parquet_metadata(" + files + ") group by 1, 2)"
                        + " select sum(bytes), sum(bytes) filter (where file_name like '%/anno=" + year + "/%'),"
                        + " sum(bytes) filter (where file_name like '%/anno=" + year + "/%' and '" + ambito.replace("'", "") + "' between mn and mx)"
                        + " from rg";
                try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
                    r.next();
                    long all = r.getLong(1), ofYear = r.getLong(2), ofAmbito = r.getLong(3);
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f %% |%n", table, year, ambito, mb(all), mb(ofYear), mb(ofAmbito),
                            all == 0 ? 0.0 : 100.0 * ofAmbito / all);
                }
            }
        }
    }

    private static String first(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1_048_576.0);
    }
}
