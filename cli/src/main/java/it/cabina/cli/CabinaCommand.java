package it.cabina.cli;

import it.cabina.warehouse.config.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;


/** The root of the `cabina` command: subcommands only, no logic. */
@Command(name = "cabina",
        mixinStandardHelpOptions = true,
        versionProvider = CabinaCommand.Version.class,
        description = "Cabina di Regia: data warehouse e report dell'integrazione socio-sanitaria.",
        subcommands = {NightlyCommand.class, CheckCommand.class, StatusCommand.class, GenerateCommand.class, DemoCommand.class,
                SqlCommand.class, IndicatorsCommand.class, ExplainCommand.class, ReportCommand.class, ExportCommand.class, HousekeepingCommand.class,
                ServeCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class CabinaCommand {

    /** The version and the commit the build was made from ({@link CodeVersion}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{CodeVersion.current()};
        }
    }
}
