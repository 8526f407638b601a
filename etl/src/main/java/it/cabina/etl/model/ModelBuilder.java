package it.cabina.etl.model;

import it.cabina.etl.pipeline.CabinaContext;
import it.cabina.etl.pipeline.Progress;
import it.cabina.etl.rules.BronzeSchema;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.sources.afam.AfamResolver;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rebuilds silver from bronze, then every gold table from silver and the reference, in dependency order. */
public final class ModelBuilder {
    /** View of the Ambiti of this run (reference and AFAM), made while building dim_ambito and read by dim_territory. */
    static final String AMBITI_OF_THE_RUN = "ref_ambito_current";

    /**
     * Gold models in dependency order: later ones read earlier ones by name. Each is built as soon as the ones it
     * reads are ({@link #goldReadBy}), several at a time.
     */
    public static final List<Table> GOLD = List.of(
            Tables.DIM_DATE, Tables.DIM_SEMESTER, Tables.DIM_CODE, Tables.DIM_AMBITO, Tables.DIM_TERRITORY,
            Tables.FACT_SERVICE_DELIVERY, Tables.FACT_SERVICE_MONTH, Tables.DIM_PERSON, Tables.FACT_CASE,
            Tables.FACT_ASSESSMENT, Tables.FACT_ASSESSMENT_ROLE, Tables.FACT_PROJECT, Tables.FACT_PROJECT_SERVICE,
            Tables.FACT_DISCHARGE, Tables.FACT_ACTIVITY, Tables.DIM_UNIT, Tables.FACT_UNIT_SNAPSHOT);

    private final CabinaContext ctx;
    private final Progress progress;

    public ModelBuilder(CabinaContext ctx, Progress progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /**
     * Gold tables computed from nothing but the silver tables of one source and the gold tables so computed (no
     * reference, no run date, no other table): when that source's silver tables were not rebuilt, the table already
     * holds exactly what its model would write, and rewriting it is skipped (fact_service_delivery: the FLUSSO rows,
     * the bulk of the warehouse, and fact_service_month, their summary, untouched on a night with CSI deliveries only).
     */
    static final Map<Table, String> SINGLE_SOURCE = Map.of(Tables.FACT_SERVICE_DELIVERY, "FLUSSO", Tables.FACT_SERVICE_MONTH, "FLUSSO");

    /**
     * Small gold tables made from the reference, the code lists, the run date and AFAM: most nights they come out
     * exactly as stored, and then they are not rewritten, so their Delta version stays and what depends on them (the
     * aggregates that read them, the analysts' export) can be kept too. Equal means the same multiset of rows.
     */
    static final Set<Table> KEPT_WHEN_UNCHANGED = Set.of(Tables.DIM_DATE, Tables.DIM_SEMESTER,
            Tables.DIM_CODE, Tables.DIM_AMBITO, Tables.DIM_TERRITORY, Tables.DIM_UNIT, Tables.FACT_UNIT_SNAPSHOT);

    /** @param changedSources sources that received deliveries (their silver tables are rebuilt) */
    public void build(LocalDate asOf, Set<String> changedSources) {
        Set<String> rebuilt = progress.stage("Silver (versioni correnti)",
                () -> new SilverBuilder(ctx, progress).build(changedSources));
        progress.stage("Gold (schema a stella)", () -> {
            buildGold(asOf, rebuilt);
            return null;
        });
    }

    private void buildGold(LocalDate asOf, Set<String> rebuiltSilver) {
        SparkSession spark = ctx.spark();
        registerSilverViews(ctx);
        ReferenceViews.register(ctx);
        AfamResolver.of(ctx.config(), ctx.territory()).registerFunctions(spark);
        spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(asOf))),
                new StructType().add("as_of", DataTypes.DateType)).createOrReplaceTempView("run_parameters");
        List<Built> built = Concurrently.inDependencyOrder(GOLD, ModelBuilder::goldReadBy, Concurrently.SPARK_QUERIES,
                t -> buildOne(t, asOf, rebuiltSilver));
        for (Built b : built) {
            if (b.rows() >= 0) progress.count("righe", b.rows());
            progress.accept(b.message());
        }
        reportAfamConformance();
    }

    /** What became of one gold table: its message and, when written, its rows (-1 when kept). */
    private record Built(String message, long rows) {}

    private Built buildOne(Table t, LocalDate asOf, Set<String> rebuiltSilver) {
        SparkSession spark = ctx.spark();
        DeltaStore store = ctx.store();
        String source = SINGLE_SOURCE.get(t);
        if (source != null && !rebuiltSilver.contains(source) && store.exists(t)) {
            store.read(t).createOrReplaceTempView(t.name());
            return new Built(String.format("  gold %-24s invariata (silver %s invariato)", t.name(), source), -1);
        }
        Dataset<Row> rows = spark.sql(SqlModels.read("gold", t.name()));
        if (t.equals(Tables.DIM_AMBITO)) {
            rows = rows.localCheckpoint(true); // the Ambiti of this run, computed once for dim_territory too
            rows.createOrReplaceTempView(AMBITI_OF_THE_RUN);
            rows = Scd2.merge(store.exists(t) ? store.read(t) : null, rows, "codice_ambito", asOf).localCheckpoint(true);
        } else if (t.equals(Tables.DIM_TERRITORY)) {
            rows = Scd2.merge(store.exists(t) ? store.read(t) : null, rows, "codice_istat", asOf).localCheckpoint(true);
        }
        if (KEPT_WHEN_UNCHANGED.contains(t) && store.exists(t)) {
            rows = rows.localCheckpoint(true);
            if (sameRows(store.read(t), rows)) {
                store.read(t).createOrReplaceTempView(t.name());
                return new Built(String.format("  gold %-24s invariata (stesse righe)", t.name()), -1);
            }
        }
        store.overwrite(t, rows);
        store.read(t).createOrReplaceTempView(t.name());
        long n = store.read(t).count();
        return new Built(String.format("  gold %-24s %,9d righe", t.name(), n), n);
    }

    /**
     * The gold tables a gold model reads (by name, or {@link #AMBITI_OF_THE_RUN} made with dim_ambito): it is built
     * once they are. A model whose SQL cannot be read for names waits for every table before it in {@link #GOLD}.
     */
    static List<Table> goldReadBy(Table t) {
        List<Table> before = GOLD.subList(0, GOLD.indexOf(t));
        Optional<Set<String>> names = SqlModels.namesRead(SqlModels.read("gold", t.name()));
        if (names.isEmpty()) return before;
        return before.stream().filter(b -> names.get().contains(b.name())
                || b.equals(Tables.DIM_AMBITO) && names.get().contains(AMBITI_OF_THE_RUN)).toList();
    }

    /** The same columns (names and types) and the same rows, each as many times. */
    static boolean sameRows(Dataset<Row> stored, Dataset<Row> computed) {
        if (!columns(stored).equals(columns(computed))) return false;
        Dataset<Row> aligned = computed.selectExpr(Arrays.stream(stored.columns()).map(c -> "`" + c + "`").toArray(String[]::new));
        return stored.exceptAll(aligned).isEmpty() && aligned.exceptAll(stored).isEmpty();
    }

    private static Set<String> columns(Dataset<Row> rows) {
        Set<String> out = new HashSet<>();
        for (var f : rows.schema().fields()) out.add(f.name() + " " + f.dataType().catalogString());
        return out;
    }

    /** Says which Ambiti only AFAM names and which units have a comune not found in the ISTAT list. */
    private void reportAfamConformance() {
        List<Row> registered = ctx.spark().sql("select codice_ambito, denominazione, codice_asst, codice_ats from dim_ambito "
                + "where origine = 'AFAM' and corrente order by codice_ambito").collectAsList();
        if (!registered.isEmpty()) {
            progress.accept("  AFAM: " + registered.size() + " Ambiti non presenti nel riferimento, registrati dal nome AFAM: "
                    + String.join(", ", registered.stream().map(r -> r.getString(0) + " (ASST " + r.getString(2) + ")").toList()));
        }
        List<Row> unplaced = ctx.spark().sql("select codice_unita, comune_afam, provincia from dim_unit "
                + "where corrente and codice_istat is null order by codice_unita").collectAsList();
        if (!unplaced.isEmpty()) {
            progress.accept("  ATTENZIONE AFAM: " + unplaced.size() + " unità con comune non trovato nell'elenco ISTAT: "
                    + String.join(", ", unplaced.stream().limit(20).map(r -> r.getString(0) + " " + r.getString(1) + " (" + r.getString(2) + ")").toList()));
        }
    }

    /**
     * Silver tables as views by name, with only the records that count (no exclusion: withdrawn records and those
     * below them stay in silver, visible with their reason, and count nowhere else); a source never delivered gives an
     * empty view of the right schema.
     */
    public static void registerSilverViews(CabinaContext ctx) {
        for (String source : CabinaContext.SOURCES) {
            SourceRules rules = ctx.rules().get(source);
            for (SourceRules.FileRules fr : rules.files()) {
                Table silver = Table.silver(source, fr.table());
                Dataset<Row> rows;
                if (ctx.store().exists(silver)) {
                    rows = ctx.store().read(silver);
                    if (rules.versioned() != null) rows = rows.filter(col(SilverBuilder.EXCLUSION).isNull());
                } else {
                    rows = ctx.spark().createDataFrame(new ArrayList<>(), BronzeSchema.of(fr));
                    if (rules.versioned() == null && rules.periodRequired() == null) {
                        rows = rows.withColumn(SilverBuilder.SNAPSHOT_ORDER, lit(null).cast("int"))
                                .withColumn("data_snapshot", lit(null).cast("date"));
                    }
                }
                rows.createOrReplaceTempView(silver.name());
            }
        }
    }

}
