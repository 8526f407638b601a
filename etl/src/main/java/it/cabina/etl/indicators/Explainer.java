package it.cabina.etl.indicators;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.indicators.IndicatorCatalog.Indicator;
import it.cabina.etl.indicators.IndicatorCatalog.Side;
import it.cabina.etl.indicators.IndicatorParts.Part;
import it.cabina.etl.indicators.IndicatorView.RecordOfRow;
import it.cabina.etl.model.RunParameters;
import it.cabina.etl.rules.Lineage;
import it.cabina.etl.rules.SourceRules;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.published.Levels;
import it.cabina.warehouse.tables.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.apache.spark.sql.functions.substring_index;

/**
 * Explains figures: the records that make up the numerator and the denominator of indicator cells, worked out from the
 * catalogue alone (no code per indicator). A side over a view lists, in one query per view ({@link ExplanationSql}), the
 * view rows its condition selects at the cell's level, each mapped back to the sender's record through the view's
 * {@code record} header and the lineage of the current state (silver: delivery, file, line). A constant denominator,
 * the size of a code list, and the denominators of indicators set per Ambito are listed from the same facts the engine
 * uses (the Ambiti with data). The contributions of a part add up to the stored value.
 */
public final class Explainer {
    /** Which cells to explain: null means every one. */
    public record Selection(String indicator, Integer year, String level, String territory, String part) {
        public static Selection all() {
            return new Selection(null, null, null, null, null);
        }

        boolean wants(String partId) {
            return part == null || part.equals(ExplanationRow.partName(partId));
        }
    }

    private static final String LINEAGE_PREFIX = "linea_";
    private Set<String> notTransmittedCells;

    private final CabinaContext ctx;
    private final IndicatorCatalog catalog;
    private final RunParameters params;
    private final Instant stateAt;
    private final List<String> order;
    /** Ambito -> the (level, territory) it counts in, for the Ambiti of the reference (as the engine's grid). */
    private Map<String, List<String[]>> levelsOf;

    /**
     * @param runDate the run's reference date (the years computed and the semesters ended depend on it)
     * @param stateAt read the warehouse as it stood then (an earlier run's values), or null for its current state
     */
    public Explainer(CabinaContext ctx, IndicatorCatalog catalog, LocalDate runDate, Instant stateAt) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.params = RunParameters.of(ctx, runDate, catalog.triennio().dal(), catalog.triennio().al());
        this.stateAt = stateAt;
        this.order = catalog.indicators().stream().map(Indicator::code).toList();
        checkRecords(catalog, ctx.rules());
    }

    /** Every view's record type is one of the rules' records or a delivery: checked when the catalogue is read. */
    public static void checkRecords(IndicatorCatalog catalog, Map<String, SourceRules> rules) {
        for (IndicatorView v : catalog.views().all()) {
            RecordOfRow r = v.record();
            if (r == null || r.delivery()) continue;
            if (fileOf(rules, r.type()) == null) {
                Set<String> known = new TreeSet<>(List.of(RecordOfRow.DELIVERY));
                rules.values().forEach(s -> s.files().forEach(f -> known.add(f.record())));
                throw new ConfigException("conf/views/" + v.file().getFileName() + ": record '" + r.type() + "' is not a record of conf/rules "
                        + "nor a delivery (known: " + known + ")");
            }
        }
    }

    /** Registers the views, the lineage of their records and the roll-up of territories; once, before any query. */
    public Explainer open() {
        catalog.views().register(ctx, params, stateAt);
        Set<String> types = new LinkedHashSet<>();
        for (IndicatorView v : catalog.views().all()) if (v.record() != null) types.add(v.record().type());
        for (String type : types) lineage(type).createOrReplaceTempView(LINEAGE_PREFIX + type);
        notTransmittedCells = notTransmitted();
        levelsOf = new HashMap<>();
        for (Row r : ctx.spark().sql("select codice_ambito, livello, territorio from " + IndicatorViews.LEVELS + " where riferimento").collectAsList()) {
            levelsOf.computeIfAbsent(r.getString(0), a -> new ArrayList<>()).add(new String[]{r.getString(1), r.getString(2)});
        }
        return this;
    }

    /**
     * The cells the engine leaves without figures because rows below them lack a field of a later contract (the parts
     * {@code <code>/U} above zero, as the engine computes them): {@code indicatore, anno, livello, territorio}. Nothing
     * explains them.
     */
    private Set<String> notTransmitted() {
        List<Dataset<Row>> perView = new ArrayList<>();
        IndicatorParts.byView(catalog).forEach((view, parts) -> {
            List<Part> unknown = parts.stream().filter(p -> p.id().endsWith("/U")).toList();
            if (!unknown.isEmpty()) perView.add(ctx.spark().sql(IndicatorParts.viewSql(catalog.views(), view, unknown, true)));
        });
        Set<String> cells = new HashSet<>();
        for (Dataset<Row> d : perView) {
            for (Row r : d.filter("valore > 0").selectExpr("substring_index(parte, '/', 1)", "anno", "livello", "territorio").collectAsList()) {
                cells.add(cellKey(r.getString(0), r.getInt(1), r.getString(2), r.getString(3)));
            }
        }
        return cells;
    }

    /**
     * Whether a cell has records behind it: not one the engine left without figures for want of a later field (the
     * view rows of such cells are dropped in {@link #viewRows}, the fixed rows in {@link #fixedRows}).
     */
    private boolean explained(String indicator, int year, String level, String territory) {
        return !notTransmittedCells.contains(cellKey(indicator, year, level, territory));
    }

    private static String cellKey(String indicator, int year, String level, String territory) {
        return indicator + "|" + year + "|" + level + "|" + territory;
    }

    /** Where the current version of each record of a type was loaded from: {@code _sender, _id, _delivery, _file, _line}. */
    private Dataset<Row> lineage(String type) {
        if (RecordOfRow.DELIVERY.equals(type)) {
            return ctx.spark().sql("select sender as _sender, delivery_id as _id, delivery_name as _delivery, cast(null as string) as _file, "
                    + "cast(null as bigint) as _line from ledger_deliveries where status = 'LOADED'");
        }
        Map.Entry<String, SourceRules.FileRules> f = fileOf(ctx.rules(), type);
        Table silver = Table.silver(f.getKey(), f.getValue().table());
        if (!ctx.store().exists(silver) || f.getValue().key() == null || f.getValue().key().size() != 1) {
            return ctx.spark().sql("select cast(null as string) as _sender, cast(null as string) as _id, cast(null as string) as _delivery, "
                    + "cast(null as string) as _file, cast(null as bigint) as _line where false");
        }
        Dataset<Row> rows = stateAt == null ? ctx.store().read(silver) : ctx.store().readAsOf(silver, stateAt);
        return rows.selectExpr(Lineage.SENDER + " as _sender", "cast(" + f.getValue().key().get(0) + " as string) as _id",
                Lineage.DELIVERY_NAME + " as _delivery", Lineage.FILE + " as _file", "cast(" + Lineage.LINE + " as bigint) as _line");
    }

    private static Map.Entry<String, SourceRules.FileRules> fileOf(Map<String, SourceRules> rules, String record) {
        for (SourceRules s : rules.values()) {
            for (SourceRules.FileRules f : s.files()) if (record.equals(f.record())) return Map.entry(s.source(), f);
        }
        return null;
    }

    /**
     * The rows of the view-based sides of the selected cells, one query per view (unordered): {@code parte, livello,
     * territorio, anno, unita, contributo, mittente, id_record, consegna, file, riga, tipo_record}.
     */
    public Dataset<Row> viewRows(Selection s) {
        List<String> perView = new ArrayList<>();
        List<String> levels = s.level() == null ? List.of() : List.of(s.level());
        IndicatorParts.byView(catalog).forEach((view, parts) -> {
            // the rows lacking a field of a later contract (<code>/U) make a cell NON_CALCOLABILE: no record explains them
            List<Part> wanted = parts.stream().filter(p -> !p.id().startsWith("rows/") && !p.id().endsWith("/U")
                    && wanted(p.id(), s)).toList();
            if (wanted.isEmpty()) return;
            IndicatorView v = catalog.views().get(view);
            String lineage = v.record() == null ? null : LINEAGE_PREFIX + v.record().type();
            String type = v.record() == null ? "cast(null as string)" : ExplanationSql.literal(v.record().type());
            perView.add("select " + ROW_COLUMNS + ", " + type + " as tipo_record from ("
                    + ExplanationSql.sql(v, wanted, levels, s.territory(), s.year(), lineage) + ") e");
        });
        if (perView.isEmpty()) return ctx.spark().sql("select * from (" + emptyRows() + ") where false");
        // one query analysed once: a chain of unionByName analyses the growing union again at every step
        Dataset<Row> all = ctx.spark().sql(String.join("\nunion all\n", perView));
        all = all.filter("anno >= " + catalog.triennio().dal() + " and anno <= " + params.lastYear());
        if (notTransmittedCells.isEmpty()) return all;
        Column cell = concat_ws("|", substring_index(col("parte"), "/", 1), col("anno").cast("string"), col("livello"), col("territorio"));
        return all.filter(not(cell.isin(notTransmittedCells.toArray())));
    }

    /** The columns of every view's explanation query ({@link ExplanationSql#sql}), in the order the union lines them up. */
    private static final String ROW_COLUMNS = "e.parte, e.livello, e.territorio, e.anno, e.unita, e.contributo, e.mittente, e.id_record, "
            + "e.consegna, e.file, e.riga";

    private static String emptyRows() {
        return "select '' as parte, '' as livello, '' as territorio, 0 as anno, cast(0 as bigint) as unita, 0.0d as contributo, "
                + "'' as mittente, '' as id_record, '' as consegna, '' as file, cast(0 as bigint) as riga, '' as tipo_record";
    }

    private boolean wanted(String partId, Selection s) {
        String code = partId.substring(0, partId.lastIndexOf('/'));
        return (s.indicator() == null || s.indicator().equals(code)) && s.wants(partId);
    }

    /**
     * The rows of the sides that are not over a view (a constant, the size of a code list) and of the denominators of
     * indicators set per Ambito, for the selected cells that have data (as the engine: a row in the indicator's views).
     */
    public List<ExplanationRow> fixedRows(Selection s) {
        List<Indicator> needing = catalog.indicators().stream()
                .filter(i -> s.indicator() == null || s.indicator().equals(i.code()))
                .filter(i -> s.wants(i.code() + "/D") && (i.perAmbito() || i.tipo().ratio() && !i.denominatore().fromView()))
                .toList();
        if (needing.isEmpty()) return List.of();
        Map<String, Map<Integer, Set<String>>> withData = ambitiWithData(needing.stream().flatMap(i -> i.views().stream()).distinct().toList(), s.year());
        List<ExplanationRow> out = new ArrayList<>();
        for (Indicator ind : needing) {
            // Ambiti with data per year, and the cells they make
            Map<String, Map<Integer, TreeSet<String>>> cells = new TreeMap<>();
            for (String view : ind.views()) {
                withData.getOrDefault(view, Map.of()).forEach((year, ambiti) -> {
                    for (String a : ambiti) {
                        for (String[] lt : levelsOf.getOrDefault(a, List.of())) {
                            if (s.level() != null && !s.level().equals(lt[0])) continue;
                            if (s.territory() != null && !s.territory().equals(lt[1])) continue;
                            cells.computeIfAbsent(lt[0] + "\t" + lt[1], k -> new TreeMap<>()).computeIfAbsent(year, y -> new TreeSet<>()).add(a);
                        }
                    }
                });
            }
            Side den = ind.denominatore();
            cells.forEach((cell, byYear) -> byYear.forEach((year, ambiti) -> {
                String[] lt = cell.split("\t");
                if (year < catalog.triennio().dal() || year > params.lastYear()) return;
                if (!explained(ind.code(), year, lt[0], lt[1])) return;
                long unit = 1;
                if (ind.perAmbito()) {
                    double each = ind.tipo().ratio() ? den.costante() : 1.0;
                    for (String a : ambiti) {
                        out.add(new ExplanationRow(ind.code(), year, lt[0], lt[1], ExplanationRow.DENOMINATOR, unit++, each, a, "ambito", a,
                                null, null, null));
                    }
                } else if (den.costante() != null) {
                    out.add(new ExplanationRow(ind.code(), year, lt[0], lt[1], ExplanationRow.DENOMINATOR, 1, den.costante(), null, "costante",
                            IndicatorResults.number(den.costante()), null, null, null));
                } else {
                    for (var code : ctx.codeLists().get(den.lista()).codes()) {
                        out.add(new ExplanationRow(ind.code(), year, lt[0], lt[1], ExplanationRow.DENOMINATOR, unit++, 1.0, null, den.lista(),
                                code.code(), null, null, null));
                    }
                }
            }));
        }
        return out;
    }

    /** Per view, year and Ambito with at least one row (the engine's "Ambiti with data"). */
    private Map<String, Map<Integer, Set<String>>> ambitiWithData(List<String> views, Integer year) {
        Map<String, Map<Integer, Set<String>>> out = new HashMap<>();
        for (String view : views) {
            for (Row r : ctx.spark().sql("select codice_ambito, anno from " + view + " where anno is not null"
                    + (year == null ? "" : " and anno = " + year.intValue()) + " group by codice_ambito, anno").collectAsList()) {
                out.computeIfAbsent(view, v -> new HashMap<>()).computeIfAbsent(r.getInt(1), y -> new TreeSet<>()).add(r.getString(0));
            }
        }
        return out;
    }

    /** Every row of the selected cells, in order: indicator (catalogue order), year, level, territory, part, unit. */
    public List<ExplanationRow> rows(Selection s) {
        List<ExplanationRow> out = new ArrayList<>(fixedRows(s));
        for (Row r : viewRows(s).collectAsList()) out.add(row(r));
        out.sort(order());
        return out;
    }

    /** The order of the rows of an explanation. */
    public Comparator<ExplanationRow> order() {
        return Comparator.comparingInt((ExplanationRow r) -> order.indexOf(r.indicator()))
                .thenComparingInt(ExplanationRow::year)
                .thenComparingInt(r -> Levels.ALL.indexOf(r.level()))
                .thenComparing(ExplanationRow::territory)
                .thenComparing(r -> r.part().equals(ExplanationRow.NUMERATOR) ? 0 : 1)
                .thenComparingLong(ExplanationRow::unit)
                .thenComparing(r -> String.valueOf(r.sender()))
                .thenComparing(r -> String.valueOf(r.recordId()));
    }

    static ExplanationRow row(Row r) {
        String part = r.getString(0);
        return new ExplanationRow(part.substring(0, part.lastIndexOf('/')), r.getInt(3), r.getString(1), r.getString(2),
                ExplanationRow.partName(part), r.getLong(4), r.getDouble(5), r.getString(6), r.getString(11), r.getString(7),
                r.getString(8), r.getString(9), r.isNullAt(10) ? null : r.getLong(10));
    }

    /**
     * The sum of the contributions of every part of the selected cells, keyed {@code indicator|year|level|territory|part}:
     * what the stored numerators and denominators must be. One aggregation per view, never a query per cell.
     */
    public Map<String, Double> totals(Selection s) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Row r : viewRows(s).groupBy("parte", "anno", "livello", "territorio").agg(org.apache.spark.sql.functions.sum("contributo"))
                .collectAsList()) {
            String part = r.getString(0);
            out.merge(String.join("|", part.substring(0, part.lastIndexOf('/')), String.valueOf(r.getInt(1)), r.getString(2), r.getString(3),
                    ExplanationRow.partName(part)), r.getDouble(4), Double::sum);
        }
        for (ExplanationRow f : fixedRows(s)) {
            out.merge(String.join("|", f.indicator(), String.valueOf(f.year()), f.level(), f.territory(), f.part()), f.contribution(), Double::sum);
        }
        return out;
    }

    /**
     * Every row at the Ambito level, one Ambito and year at a time, for the files of the nightly: the consumer gets the
     * Ambito, the year and its rows in order, for every Ambito of the reference and year computed (those without rows
     * get an empty list), in no particular order of Ambiti.
     */
    public void perAmbitoAndYear(Consumer<AmbitoYear> consumer) {
        Selection ambiti = new Selection(null, null, "AMBITO", null, null);
        Cells cells = new Cells(fixedRows(ambiti), consumer);
        // each Ambito's rows in one partition, a few Ambiti per partition: the driver holds one partition at a time, and
        // there is no global sort (a range partitioning reads its input twice: once to sample it)
        int partitions = Math.max(1, (levelsOf.size() + AMBITI_PER_PARTITION - 1) / AMBITI_PER_PARTITION);
        Iterator<Row> it = viewRows(ambiti).repartition(partitions, col("territorio"))
                .withColumn("_partizione", spark_partition_id()).toLocalIterator();
        Map<String, List<ExplanationRow>> partition = new HashMap<>();
        int current = -1;
        while (it.hasNext()) {
            Row r = it.next();
            int p = r.getInt(r.length() - 1);
            if (p != current) {
                cells.give(partition);
                current = p;
            }
            String cell = cellOf(r.getString(2), r.getInt(3));
            if (cells.pending.contains(cell)) partition.computeIfAbsent(cell, k -> new ArrayList<>()).add(row(r)); // else outside the reference: no file
        }
        cells.give(partition);
        cells.giveTheRest();
    }

    /** Ambiti whose explanation rows the driver holds at once, at most (on average). */
    private static final int AMBITI_PER_PARTITION = 4;

    private static String cellOf(String ambito, int year) {
        return ambito + "|" + year;
    }

    /** The cells of the files (Ambito of the reference × year computed), each handed to the consumer once, with its fixed rows. */
    private final class Cells {
        final Set<String> pending = new HashSet<>();
        private final Map<String, List<ExplanationRow>> fixed = new HashMap<>();
        private final Consumer<AmbitoYear> consumer;

        Cells(List<ExplanationRow> fixedRows, Consumer<AmbitoYear> consumer) {
            this.consumer = consumer;
            for (ExplanationRow f : fixedRows) fixed.computeIfAbsent(cellOf(f.territory(), f.year()), k -> new ArrayList<>()).add(f);
            for (String ambito : levelsOf.keySet()) {
                for (int year = catalog.triennio().dal(); year <= params.lastYear(); year++) pending.add(cellOf(ambito, year));
            }
        }

        /** The cells of one partition's rows, in order of Ambito and year; then forgets the rows. */
        void give(Map<String, List<ExplanationRow>> rows) {
            for (String cell : new TreeSet<>(rows.keySet())) give(cell, rows.get(cell));
            rows.clear();
        }

        /** The cells without view rows. */
        void giveTheRest() {
            for (String cell : new TreeSet<>(pending)) give(cell, List.of());
        }

        private void give(String cell, List<ExplanationRow> viewRows) {
            List<ExplanationRow> all = new ArrayList<>(fixed.getOrDefault(cell, List.of()));
            all.addAll(viewRows);
            all.sort(order());
            int bar = cell.lastIndexOf('|');
            consumer.accept(new AmbitoYear(cell.substring(0, bar), Integer.parseInt(cell.substring(bar + 1)), all));
            pending.remove(cell);
        }
    }

    /** The explanation of every cell of one Ambito and year. */
    public record AmbitoYear(String ambito, int year, List<ExplanationRow> rows) {}
}
