package it.cabina.cli;

import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.InstallationCheck;
import it.cabina.etl.pipeline.PublicationStage;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.reports.publish.ReportStage;
import it.cabina.warehouse.config.CabinaConfig;

import java.util.List;
import java.util.function.Supplier;

/** The installation check of `cabina check` and of the nightly before it touches data, told part by part. */
final class Checks {
    private Checks() {}

    /** What the nightly publishes (and so what it needs checked): the reports. */
    static List<PublicationStage> publications() {
        return List.of(new ReportStage());
    }

    /** Runs every check, telling each part; returns the problems (none: all well). */
    static List<String> run(CabinaConfig config, Supplier<PseudonymKey> key, Progress progress) {
        return InstallationCheck.problems(InstallationCheck.run(config, publications(), key,
                i -> progress.checked(i.name(), i.detail(), i.problems())));
    }

    /** "1 problema", "3 problemi". */
    static String count(int problems) {
        return problems + (problems == 1 ? " problema" : " problemi");
    }
}
