package it.cabina.etl.context;


/**
 * What one source needs beyond its declarative rules, kept out of the generic loader and model builder: SQL functions
 * its gold models call, and a report after the gold build. Registered in {@link SourceExtensions}.
 */
public interface SourceExtension {
    /** The source (as in conf/rules). */
    String source();

    /** Before the gold models run: register the SQL functions they call. */
    default void beforeGold(CabinaContext ctx) {}

    /** After the gold models: say in the run's progress what the operators should know (in Italian). */
    default void afterGold(CabinaContext ctx, Progress progress) {}
}
