package it.cabina.etl.indicators;

import it.cabina.etl.context.CabinaContext;
import it.cabina.warehouse.files.PublishedFiles;
import it.cabina.warehouse.published.ExplanationFile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The nightly's explanations: for every Ambito of the reference and every year computed, the records behind all the
 * numerators and denominators of its cells ({@link ExplanationFile#path}), beside the reports. Every file is rewritten
 * (an Ambito-year without records gets the header alone), each atomically.
 */
public final class ExplanationFiles {
    private final CabinaContext ctx;
    private final IndicatorCatalog catalog;

    public ExplanationFiles(CabinaContext ctx, IndicatorCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }

    /** Whether the explanations were never written into the reports folder (then the stage runs on any night). */
    public static boolean missing(CabinaContext ctx) {
        return !files(ctx).exists("data/spiegazioni");
    }

    /** @return files written and rows in them */
    public long[] write(LocalDate runDate, Consumer<String> progress) {
        PublishedFiles files = files(ctx);
        long[] counts = new long[2];
        new Explainer(ctx, catalog, runDate, null).open().perAmbitoAndYear(ay -> {
            StringBuilder csv = new StringBuilder(ExplanationFile.HEADER).append('\n');
            for (ExplanationRow r : ay.rows()) csv.append(r.csv()).append('\n');
            files.write(ExplanationFile.path(ay.year(), ay.ambito()), csv.toString().getBytes(StandardCharsets.UTF_8));
            counts[0]++;
            counts[1] += ay.rows().size();
        });
        progress.accept(String.format("  %,d file di spiegazione (Ambito × anno), %,d righe", counts[0], counts[1]));
        return counts;
    }

    private static PublishedFiles files(CabinaContext ctx) {
        return new PublishedFiles(ctx.config().reports(), ctx.spark().sparkContext().hadoopConfiguration());
    }
}
