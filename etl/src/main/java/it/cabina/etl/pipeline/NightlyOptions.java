package it.cabina.etl.pipeline;

import java.time.LocalDate;

/**
 * @param asOf   the run's date: deliveries dropped later wait, and periods are judged as of this day (null: today)
 * @param rebuild recompute silver and gold from bronze even when nothing new arrived
 */
public record NightlyOptions(LocalDate asOf, boolean rebuild) {
    public static NightlyOptions defaults() {
        return new NightlyOptions(null, false);
    }
}
