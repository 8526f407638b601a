package it.cabina.cli;

import it.cabina.warehouse.config.CabinaConfig;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

import java.util.Locale;

/**
 * Chooses the format of the log lines: conf/log4j2.properties picks its appenders by the system property
 * {@value #PROPERTY} (text or json), and the configuration is reloaded when it changes. Set before a command logs.
 */
final class Logging {
    static final String PROPERTY = "cabina.log.format";

    private Logging() {}

    static void use(CabinaConfig.LogFormat format) {
        String value = format.name().toLowerCase(Locale.ROOT);
        if (value.equals(System.getProperty(PROPERTY, "text"))) return;
        System.setProperty(PROPERTY, value);
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
    }
}
