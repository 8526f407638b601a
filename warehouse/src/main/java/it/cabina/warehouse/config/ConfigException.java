package it.cabina.warehouse.config;

/** A configuration or reference file that cannot be used; the message says which and why. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
