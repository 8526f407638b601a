package it.cabina.warehouse.config;

import java.util.List;

/**
 * A configuration or reference file that cannot be used; the message says which and why. A configuration file's
 * problems are all reported at once ({@link #problems()}), each naming the file and the key's path.
 */
public class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public ConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problemi di configurazione: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
