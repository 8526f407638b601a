package it.cabina.cli;

import it.cabina.etl.context.Progress;
import it.cabina.warehouse.config.ConfigException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point. Errors are reported as one clear message, not a stack trace (set CABINA_DEBUG=1 for the trace). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CabinaCommand());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::refuse);
        // text unless the command chooses otherwise (--log-format, logging.format): a JVM may run several commands (tests)
        cl.setExecutionStrategy(parsed -> {
            Logging.use(it.cabina.warehouse.config.CabinaConfig.LogFormat.TEXT);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** An error that stops a command: one {@code ERRORE: …} line per problem (a configuration may have several). */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Progress progress = new Progress();
        if (e instanceof ConfigException c && c.problems().size() > 1) c.problems().forEach(progress::error);
        else progress.error(message(e));
        if (System.getenv("CABINA_DEBUG") != null) {
            PrintWriter err = cl.getErr();
            e.printStackTrace(err);
            err.flush();
        }
        return exitCode(e);
    }

    /** A wrong argument: its {@code ERRORE: …} line like any other error, then picocli's suggestions and the usage. */
    private static int refuse(CommandLine.ParameterException e, String[] args) {
        new Progress().error(e.getMessage());
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        cl.usage(err, cl.getColorScheme());
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * 2 for a configuration error, 1 for any other failure; a wrong argument is a picocli ParameterException, given
     * 2 by picocli before this.
     */
    static int exitCode(Throwable e) {
        return e instanceof ConfigException ? 2 : 1;
    }

    static String message(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        while (t != null) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && (sb.length() == 0 || !sb.toString().contains(m))) {
                if (sb.length() > 0) sb.append(" — causa: ");
                sb.append(m.lines().findFirst().orElse(m));
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }
}
