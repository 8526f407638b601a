package it.cabina.etl.pipeline;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One step of the nightly: its name in the progress lines and the run ledger (Italian), what it reads, what to do when it
 * fails, when it runs, and its work on the run's state. The nightly is the list of its stages ({@link Nightly#stages}).
 *
 * @param inputs what the stage reads, by table or folder name (shown by {@code cabina status}'s documentation and tests)
 * @param when   whether the stage has work this night (a stage that does not run is not recorded)
 */
public record Stage(StageId id, String name, List<String> inputs, FailurePolicy onFailure, Predicate<RunState> when,
                    Consumer<RunState> work) {

    /** What a failing stage means for the night. */
    public enum FailurePolicy {
        /** The run stops with the error (and the next run redoes its work). */
        STOP_RUN,
        /** The error is reported and the run goes on: the stage's work is not needed by what follows. */
        WARN_AND_CONTINUE
    }

    public static Stage of(StageId id, String name, List<String> inputs, Predicate<RunState> when, Consumer<RunState> work) {
        return new Stage(id, name, List.copyOf(inputs), FailurePolicy.STOP_RUN, when, work);
    }

    public Stage warnOnFailure() {
        return new Stage(id, name, inputs, FailurePolicy.WARN_AND_CONTINUE, when, work);
    }
}
