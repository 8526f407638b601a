package it.cabina.etl.export;

import it.cabina.warehouse.model.DataDictionary;
import it.cabina.warehouse.model.DataPackage;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.model.Models;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MetadataBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;

/**
 * What an export says about itself, generated from the models' YAML (the source of the Markdown data dictionary too):
 * {@code cabina.sql}, one DuckDB view per table ({@code duckdb -init cabina.sql}); {@code datapackage.json}, the
 * Frictionless description (types, units, meanings, the person-level flag); {@code README.md} with the tables and
 * their columns; and the examples for DuckDB, pandas/pyarrow, R arrow and Spark (resources {@code export/<kind>/}).
 */
final class ExportCatalogue {
    static final String SCRIPT = "cabina.sql";
    static final String DATA_PACKAGE = "datapackage.json";
    static final String README = "README.md";
    /** The examples of each export, copied into every version under {@code esempi/}. */
    static final List<String> EXAMPLES = List.of("duckdb.sql", "con_pandas.py", "arrow.R", "spark.sql");
    static final String EXAMPLES_FOLDER = "esempi";

    private ExportCatalogue() {}

    /** The model of an exported table (gold or aggregates). */
    static Model model(String table) {
        Model m = Models.gold().get(table);
        if (m == null) m = Models.aggregates().get(table);
        if (m == null) throw new IllegalArgumentException("no model describes the table " + table);
        return m;
    }

    /** The columns with their meaning as Spark column comments (kept in the Parquet footer, shown by Spark's DESCRIBE). */
    static Dataset<Row> described(Dataset<Row> data, Model model) {
        List<Column> cols = new ArrayList<>();
        for (String name : data.columns()) {
            Model.Column c = model.column(name);
            cols.add(c == null ? col(name) : col(name).as(name, new MetadataBuilder().putString("comment", c.description()).build()));
        }
        return data.select(cols.toArray(Column[]::new));
    }

    /**
     * The DuckDB script: one view per table, its columns in the documented order. {@code base} is the SQL expression
     * of the version folder: {@code '.'} for the script inside a version (run from that folder), the content of
     * {@code CURRENT} for the one at the export's root.
     */
    static String duckdbScript(String title, String base, List<ExportManifest.TableFiles> tables, Map<String, String> glob) {
        StringBuilder s = new StringBuilder("-- ").append(title).append("\n")
                .append("-- Views over the Parquet files of the export, one per table: cd <the folder of this file> && duckdb -init cabina.sql\n")
                .append("-- (paths are relative to that folder; a program may instead SET file_search_path = '<that folder>' first)\n")
                .append("SET VARIABLE cabina_export = ").append(base).append(";\n");
        for (ExportManifest.TableFiles t : tables) {
            String columns = t.schema().stream().map(f -> "\"" + f.name() + "\"").collect(Collectors.joining(", "));
            String hive = t.partitionedBy().isEmpty() ? ""
                    : ", hive_partitioning = true, hive_types = {" + t.partitionedBy().stream()
                    .map(p -> "'" + p + "': " + duckdbType(t.schema().stream().filter(f -> f.name().equals(p)).findFirst().orElseThrow().type()))
                    .collect(Collectors.joining(", ")) + "}";
            s.append("CREATE OR REPLACE VIEW ").append(t.name()).append(" AS SELECT ").append(columns)
                    .append(" FROM read_parquet(getvariable('cabina_export') || '/").append(glob.get(t.name())).append("'").append(hive).append(");\n");
        }
        s.append("CREATE OR REPLACE VIEW cabina_manifest AS SELECT * FROM read_json(getvariable('cabina_export') || '/")
                .append(ExportVersions.MANIFEST).append("');\n");
        return s.toString();
    }

    /** The DuckDB type of a Spark SQL type, as the views show it (the types tests compare). */
    static String duckdbType(String sparkType) {
        String t = sparkType.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("decimal")) return t.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        if (t.startsWith("array<")) return duckdbType(t.substring(6, t.length() - 1)) + "[]";
        return switch (t) {
            case "string" -> "VARCHAR";
            case "int" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "double" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP WITH TIME ZONE";
            default -> throw new IllegalArgumentException("no DuckDB type for " + sparkType);
        };
    }

    /** The README of a version: what it is, its run, how to open it, its tables and their columns. */
    static String readme(String kind, ExportManifest manifest, List<Model> models) {
        StringBuilder list = new StringBuilder("| table | rows | files | bytes | person-level |\n|---|---|---|---|---|\n");
        for (ExportManifest.TableFiles t : manifest.tables()) {
            list.append("| `").append(t.name()).append("` | ").append(t.rows()).append(" | ").append(t.files().size()).append(" | ")
                    .append(t.bytes()).append(" | ").append(t.personLevel() ? "**yes** (pseudonyms)" : "no").append(" |\n");
        }
        return resource("export/" + kind + "/README.md")
                .replace("{{RUN_ID}}", manifest.runId()).replace("{{AS_OF}}", manifest.asOf())
                .replace("{{GENERATED_AT}}", manifest.generatedAt()).replace("{{CODE_VERSION}}", manifest.codeVersion())
                .replace("{{TABLES}}", list.toString())
                .replace("{{COLUMNS}}", DataDictionary.sections(models).replace("\n### ", "\n#### ").replaceFirst("^### ", "#### "));
    }

    static DataPackage.Package dataPackage(String kind, String title, String description, DataPackage.Licence licence,
                                           List<DataPackage.Resource> resources) {
        return new DataPackage.Package("cabina-" + kind, title, description, licence, resources);
    }

    static String resource(String name) {
        try (InputStream in = ExportCatalogue.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
