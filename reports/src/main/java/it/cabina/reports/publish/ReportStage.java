package it.cabina.reports.publish;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.PublicationStage;
import it.cabina.reports.service.ReportService;
import it.cabina.warehouse.files.PublishedFiles;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * The nightly's reporting stage: publishes every report of the latest periods, rendering those whose data changed
 * since the files already published ({@link ReportPublisher}).
 */
public final class ReportStage implements PublicationStage {

    @Override
    public String name() {
        return "Report per la Cabina di Regia";
    }

    @Override
    public boolean outputMissing(CabinaContext ctx) {
        return !files(ctx).exists(ReportPublisher.INDEX);
    }

    @Override
    public void run(CabinaContext ctx, Progress progress) {
        ReportPublisher.Result r = publish(ctx, progress, false);
        progress.accept("  " + r.filesText() + "; " + r.timesText());
    }

    @Override
    public String checkName() {
        return "report (template e conf/reports.yaml)";
    }

    @Override
    public String check(CabinaConfig config) {
        List<String> problems = new ArrayList<>(ReportService.templateProblems());
        try {
            ReportService.settings(config.home());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return ReportService.TEMPLATES.size() + " template compilati, soglie e misure lette";
    }

    /** @param force render every report, even those whose published file was rendered from the same document */
    public static ReportPublisher.Result publish(CabinaContext ctx, Progress progress, boolean force) {
        ReportService service = ReportService.open(ctx);
        service.warmUpProblems().forEach(p -> progress.accept("  avvio del motore dei report con righe di prova non riuscito (non bloccante): " + p));
        return new ReportPublisher(service, files(ctx), progress, force).publish();
    }

    static PublishedFiles files(CabinaContext ctx) {
        return new PublishedFiles(ctx.config().reports(), ctx.spark().sparkContext().hadoopConfiguration());
    }
}
