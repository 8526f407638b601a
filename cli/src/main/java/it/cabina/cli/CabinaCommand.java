package it.cabina.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The root of the `cabina` command: subcommands only, no logic. */
@Command(name = "cabina",
        mixinStandardHelpOptions = true,
        versionProvider = CabinaCommand.Version.class,
        description = "Cabina di Regia: data warehouse e report dell'integrazione socio-sanitaria.",
        subcommands = {NightlyCommand.class, StatusCommand.class, GenerateCommand.class, DemoCommand.class,
                SqlCommand.class, IndicatorsCommand.class, ReportCommand.class, ExportCommand.class, HousekeepingCommand.class,
                ServeCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class CabinaCommand {

    /**
     * "cabina VERSION (commit ABBREV[, modified])": the version and the commit the build was made from, read from the
     * resources the build writes ({@code version.properties}, {@code git.properties}); "commit unknown" when the build
     * ran outside a git checkout.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties version = resource("version.properties");
            Properties git = resource("git.properties");
            return new String[]{describe(version.getProperty("version"), git.getProperty("git.commit.id.abbrev"),
                    Boolean.parseBoolean(git.getProperty("git.dirty")))};
        }

        static String describe(String version, String commit, boolean modified) {
            String v = version == null || version.isBlank() || version.startsWith("${") ? "(development build)" : version;
            String c = commit == null || commit.isBlank() ? "commit unknown"
                    : "commit " + commit + (modified ? ", with uncommitted changes" : "");
            return "cabina " + v + " (" + c + ")";
        }

        private static Properties resource(String name) throws IOException {
            Properties p = new Properties();
            try (InputStream in = CabinaCommand.class.getResourceAsStream(name)) {
                if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return p;
        }
    }
}
