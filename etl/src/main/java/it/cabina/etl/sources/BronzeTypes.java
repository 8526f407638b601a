package it.cabina.etl.sources;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.rules.BronzeSchema;
import it.cabina.etl.rules.SourceRules;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * Bronze tables written by an earlier release keep the types of its rules: before issue 21 every decimal field was
 * decimal(28,10), now money is decimal(18,2) and quantities decimal(18,4). Before rows are appended to bronze, or
 * silver is rebuilt from it, a decimal column whose declared type changed is converted in place, in one Delta commit —
 * only when every stored value fits the new type exactly; otherwise the run stops, naming the table, the column and
 * how many values do not fit (nothing is ever rounded).
 */
public final class BronzeTypes {
    private BronzeTypes() {}

    /** Converts the bronze tables of every source whose declared decimal types changed; returns those sources. */
    public static Set<String> upgrade(CabinaContext ctx, Consumer<String> progress) {
        Set<String> converted = new TreeSet<>();
        for (String source : CabinaContext.SOURCES) {
            SourceRules rules = ctx.rules().get(source);
            for (SourceRules.FileRules f : rules.files()) {
                Table t = SourceLoader.bronze(rules, f);
                if (ctx.store().exists(t) && convert(ctx.store(), t, BronzeSchema.of(f), progress)) converted.add(source);
            }
        }
        return converted;
    }

    /** Converts the decimal columns of a table to their declared types; false when they already have them. */
    static boolean convert(DeltaStore store, Table t, StructType declared, Consumer<String> progress) {
        Dataset<Row> data = store.read(t);
        List<StructField> changed = new ArrayList<>();
        for (StructField f : declared.fields()) {
            if (!(f.dataType() instanceof DecimalType) || !List.of(data.columns()).contains(f.name())) continue;
            if (!data.schema().apply(f.name()).dataType().equals(f.dataType())) changed.add(f);
        }
        if (changed.isEmpty()) return false;
        for (StructField f : changed) {
            long bad = data.filter(col(f.name()).isNotNull().and(col(f.name()).cast(f.dataType()).isNull()
                    .or(col(f.name()).cast(f.dataType()).notEqual(col(f.name()))))).count();
            if (bad > 0) {
                throw new IllegalStateException(t.name() + "." + f.name() + ": " + bad + " valori non stanno esattamente nel nuovo tipo "
                        + f.dataType().simpleString() + " (più cifre intere o decimali): nessun valore viene arrotondato; "
                        + "correggere o ricaricare le consegne che li contengono");
            }
        }
        Dataset<Row> retyped = data;
        for (StructField f : changed) retyped = retyped.withColumn(f.name(), col(f.name()).cast(f.dataType()));
        String what = changed.stream().map(f -> f.name() + " " + f.dataType().simpleString()).reduce((a, b) -> a + ", " + b).orElse("");
        store.overwrite(t, retyped, "tipi aggiornati: " + what);
        progress.accept("  " + t.name() + ": tipi aggiornati (" + what + "), ogni valore invariato");
        return true;
    }
}
