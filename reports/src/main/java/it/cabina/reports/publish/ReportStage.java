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

/** The nightly's reporting stage: renders and publishes every report of the latest periods. */
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
        ReportPublisher.Result r = publish(ctx, progress);
        progress.accept(String.format("  %,d file; per report, a dati letti: mediana %.3f s, 95° percentile %.3f s, massimo %.3f s%s",
                r.files(), r.median(), r.p95(), r.max(), r.slowestText()));
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

    public static ReportPublisher.Result publish(CabinaContext ctx, Progress progress) {
        ReportService service = ReportService.open(ctx);
        service.warmUpProblems().forEach(p -> progress.accept("  avvio del motore dei report con righe di prova non riuscito (non bloccante): " + p));
        return new ReportPublisher(service, files(ctx), progress).publish();
    }

    static PublishedFiles files(CabinaContext ctx) {
        return new PublishedFiles(ctx.config().reports(), ctx.spark().sparkContext().hadoopConfiguration());
    }
}
