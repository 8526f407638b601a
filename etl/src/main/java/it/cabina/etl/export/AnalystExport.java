package it.cabina.etl.export;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.warehouse.config.CodeVersion;
import it.cabina.warehouse.model.DataPackage;
import it.cabina.warehouse.model.Model;
import it.cabina.warehouse.published.ReportSettings;
import it.cabina.warehouse.tables.Tables;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * Publishes the analysts' two exports (docs/export.md), each in its own folder so that permissions can differ:
 * {@code riservato} ({@link ReservedExport}, person level, pseudonymised) and {@code aperto} ({@link OpenExport},
 * aggregates and indicators, small cells protected). Each publication is a new version folder named after the run,
 * with its catalogue ({@link ExportCatalogue}) and {@code _manifest.json} (written last inside it); then
 * {@code CURRENT} names it ({@link ExportVersions}), the root's {@code cabina.sql} follows, and versions beyond
 * {@code export.keep_versions} are removed.
 */
public final class AnalystExport {
    /** The licence of the open export: the Region's open data are published under CC BY 4.0. */
    static final DataPackage.Licence OPEN_LICENCE = new DataPackage.Licence("CC-BY-4.0",
            "Creative Commons Attribuzione 4.0 Internazionale", "https://creativecommons.org/licenses/by/4.0/");

    /** One export as published: its folder, the new version and its manifest. */
    public record Published(String kind, String folder, String version, ExportManifest manifest) {
        public Map<String, Long> rows() {
            Map<String, Long> rows = new LinkedHashMap<>();
            manifest.tables().forEach(t -> rows.put(t.name(), t.rows()));
            return rows;
        }
    }

    /** The run whose data a warehouse holds: the latest indicator run, and its reference date. */
    public record Run(String id, LocalDate asOf) {}

    private final CabinaContext ctx;
    private final Consumer<String> progress;

    public AnalystExport(CabinaContext ctx, Consumer<String> progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /** The latest indicator run (what {@code cabina export} publishes outside a nightly). */
    public static Run latestRun(CabinaContext ctx) {
        if (!ctx.store().exists(Tables.INDICATOR_VALUES)) throw new IllegalArgumentException("no indicator values in " + ctx.store().root() + ": run the nightly first");
        Row r = ctx.store().read(Tables.INDICATOR_VALUES).orderBy(col("calcolato_il").desc(), col("run_id").desc())
                .select("run_id", "data_riferimento").first();
        return new Run(r.getString(0), r.getDate(1).toLocalDate());
    }

    public List<Published> publish(Run run) throws IOException {
        ReportSettings settings = ReportSettings.load(ctx.config().home().resolve("conf/reports.yaml"));
        ReservedExport reserved = new ReservedExport(ctx.store(), progress);
        OpenExport open = new OpenExport(ctx.store(), settings, IndicatorEngine.catalog(ctx));
        List<Published> out = new ArrayList<>();
        out.add(publish("riservato", ctx.config().export().riservato(), run, (versions, version, previous) ->
                reserved.write(versions.fs(), version, previous, run.id()), null));
        out.add(publish("aperto", ctx.config().export().aperto(), run, (versions, version, previous) ->
                open.write(versions.fs(), version, run.id()), settings.smallCells().hiddenText()));
        return out;
    }

    private interface Writer {
        List<ExportManifest.TableFiles> write(ExportVersions versions, Path version, Path previous) throws IOException;
    }

    /** @param hidden the text of a hidden count in the CSV files (open export), null for none */
    private Published publish(String kind, String folder, Run run, Writer writer, String hidden) throws IOException {
        ExportVersions versions = new ExportVersions(ctx.spark().sparkContext().hadoopConfiguration(), folder);
        Path previous = versions.current().map(versions::path).filter(p -> exists(versions, p)).orElse(null);
        String version = versions.create(run.id());
        Path dir = versions.path(version);
        List<ExportManifest.TableFiles> tables = writer.write(versions, dir, previous);
        ExportManifest manifest = new ExportManifest(kind, run.id(), run.asOf().toString(), Instant.now().toString(), CodeVersion.current(), tables);
        boolean open = hidden != null;
        String title = open ? "Cabina — esportazione aperta (aggregati e indicatori, piccoli numeri tutelati)"
                : "Cabina — esportazione riservata (schema a stella, dati personali pseudonimizzati)";
        List<Model> models = tables.stream().map(t -> ExportCatalogue.model(t.name())).toList();
        ExportVersions.write(versions.fs(), new Path(dir, ExportCatalogue.SCRIPT),
                ExportCatalogue.duckdbScript(title + ", versione " + version, "'.'", tables, globs(tables, open)));
        ExportVersions.write(versions.fs(), new Path(dir, ExportCatalogue.DATA_PACKAGE), DataPackage.json(
                ExportCatalogue.dataPackage(kind, title, "Run " + run.id() + ", data di riferimento " + run.asOf(),
                        open ? OPEN_LICENCE : null, resources(tables, hidden))));
        ExportVersions.write(versions.fs(), new Path(dir, ExportCatalogue.README), ExportCatalogue.readme(kind, manifest, models));
        for (String example : ExportCatalogue.EXAMPLES) {
            ExportVersions.write(versions.fs(), new Path(new Path(dir, ExportCatalogue.EXAMPLES_FOLDER), example),
                    ExportCatalogue.resource("export/" + kind + "/" + example));
        }
        ExportVersions.write(versions.fs(), new Path(dir, ExportVersions.MANIFEST), manifest.json());
        versions.publish(version);
        versions.replace(new Path(versions.root(), ExportCatalogue.SCRIPT), ExportCatalogue.duckdbScript(title + ", versione corrente (CURRENT)",
                "(SELECT trim(content, chr(10) || chr(13) || ' ') FROM read_text('" + ExportVersions.CURRENT + "'))", tables, globs(tables, open)));
        List<String> removed = versions.prune(ctx.config().export().keepVersions());
        progress.accept("Esportazione " + kind + ": " + tables.size() + " tabelle in " + dir + " (CURRENT)"
                + (removed.isEmpty() ? "" : "; versioni rimosse: " + String.join(", ", removed)));
        return new Published(kind, folder, version, manifest);
    }

    private static boolean exists(ExportVersions versions, Path p) {
        try {
            return versions.fs().exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    /** The files of each table, as the DuckDB views read them. */
    private static Map<String, String> globs(List<ExportManifest.TableFiles> tables, boolean open) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ExportManifest.TableFiles t : tables) {
            out.put(t.name(), open ? t.name() + ".parquet" : t.name() + "/" + "*/".repeat(t.partitionedBy().size()) + "*.parquet");
        }
        return out;
    }

    private static List<DataPackage.Resource> resources(List<ExportManifest.TableFiles> tables, String hidden) {
        boolean open = hidden != null;
        List<DataPackage.Resource> out = new ArrayList<>();
        for (ExportManifest.TableFiles t : tables) {
            Model m = ExportCatalogue.model(t.name());
            List<String> parquet = t.files().stream().map(ExportManifest.FileEntry::path).filter(p -> p.endsWith(".parquet")).toList();
            if (open) {
                out.add(new DataPackage.Resource(t.name(), m, List.of(t.name() + ".csv"), "csv",
                        new DataPackage.Csv(OpenDataCsv.SEPARATOR, OpenDataCsv.DECIMAL_MARK), OpenExport.extraColumns(), List.of("", hidden)));
                out.add(new DataPackage.Resource(t.name() + "-parquet", m, parquet, "parquet", null, OpenExport.extraColumns(), List.of()));
            } else {
                out.add(new DataPackage.Resource(t.name(), m, parquet, "parquet", null, List.of(), List.of()));
            }
        }
        return out;
    }
}
