package it.cabina.etl.export;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorProtection;
import it.cabina.etl.indicators.IndicatorResults;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.warehouse.published.SmallCells;
import it.cabina.warehouse.published.SmallCells.Cell;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open export ({@code aperto}): the semiannual aggregates and the indicator values of the latest run, protected
 * exactly as the published reports are (conf/reports.yaml: {@code protezione} and the measures of the semestrale;
 * {@link IndicatorProtection} as the cruscotto) — a count of persons from 1 to threshold-1 is not published, nor a
 * ratio, share or mean over so few — one Parquet file and one CSV file (UTF-8, {@code ;}, decimal comma) per table.
 * A protected cell is empty (null) in Parquet and {@code <3} (counts) or empty (ratios) in CSV, and the column
 * {@value #PROTECTED} of its row names it. No table of this export is at person level.
 */
final class OpenExport {
    static final String PROTECTED = "valori_protetti";
    static final Model.Column PROTECTED_COLUMN = new Model.Column(PROTECTED, "string",
            "columns of this row not published by small-cell protection (tutela dei piccoli numeri), comma-separated: "
                    + "a count of 1–2 persons, or a ratio, share or mean over fewer than 3; null when all are published", null);

    /** A table as published: its schema (the model's columns, then {@value #PROTECTED}), rows and each cell's fate. */
    record ProtectedTable(String name, StructType schema, List<Row> rows, List<Cell[]> cells) {}

    private final DeltaStore store;
    private final ReportSettings settings;
    private final IndicatorCatalog catalog;

    OpenExport(DeltaStore store, ReportSettings settings, IndicatorCatalog catalog) {
        this.store = store;
        this.settings = settings;
        this.catalog = catalog;
    }

    List<Table> tables() {
        List<Table> tables = new ArrayList<>(Tables.aggregates());
        tables.add(Tables.INDICATOR_VALUES);
        tables.removeIf(t -> !store.exists(t) || ExportCatalogue.model(t.name()).personLevel());
        return tables;
    }

    /** Writes every table into the version folder, the indicator values of run {@code runId}. */
    List<ExportManifest.TableFiles> write(FileSystem fs, Path version, String runId) throws IOException {
        List<ExportManifest.TableFiles> out = new ArrayList<>();
        for (Table t : tables()) {
            ProtectedTable p = t.equals(Tables.INDICATOR_VALUES) ? indicators(runId) : aggregate(t);
            Model model = ExportCatalogue.model(t.name());
            Path parquet = new Path(version, t.name() + ".parquet");
            Path tmp = new Path(version, "." + t.name() + ".parquet.incoming");
            ExportCatalogue.described(store.spark().createDataFrame(p.rows(), p.schema()), model).coalesce(1).write().parquet(tmp.toString());
            FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*.parquet"));
            if (parts == null || parts.length != 1 || !fs.rename(parts[0].getPath(), parquet)) throw new IOException("cannot write " + parquet);
            fs.delete(tmp, true);
            Path csv = new Path(version, t.name() + ".csv");
            ExportVersions.write(fs, csv, OpenDataCsv.text(p.schema(), p.rows(), p.cells(), settings.smallCells()));
            List<ExportManifest.FileEntry> files = List.of(
                    new ExportManifest.FileEntry(csv.getName(), fs.getFileStatus(csv).getLen()),
                    new ExportManifest.FileEntry(parquet.getName(), fs.getFileStatus(parquet).getLen()));
            out.add(new ExportManifest.TableFiles(t.name(), p.rows().size(), false, files,
                    files.stream().mapToLong(ExportManifest.FileEntry::bytes).sum(), ExportManifest.schema(p.schema()), List.of(), List.of()));
        }
        return out;
    }

    /** An aggregate protected as the semestrale protects its measures: persons counts, and ratios by their base. */
    ProtectedTable aggregate(Table t) {
        Map<String, ReportSettings.Measure> measures = new LinkedHashMap<>();
        for (ReportSettings.Section s : settings.semestrale().sezioni()) {
            if (s.tabella().equals(t.name())) s.misure().forEach(m -> measures.put(m.colonna(), m));
        }
        Dataset<Row> data = store.read(t);
        SmallCells cells = settings.smallCells();
        return protect(t.name(), data, (row, column) -> {
            ReportSettings.Measure m = measures.get(column);
            if (m == null) return Cell.SHOWN;
            if (m.persons() && cells.hides(number(row, column))) return Cell.SMALL_COUNT;
            if (m.base() != null && cells.withholdsRatioOver(number(row, m.base()))) return Cell.WITHHELD;
            return Cell.SHOWN;
        });
    }

    /** The indicator values of a run, protected as the cruscotto protects them. */
    ProtectedTable indicators(String runId) {
        Dataset<Row> data = IndicatorResults.read(store, new IndicatorResults.Filter(runId, null, null, null));
        SmallCells cells = settings.smallCells();
        Set<String> personViews = settings.protezione().vistePersone();
        return protect(Tables.INDICATOR_VALUES.name(), data, (row, column) -> {
            if (!Set.of("numeratore", "denominatore", "valore").contains(column)) return Cell.SHOWN;
            Double num = number(row, "numeratore"), den = number(row, "denominatore");
            IndicatorCatalog.Indicator ind = catalog.get(row.getAs("indicatore"));
            IndicatorProtection p = ind != null ? IndicatorProtection.of(ind, num, den, cells, personViews)
                    // an indicator no longer in the catalogue: protected as if both sides counted persons
                    : new IndicatorProtection(cells.hides(num) ? Cell.SMALL_COUNT : Cell.SHOWN, cells.hides(den) ? Cell.SMALL_COUNT : Cell.SHOWN,
                    cells.hides(num) || cells.withholdsRatioOver(den) ? Cell.WITHHELD : Cell.SHOWN);
            return switch (column) {
                case "numeratore" -> p.numerator();
                case "denominatore" -> p.denominator();
                default -> p.value();
            };
        });
    }

    private interface CellRule {
        Cell of(Row row, String column);
    }

    private static ProtectedTable protect(String name, Dataset<Row> data, CellRule rule) {
        StructType schema = data.schema().add(PROTECTED, DataTypes.StringType);
        String[] columns = data.columns();
        List<Row> rows = new ArrayList<>();
        List<Cell[]> fates = new ArrayList<>();
        for (Row r : data.collectAsList()) {
            Object[] values = new Object[columns.length + 1];
            Cell[] cells = new Cell[columns.length + 1];
            List<String> hidden = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                cells[i] = r.isNullAt(i) ? Cell.SHOWN : rule.of(r, columns[i]);
                values[i] = cells[i] == Cell.SHOWN ? r.get(i) : null;
                if (cells[i] != Cell.SHOWN) hidden.add(columns[i]);
            }
            cells[columns.length] = Cell.SHOWN;
            values[columns.length] = hidden.isEmpty() ? null : String.join(",", hidden);
            rows.add(RowFactory.create(values));
            fates.add(cells);
        }
        return new ProtectedTable(name, schema, rows, fates);
    }

    private static Double number(Row row, String column) {
        Object v = row.getAs(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static List<Model.Column> extraColumns() {
        return Arrays.asList(PROTECTED_COLUMN);
    }
}
