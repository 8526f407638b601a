package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.etl.pipeline.RunLock;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The commands that write to the warehouse or publish from it (export, report --all, housekeeping) take the nightly's
 * run lock: they never read a warehouse half rewritten, nor collide with a nightly or with one another. Exit 4 when busy.
 */
final class Locked {
    private Locked() {}

    /** Runs the work holding the lock of this warehouse, or does nothing and returns 4 when another run holds it. */
    static int run(CabinaContext ctx, String command, Progress progress, Callable<Integer> work) throws Exception {
        String id = RunLock.runId(command, Instant.now());
        progress.runId(id);
        try (RunLock lock = RunLock.acquire(ctx.spark().sparkContext().hadoopConfiguration(), ctx.config().warehouse(), id,
                ctx.config().operations(), progress)) {
            return work.call();
        } catch (RunLock.BusyException e) {
            return busy(progress, e);
        }
    }

    /** Tells that the warehouse is busy: the error, then the last line. */
    static int busy(Progress progress, RunLock.BusyException e) {
        progress.error(e.getMessage());
        progress.outcome(NightlyResult.BUSY, "ESITO: OCCUPATO — " + e.holder().activity() + " è in corso (" + e.holder().runId()
                + "): nulla è stato fatto");
        return NightlyResult.BUSY;
    }
}
