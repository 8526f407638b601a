package it.cabina.etl.pseudonym;

import it.cabina.warehouse.config.ConfigException;

import java.nio.charset.StandardCharsets;

/** Where the pseudonym key comes from: the environment only, or the built-in demo key for `cabina demo`. */
public record PseudonymKey(byte[] bytes, boolean demo) {

    /** Public on purpose: it protects nothing, it only lets the demo run without a secret. */
    private static final String DEMO_KEY = "cabina-demo-key-NOT-FOR-REAL-DATA";

    public static PseudonymKey demoKey() {
        return new PseudonymKey(DEMO_KEY.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The key from the named environment variable; a clear error when it is missing or too short. */
    public static PseudonymKey fromEnvironment(String variable) {
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) {
            throw new ConfigException("the pseudonym key is not set: export " + variable
                    + " (at least 16 characters, kept outside the repository) before running the nightly;"
                    + " `cabina demo` runs with a built-in demo key");
        }
        if (v.length() < 16) throw new ConfigException(variable + " is too short: use at least 16 characters");
        return new PseudonymKey(v.getBytes(StandardCharsets.UTF_8), false);
    }

    public Pseudonymizer pseudonymizer() {
        return new Pseudonymizer(bytes);
    }

    @Override
    public String toString() {
        return demo ? "PseudonymKey[demo]" : "PseudonymKey[from environment, hidden]";
    }
}
