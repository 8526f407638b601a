package it.cabina.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.Supplier;

/**
 * A value given on the command line that the command cannot use (an unknown territory, a period of the wrong kind) is a
 * parameter error, like an unknown option: exit 2 with the message and the usage. Any other failure is exit 1.
 */
final class Arguments {
    private Arguments() {}

    static ParameterException invalid(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** What {@code value} makes of the arguments, its refusal ({@link IllegalArgumentException}) a parameter error. */
    static <T> T parsed(CommandSpec spec, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw invalid(spec, e.getMessage());
        }
    }
}
