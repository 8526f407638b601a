package it.cabina.reports;

import it.cabina.reports.service.ReportService;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.testing.IndicatorFixture;
import it.cabina.reports.publish.ReportPublisher;
import it.cabina.reports.publish.ReportStage;

import java.nio.file.Path;

/**
 * The reports the nightly publishes from the hand-made indicator fixture (IndicatorFixture: Saronno, Gallarate, Alto
 * Milanese; run date 2027-01-15), built once per test JVM and shared by the test classes that read them: building the
 * warehouse is most of this module's test time.
 */
record PublishedFixture(CabinaContext ctx, Path reports, ReportPublisher.Result published, ReportService service) {
    private static PublishedFixture instance;

    static synchronized PublishedFixture get() throws Exception {
        if (instance == null) {
            CabinaContext ctx = IndicatorFixture.shared();
            ReportPublisher.Result published = ReportStage.publish(ctx, Progress.silent(), false);
            instance = new PublishedFixture(ctx, Path.of(ctx.config().reports()), published, ReportService.open(ctx));
        }
        return instance;
    }
}
