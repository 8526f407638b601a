package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.warehouse.config.CabinaConfig;

/**
 * A stage that publishes from the rebuilt warehouse (the reports module's rendering), run by the nightly after the
 * aggregates. It runs whenever the warehouse changed, and also when its output is missing.
 */
public interface PublicationStage {
    /** The stage's name in the run's progress lines (Italian). */
    String name();

    /** Whether the stage's output is absent (then it runs even on a night with nothing new). */
    boolean outputMissing(CabinaContext ctx);

    void run(CabinaContext ctx, Progress progress);

    /** The name of what {@link #check} verifies, in {@code cabina check}'s list (Italian). */
    String checkName();

    /**
     * Verifies, without Spark and without data, what the stage needs (templates, settings): {@link InstallationCheck}
     * runs it before a nightly and in {@code cabina check}.
     *
     * @return what was found, in a few words
     * @throws it.cabina.warehouse.config.ConfigException listing every problem
     */
    String check(CabinaConfig config);
}
