package it.cabina.etl.model;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checks of models.yaml on two small tables whose faults are known: each kind of check counts exactly the rows
 * (or key values) that break it, errors stop the run with every failing check named, warnings are recorded and let it
 * go on, and a check that cannot run names its own problem.
 */
class ModelChecksTest {
    @TempDir
    Path tmp;

    static Model.Check check(String kind, List<String> columns, String column, String to, List<String> values, String condition,
                             String where, Model.Severity severity) {
        return new Model.Check(kind, columns, column, to, values, condition, where, severity, null);
    }

    static Model model(String name, List<Model.Check> checks) {
        return new Model(name, "prova", List.of("id"), false, "sql", List.of(), null, null, null, null, null, List.of(), checks);
    }

    CabinaContext warehouse() {
        CabinaContext ctx = CabinaContext.create(SparkTestSession.config().withPaths(tmp.resolve("landing").toString(),
                tmp.resolve("wh").toString(), null), SparkTestSession.get());
        StructType prova = new StructType().add("id", DataTypes.IntegerType).add("ref", DataTypes.StringType).add("stato", DataTypes.StringType);
        // id 1 twice; ref null once and 'zz' (not in rif) once; stato 'Z' not accepted
        ctx.store().overwrite(Table.gold("prova"), ctx.spark().createDataFrame(List.of(RowFactory.create(1, "a", "X"),
                RowFactory.create(1, "b", "Y"), RowFactory.create(2, null, "Z"), RowFactory.create(3, "zz", "X")), prova));
        ctx.store().overwrite(Table.gold("rif"), ctx.spark().createDataFrame(List.of(RowFactory.create("a"), RowFactory.create("b")),
                new StructType().add("codice", DataTypes.StringType)));
        return ctx;
    }

    /** The checks as recorded in ops/model_checks: check(columns) where = failing rows, sorted. */
    static List<String> recorded(CabinaContext ctx) {
        return ctx.store().read(Tables.MODEL_CHECKS).collectAsList().stream()
                .map(r -> r.<String>getAs("check") + "(" + r.getAs("columns") + ") " + r.getAs("severity") + " = " + r.<Long>getAs("failing_rows"))
                .sorted().toList();
    }

    @Test
    void eachCheckCountsWhatBreaksItAndAnErrorStopsTheRun() {
        CabinaContext ctx = warehouse();
        Model m = model("prova", List.of(
                check("unique", List.of("id"), null, null, null, null, null, Model.Severity.ERROR),
                check("unique", List.of("id"), null, null, null, null, "stato = 'X'", Model.Severity.ERROR),
                check("not_null", List.of("ref"), null, null, null, null, null, Model.Severity.WARN),
                check("relationships", null, "ref", "rif.codice", null, null, null, Model.Severity.ERROR),
                check("accepted_values", null, "stato", null, List.of("X", "Y"), null, null, Model.Severity.WARN),
                check("expression", null, null, null, null, "id > 0", null, Model.Severity.ERROR)));

        ModelChecks.Failed failed = assertThrows(ModelChecks.Failed.class, () -> new ModelChecks(ctx, Progress.silent()).run("run-1", List.of(m)));

        assertTrue(failed.getMessage().contains("prova unique(id) 1 righe") && failed.getMessage().contains("prova relationships(ref) 1 righe"),
                failed.getMessage());
        assertFalse(failed.getMessage().contains("not_null") || failed.getMessage().contains("accepted_values"), "warnings do not stop the run");
        // recorded before failing, each with its own count (id 1 twice; among stato X the ids 1 and 3 are unique)
        assertEquals(List.of("accepted_values(stato) warn = 1", "expression(id > 0) error = 0", "not_null(ref) warn = 1",
                "relationships(ref) error = 1", "unique(id) error = 0", "unique(id) error = 1"), recorded(ctx));
    }

    @Test
    void warningsAloneLetTheRunGoOn() {
        CabinaContext ctx = warehouse();
        Model m = model("prova", List.of(check("not_null", List.of("ref"), null, null, null, null, null, Model.Severity.WARN),
                check("relationships", null, "ref", "rif.codice", null, null, "stato = 'X'", Model.Severity.WARN)));
        List<ModelChecks.Result> results = new ModelChecks(ctx, Progress.silent()).run("run-2", List.of(m));
        assertEquals(List.of(1L, 1L), results.stream().map(ModelChecks.Result::failingRows).toList());
        assertEquals(2, ctx.store().read(Tables.MODEL_CHECKS).count());
    }

    @Test
    void aCheckThatCannotRunNamesItsProblem() {
        CabinaContext ctx = warehouse();
        Model m = model("prova", List.of(check("not_null", List.of("ref"), null, null, null, null, null, Model.Severity.WARN),
                check("not_null", List.of("colonna_che_non_esiste"), null, null, null, null, null, Model.Severity.ERROR)));
        Exception e = assertThrows(Exception.class, () -> new ModelChecks(ctx, Progress.silent()).run("run-3", List.of(m)));
        assertTrue(e.getMessage().contains("colonna_che_non_esiste"), e.getMessage());
    }
}
