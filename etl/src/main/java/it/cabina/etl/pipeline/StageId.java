package it.cabina.etl.pipeline;

/** The nightly's stages, in the order they run; {@link NightlyOptions#until()} names one to stop after. */
public enum StageId {
    INTAKE, RECOVERY, BRONZE, LEDGER, SILVER, GOLD, INDICATORS, AGGREGATES, CHECKS, PUBLICATION, EXPORT, HOUSEKEEPING
}
