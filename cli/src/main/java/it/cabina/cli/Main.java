package it.cabina.cli;

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
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("ERRORE: " + message(e));
        if (System.getenv("CABINA_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        // 2 only for configuration errors proper; a wrong argument is a picocli ParameterException, handled before this
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
