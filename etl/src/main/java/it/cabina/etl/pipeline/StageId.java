package it.cabina.etl.pipeline;

/** The nightly's stages, in the order they run; {@link NightlyOptions#until()} names one to stop after. */
public enum StageId {
    INTAKE, RECOVERY, BRONZE, LEDGER, SILVER, GOLD, GOLD_CHECKS, INDICATORS, AGGREGATES, AGGREGATE_CHECKS, ANOMALIES, PUBLICATION,
    EXPLANATIONS, EXPORT, ESITI, HOUSEKEEPING
}
