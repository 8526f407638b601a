package it.cabina.etl.pipeline;

import it.cabina.etl.landing.LedgerEntry;

import java.util.List;

/**
 * What a nightly did, and the exit code that tells operations about it.
 *
 * @param stoppedEarly the run stopped after the stage of {@link NightlyOptions#until()} and is left unfinished
 * @param warnings     stages that failed without stopping the run (their failure policy allows it)
 */
public record NightlyResult(String runId, List<LedgerEntry> entries, int deferred, boolean modelRebuilt, boolean stoppedEarly,
                            List<String> warnings) {
    public static final int OK = 0;
    public static final int FAILED = 1;
    /** Some deliveries were rejected; everything else loaded. */
    public static final int PARTIAL = 3;
    /** Another nightly holds the warehouse: this one did nothing. */
    public static final int BUSY = 4;

    public long count(LedgerEntry.Status s) {
        return entries.stream().filter(e -> e.status() == s).count();
    }

    public long rowsReceived() { return entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::received).sum(); }

    public long rowsLoaded() { return entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::loaded).sum(); }

    public long rowsSetAside() { return entries.stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::setAside).sum(); }

    public int exitCode() {
        return count(LedgerEntry.Status.REJECTED) > 0 ? PARTIAL : OK;
    }
}
