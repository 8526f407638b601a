package it.cabina.etl.pipeline;

import java.time.LocalDate;

/**
 * @param asOf    the run's date: deliveries dropped later wait, and periods are judged as of this day (null: today)
 * @param rebuild recompute silver and gold from bronze even when nothing new arrived
 * @param until   stop after this stage (null: run them all). The run is then left unfinished on purpose, like a run
 *                stopped by a crash at that point: the next run redoes what follows. For tests and diagnosis.
 */
public record NightlyOptions(LocalDate asOf, boolean rebuild, StageId until) {
    public NightlyOptions(LocalDate asOf, boolean rebuild) {
        this(asOf, rebuild, null);
    }

    public static NightlyOptions defaults() {
        return new NightlyOptions(null, false, null);
    }

    public NightlyOptions until(StageId stage) {
        return new NightlyOptions(asOf, rebuild, stage);
    }
}
