package it.cabina.etl.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the checks that {@code models.yaml} declares for the tables a build rewrote (like {@code dbt test}) over the
 * tables registered by name, records every result in {@code ops/model_checks} (with the run), and fails when a
 * check of severity {@code error} finds rows: the night stops before anything is published. A {@code warn} check is
 * recorded and shown, and the night goes on.
 */
public final class ModelChecks {
    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType).add("checked_at", DataTypes.TimestampType)
            .add("table_name", DataTypes.StringType).add("check", DataTypes.StringType).add("columns", DataTypes.StringType)
            .add("severity", DataTypes.StringType).add("failing_rows", DataTypes.LongType).add("passed", DataTypes.BooleanType)
            .add("description", DataTypes.StringType);

    /** A check that found rows it should not have, with severity error. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    /** One check's outcome: how many rows (or key values) break it. */
    public record Result(String table, String check, String columns, Model.Severity severity, long failingRows, String description) {
        public boolean passed() {
            return failingRows == 0;
        }
    }

    private final CabinaContext ctx;
    private final Progress progress;

    public ModelChecks(CabinaContext ctx, Progress progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /** Runs, records and reports the checks of these models; throws {@link Failed} when an error check fails. */
    public List<Result> run(String runId, Collection<Model> models) {
        // the checked tables and the tables their relationships point to, by name (the last written versions)
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Model m : models) {
            names.add(m.name());
            for (Model.Check c : m.checks()) if (c.to() != null) names.add(c.to().substring(0, c.to().indexOf('.')));
        }
        for (String n : names) ctx.store().read(it.cabina.warehouse.tables.Table.gold(n)).createOrReplaceTempView(n);
        List<Planned> planned = new ArrayList<>();
        for (Model m : models) for (Model.Check c : m.checks()) planned.add(new Planned(m, c, sql(m, c)));
        List<Long> failing = Concurrently.map(planned, Concurrently.SPARK_QUERIES, p -> ctx.spark().sql(p.sql()).first().getLong(0));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            results.add(new Result(p.model().name(), p.check().check(), columns(p.check()), p.check().severity(), failing.get(i),
                    p.check().description()));
        }
        record(runId, results);
        long passed = results.stream().filter(Result::passed).count();
        progress.count("controlli", results.size());
        progress.count("controlli_falliti", results.size() - passed);
        progress.accept(String.format("  %d controlli su %d tabelle: %d superati", results.size(), models.size(), passed));
        List<Result> errors = new ArrayList<>();
        for (Result r : results) {
            if (r.passed()) continue;
            progress.accept(String.format("  %s %s %s(%s): %,d righe in errore%s", r.severity() == Model.Severity.ERROR ? "ERRORE" : "AVVISO",
                    r.table(), r.check(), r.columns(), r.failingRows(), r.description() == null ? "" : " — " + r.description()));
            if (r.severity() == Model.Severity.ERROR) errors.add(r);
        }
        if (!errors.isEmpty()) {
            throw new Failed("controlli del modello non superati: " + errors.stream()
                    .map(r -> r.table() + " " + r.check() + "(" + r.columns() + ") " + r.failingRows() + " righe").collect(Collectors.joining("; "))
                    + " — nulla è stato pubblicato (vedi ./cabina status)");
        }
        return results;
    }

    private record Planned(Model model, Model.Check check, String sql) {}

    private void record(String runId, List<Result> results) {
        if (results.isEmpty()) return;
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(RowFactory.create(runId, now, r.table(), r.check(), r.columns(), r.severity().name().toLowerCase(),
                    r.failingRows(), r.passed(), r.description()));
        }
        ctx.store().append(Tables.MODEL_CHECKS, ctx.spark().createDataFrame(rows, SCHEMA).coalesce(1));
    }

    /** A check's latest outcome, as {@code cabina status} shows it. */
    public record Latest(@JsonProperty("run_id") String runId, @JsonProperty("checked_at") String checkedAt, String table,
                         String check, String columns, String severity, @JsonProperty("failing_rows") long failingRows,
                         boolean passed, String description) {}

    /** The latest outcome of every check (each table's last check run), by table (empty when no check ever ran). */
    public static List<Latest> latest(it.cabina.warehouse.tables.DeltaStore store) {
        Dataset<Row> all = store.readOrEmpty(Tables.MODEL_CHECKS, SCHEMA);
        Dataset<Row> last = all.join(all.groupBy("table_name").agg(org.apache.spark.sql.functions.max("checked_at").as("checked_at")),
                List.of("table_name", "checked_at").toArray(String[]::new)).orderBy("table_name", "check", "columns");
        List<Latest> out = new ArrayList<>();
        for (Row r : last.collectAsList()) {
            out.add(new Latest(r.getAs("run_id"), String.valueOf(r.<Object>getAs("checked_at")), r.getAs("table_name"), r.getAs("check"),
                    r.getAs("columns"), r.getAs("severity"), r.<Long>getAs("failing_rows"), r.<Boolean>getAs("passed"), r.getAs("description")));
        }
        return out;
    }

    /** What a check is about: its column(s), or for an expression its condition (it has no columns). */
    private static String columns(Model.Check c) {
        if (c.column() != null) return c.column();
        return c.columns().isEmpty() && c.condition() != null ? c.condition() : String.join(", ", c.columns());
    }

    /** The query that counts the rows (for unique: the key values) breaking a check. */
    static String sql(Model m, Model.Check c) {
        String t = m.name();
        String where = c.where() == null ? "" : " and (" + c.where() + ")";
        return switch (c.check()) {
            case "unique" -> "select count(*) from (select " + String.join(", ", c.columns()) + " from " + t + " where true" + where
                    + " group by " + String.join(", ", c.columns()) + " having count(*) > 1)";
            case "not_null" -> "select count(*) from " + t + " where (" + c.columns().stream().map(x -> x + " is null")
                    .collect(Collectors.joining(" or ")) + ")" + where;
            case "relationships" -> {
                String[] to = c.to().split("\\.");
                if (to.length != 2) throw new ConfigException(t + ": relationships needs 'to: table.column', not " + c.to());
                yield "select count(*) from (select " + c.column() + " from " + t + " where " + c.column() + " is not null" + where + ") a"
                        + " left anti join " + to[0] + " b on a." + c.column() + " = b." + to[1];
            }
            case "accepted_values" -> "select count(*) from " + t + " where " + c.column() + " is not null and " + c.column()
                    + " not in (" + c.values().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")" + where;
            case "expression" -> "select count(*) from " + t + " where not coalesce(" + c.condition() + ", false)" + where;
            default -> throw new ConfigException(t + ": unknown check '" + c.check() + "' (unique, not_null, relationships, accepted_values, expression)");
        };
    }
}
