package it.cabina.warehouse.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;

/**
 * One table of the model as its folder's {@code models.yaml} describes it (dbt-style): what a row is, its key, whether
 * it is about persons, what it reads, when it may be kept as it is, its history, its columns and the checks run after
 * every build that rewrote it. See {@code warehouse/src/main/resources/model/gold/models.yaml} for the keys.
 */
public record Model(String name, String description, List<String> key,
                    @JsonProperty("person_level") boolean personLevel,
                    @JsonProperty("built_by") String builtBy,
                    List<String> sources, Keep keep, History history,
                    @JsonProperty("rows_as_view") String rowsAsView,
                    @JsonProperty("partitioned_by") List<String> partitionedBy,
                    @JsonProperty("sorted_by") List<String> sortedBy,
                    List<Column> columns, List<Check> checks) {

    public Model {
        key = key == null ? List.of() : List.copyOf(key);
        sources = sources == null ? List.of() : List.copyOf(sources);
        keep = keep == null ? Keep.NEVER : keep;
        partitionedBy = partitionedBy == null ? List.of() : List.copyOf(partitionedBy);
        sortedBy = sortedBy == null ? List.of() : List.copyOf(sortedBy);
        columns = columns == null ? List.of() : List.copyOf(columns);
        checks = checks == null ? List.of() : List.copyOf(checks);
        builtBy = builtBy == null ? "sql" : builtBy;
    }

    /** When a build may leave the table as it is. */
    public enum Keep {
        /** Rewritten at every build. */
        NEVER,
        /** Computed, and not rewritten when the rows come out the same (its Delta version stays). */
        WHEN_ROWS_UNCHANGED,
        /** Not even computed when the silver tables of its sources were not rebuilt. */
        WHEN_SOURCES_UNCHANGED,
        /** Not computed when the tables and small views it reads are as when it was last computed (aggregates). */
        WHEN_INPUTS_UNCHANGED;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Keep of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** Type-2 history kept across builds on {@code key}. */
    public record History(String type, String key) {}

    /**
     * A column: its Spark SQL type (the type the table really has: DataDictionary and the export's catalogue publish
     * it, and a test compares it with the built tables), its meaning and, for a measure, its unit ({@code EUR},
     * {@code persone}, {@code giorni}, …; null for codes, names and dates).
     */
    public record Column(String name, String type, String description, String unit) {}

    /**
     * A check run after a build: {@code unique} ({@code columns}), {@code not_null} ({@code columns}), {@code
     * relationships} ({@code column}, {@code to}: {@code table.column}), {@code accepted_values} ({@code column},
     * {@code values}), {@code expression} ({@code condition} every row meets); each on the rows meeting {@code where}.
     */
    public record Check(String check, List<String> columns, String column, String to, List<String> values, String condition,
                        String where, Severity severity, String description) {
        public Check {
            columns = columns == null ? List.of() : List.copyOf(columns);
            values = values == null ? List.of() : List.copyOf(values);
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** error: the night stops before publication; warn: shown, the night goes on. */
    public enum Severity {
        ERROR, WARN;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Severity of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** A table built from {@code <name>.sql} of its folder (not by a Java stage). */
    public boolean fromSql() {
        return "sql".equals(builtBy);
    }

    /** A view defined by {@code <name>.sql} of its folder, registered after the tables, never stored. */
    public boolean isView() {
        return "view".equals(builtBy);
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
