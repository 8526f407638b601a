package it.cabina.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The root of the `cabina` command: subcommands only, no logic. */
@Command(name = "cabina",
        mixinStandardHelpOptions = true,
        versionProvider = CabinaCommand.Version.class,
        description = "Cabina di Regia: data warehouse e report dell'integrazione socio-sanitaria.",
        subcommands = {NightlyCommand.class, CheckCommand.class, StatusCommand.class, GenerateCommand.class, DemoCommand.class,
                SqlCommand.class, IndicatorsCommand.class, ExplainCommand.class, ReportCommand.class, ExportCommand.class, HousekeepingCommand.class,
                ServeCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class CabinaCommand {

    /**
     * "cabina VERSION (commit ABBREV[, with uncommitted changes])": the version and the commit the build was made from,
     * read from the resources the build writes ({@code version.properties}, and {@code commit}: the output of
     * {@code git describe --always --dirty}); "commit unknown" when the build ran outside a git checkout.
     */
    static final class Version implements CommandLine.IVersionProvider {
        private static final Pattern DESCRIBE = Pattern.compile("([0-9a-f]{7,40})(-dirty)?");

        @Override
        public String[] getVersion() throws IOException {
            Properties version = new Properties();
            try (InputStream in = CabinaCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) version.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String commit = "";
            try (InputStream in = CabinaCommand.class.getResourceAsStream("commit")) {
                if (in != null) commit = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return new String[]{describe(version.getProperty("version"), commit)};
        }

        static String describe(String version, String gitDescribe) {
            String v = version == null || version.isBlank() || version.startsWith("${") ? "(development build)" : version;
            Matcher m = DESCRIBE.matcher(gitDescribe == null ? "" : gitDescribe);
            String c = !m.matches() ? "commit unknown"
                    : "commit " + m.group(1) + (m.group(2) != null ? ", with uncommitted changes" : "");
            return "cabina " + v + " (" + c + ")";
        }
    }
}
