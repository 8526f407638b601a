package it.cabina.etl.sources;

import it.cabina.etl.rules.Lineage;

import it.cabina.etl.landing.CheckedDelivery;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.quality.Issues;
import it.cabina.etl.quality.Quarantine;
import it.cabina.etl.sources.RowChecker;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.rules.SourceRules.FieldRule;
import it.cabina.warehouse.quality.RuleCode;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.spark.Concurrently;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.*;

/**
 * Loads the checked deliveries of one source into bronze, one unit of work per file type ({@link FileLoad}): read
 * lines → row rules → cross-record rules → valid rows to bronze, the others to the quarantine, and the counts per file.
 * The units of all sources run side by side ({@link #loadAll}), each after the file types whose bronze tables its
 * cross-record rules read, so that references point to rows already loaded.
 */
public final class SourceLoader {
    private final DeltaStore store;
    private final SourceRules rules;
    private final CodeLists codeLists;
    private final Set<String> comuni;
    private final Pseudonymizer pseudonymizer;
    private final Quarantine quarantine;
    private final Consumer<String> progress;

    public SourceLoader(DeltaStore store, SourceRules rules, CodeLists codeLists, Set<String> comuni,
                        Pseudonymizer pseudonymizer, Quarantine quarantine, Consumer<String> progress) {
        this.store = store;
        this.rules = rules;
        this.codeLists = codeLists;
        this.comuni = comuni;
        this.pseudonymizer = pseudonymizer;
        this.quarantine = quarantine;
        this.progress = progress;
    }

    public static Table bronze(SourceRules rules, SourceRules.FileRules file) {
        return Table.bronze(rules.source(), file.table());
    }

    /**
     * The file types of a batch, each a unit of work for the bronze stage. Rows that an interrupted run left for these
     * deliveries must be gone already ({@code pipeline.Recovery}).
     */
    public List<FileLoad> plan(List<CheckedDelivery> batch, FileCountsCollector counts) {
        if (batch.isEmpty()) return List.of();
        Dataset<Row> context = context(batch);
        List<FileLoad> out = new ArrayList<>();
        for (SourceRules.FileRules fr : rules.files()) {
            if (batch.stream().anyMatch(d -> d.file(fr.name()) != null)) out.add(new FileLoad(fr, batch, context, counts));
        }
        return out;
    }

    /**
     * Loads every file type of every source's batch, several at a time: a file type waits only for the file types whose
     * bronze tables its cross-record rules read ({@link FileLoad#reads}), in its own source or another.
     */
    public static void loadAll(List<FileLoad> units) {
        // a file type listed after one that reads it fails here, at once, rather than loading in the wrong order
        Concurrently.inDependencyOrder(units, u -> {
                    Set<Table> reads = u.reads();
                    return units.stream().filter(o -> o != u && reads.contains(o.table())).toList();
                }, Concurrently.SPARK_QUERIES, u -> {
                    u.run();
                    return u;
                });
    }

    /** The bronze tables that the cross-record rules of a file type read. */
    public static Set<Table> reads(SourceRules rules, SourceRules.FileRules file) {
        Set<Table> out = new java.util.LinkedHashSet<>();
        for (FieldRule f : file.fields()) {
            if (f.references() != null) out.add(bronze(rules, rules.fileForTable(f.references())));
            if (f.notBeforeReferenced() != null) out.add(bronze(rules, rules.fileForTable(f.notBeforeReferenced().table())));
            if (f.warnUnknown() != null) out.add(Table.bronze(f.warnUnknown().source(), f.warnUnknown().table()));
        }
        return out;
    }

    /** One file type of one source's batch: read lines → row rules → cross-record rules → bronze and quarantine. */
    public final class FileLoad {
        private final SourceRules.FileRules fr;
        private final List<CheckedDelivery> batch;
        private final Dataset<Row> context;
        private final FileCountsCollector counts;

        private FileLoad(SourceRules.FileRules fr, List<CheckedDelivery> batch, Dataset<Row> context, FileCountsCollector counts) {
            this.fr = fr;
            this.batch = batch;
            this.context = context;
            this.counts = counts;
        }

        /** The bronze table it appends to. */
        public Table table() {
            return bronze(rules, fr);
        }

        /** The bronze tables its cross-record rules read: those must be loaded first. */
        public Set<Table> reads() {
            return SourceLoader.reads(rules, fr);
        }

        @Override
        public String toString() {
            return rules.source() + " " + fr.name();
        }

        void run() {
            long t0 = System.nanoTime();
            Table table = table();
            // files read together share a header (its columns in its order) and a spec_version (the fields and codes they carry)
            Map<FileShape, List<Path>> byShape = new LinkedHashMap<>();
            Map<String, String> pathToDelivery = new LinkedHashMap<>();
            for (CheckedDelivery d : batch) {
                CheckedDelivery.CheckedFile f = d.file(fr.name());
                if (f == null) continue;
                byShape.computeIfAbsent(new FileShape(f.header(), d.specVersion()), h -> new ArrayList<>()).add(f.path());
                pathToDelivery.put(TextLines.key(f.path()), d.delivery().name());
            }
            RowChecker checker = null;
            Dataset<Row> checked = null;
            for (Map.Entry<FileShape, List<Path>> g : byShape.entrySet()) {
                checker = new RowChecker(rules, fr, codeLists, comuni, pseudonymizer, g.getKey().specVersion());
                Dataset<Row> lines = TextLines.read(store.spark(), g.getValue(), rules.format(), g.getKey().header().size())
                        .join(broadcast(context), TextLines.PATH);
                Dataset<Row> part = checker.check(lines, g.getKey().header());
                checked = checked == null ? part : checked.unionByName(part);
            }
            checked = crossRecordRules(fr, checked).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Map<String, long[]> perFile = new LinkedHashMap<>();
                long rows = 0, aside = 0, warned = 0;
                for (Row r : checked.groupBy(TextLines.PATH).agg(count(lit(1)),
                        sum(when(col(Issues.VIOLATION).isNull(), 1).otherwise(0)),
                        sum(when(col(Issues.VIOLATION).isNull(), size(col(Issues.WARNINGS))).otherwise(0))).collectAsList()) {
                    perFile.put(r.getString(0), new long[]{r.getLong(1), r.getLong(2), r.getLong(3)});
                }
                for (CheckedDelivery d : batch) {
                    CheckedDelivery.CheckedFile f = d.file(fr.name());
                    if (f == null) continue;
                    long[] c = perFile.getOrDefault(TextLines.key(f.path()), new long[3]);
                    counts.put(d.delivery().name(), new LedgerEntry.FileCounts(f.name(), f.sha256(), f.records(), c[0], c[1], c[0] - c[1], c[2]));
                    rows += c[0];
                    aside += c[0] - c[1];
                    warned += c[2];
                }
                List<String> out = new ArrayList<>(List.of(Lineage.COLUMNS));
                out.addAll(checker.outputColumns());
                store.append(table, checked.filter(col(Issues.VIOLATION).isNull())
                        .select(out.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
                quarantine.write(rules.source(), fr, checked, aside > 0, warned > 0);
                progress.accept(String.format("  %-7s %-24s %,9d righe ricevute, %,7d scartate  (%d consegne, %.1f s)",
                        rules.source(), fr.name(), rows, aside, pathToDelivery.size(), (System.nanoTime() - t0) / 1e9));
            } finally {
                checked.unpersist();
            }
        }
    }

    /** The files of a batch that are read and checked together. */
    private record FileShape(List<String> header, String specVersion) {}

    /**
     * Rules that look at other records: references to records of the same sender, dates of the referenced record, warnings.
     * Every bronze table read here must be one that {@link #reads} lists: the file types that write it load first.
     */
    private Dataset<Row> crossRecordRules(SourceRules.FileRules fr, Dataset<Row> checked) {
        Dataset<Row> out = checked;
        for (FieldRule f : fr.fields()) {
            if (f.references() != null) {
                SourceRules.FileRules ref = rules.fileForTable(f.references());
                Dataset<Row> keys = store.read(bronze(rules, ref))
                        .select(col(Lineage.SENDER).as("_ref_sender"), col(ref.key().get(0)).as("_ref_key")).distinct();
                out = out.join(keys, col(Lineage.SENDER).equalTo(col("_ref_sender")).and(col(f.column()).equalTo(col("_ref_key"))), "left")
                        .withColumn(Issues.VIOLATION, coalesce(col(Issues.VIOLATION),
                                when(col(f.column()).isNotNull().and(col("_ref_key").isNull()),
                                        Issues.violation(lit(f.name()), RuleCode.UNKNOWN_REFERENCE, col(f.column())))))
                        .drop("_ref_sender", "_ref_key");
            }
            if (f.notBeforeReferenced() != null) {
                SourceRules.ReferencedDate rd = f.notBeforeReferenced();
                SourceRules.FileRules ref = rules.fileForTable(rd.table());
                String key = ref.key().get(0);
                Dataset<Row> latest = store.read(bronze(rules, ref))
                        .withColumn("_rn", row_number().over(Window.partitionBy(Lineage.SENDER, key)
                                .orderBy(Lineage.latestFirst(rules.versioned().timestamp()))))
                        .filter(col("_rn").equalTo(1))
                        .select(col(Lineage.SENDER).as("_rd_sender"), col(key).as("_rd_key"), col(rd.field()).as("_rd_date"));
                out = out.join(latest, col(Lineage.SENDER).equalTo(col("_rd_sender")).and(col(rd.via()).equalTo(col("_rd_key"))), "left")
                        .withColumn(Issues.VIOLATION, coalesce(col(Issues.VIOLATION),
                                when(col(f.column()).lt(col("_rd_date")),
                                        Issues.violation(lit(f.name()), RuleCode.DATE_ORDER, col(f.column())))))
                        .drop("_rd_sender", "_rd_key", "_rd_date");
            }
            if (f.warnUnknown() != null) {
                SourceRules.KnownIn known = f.warnUnknown();
                Table other = Table.bronze(known.source(), known.table());
                Dataset<Row> units = store.exists(other)
                        ? store.read(other).select(col(known.field()).as(UNIT)).distinct()
                        : store.spark().createDataFrame(new ArrayList<>(), new StructType().add(UNIT, DataTypes.StringType));
                out = withUnknownUnitWarning(out, f, units);
            }
        }
        return out;
    }

    /** The column of the known units in {@link #withUnknownUnitWarning}. */
    public static final String UNIT = "_unit";

    /** A warning on each checked row whose field {@code f} holds a unit that {@code units} (column {@link #UNIT}) lacks. */
    public static Dataset<Row> withUnknownUnitWarning(Dataset<Row> checked, FieldRule f, Dataset<Row> units) {
        return checked.join(units, col(f.column()).equalTo(col(UNIT)), "left")
                .withColumn(Issues.WARNINGS, Issues.withWarning(col(Issues.WARNINGS),
                        when(col(f.column()).isNotNull().and(col(UNIT).isNull()),
                                Issues.issue(lit(f.name()), RuleCode.UNKNOWN_UNIT.name(), col(f.column())))))
                .drop(UNIT);
    }

    /** Per file read ({@link TextLines#PATH}), its delivery's lineage columns: joined to every line of the file. */
    public static final StructType CONTEXT = new StructType()
            .add(TextLines.PATH, DataTypes.StringType).add(Lineage.DELIVERY_ID, DataTypes.StringType)
            .add(Lineage.DELIVERY_NAME, DataTypes.StringType).add(Lineage.SENDER, DataTypes.StringType)
            .add(Lineage.FILE, DataTypes.StringType).add(Lineage.EXTRACTED_AT, DataTypes.TimestampType)
            .add(Lineage.PERIOD_FROM, DataTypes.DateType).add(Lineage.PERIOD_TO, DataTypes.DateType)
            .add(Lineage.SPEC_VERSION, DataTypes.StringType);

    private Dataset<Row> context(List<CheckedDelivery> batch) {
        List<Row> rows = new ArrayList<>();
        for (CheckedDelivery d : batch) {
            for (CheckedDelivery.CheckedFile f : d.files()) {
                rows.add(RowFactory.create(TextLines.key(f.path()), d.deliveryId(), d.delivery().name(), d.sender(), f.name(),
                        Timestamp.from(d.extractedAt()), d.periodFrom() == null ? null : Date.valueOf(d.periodFrom()),
                        d.periodTo() == null ? null : Date.valueOf(d.periodTo()), d.specVersion()));
            }
        }
        return store.spark().createDataFrame(rows, CONTEXT);
    }
}
