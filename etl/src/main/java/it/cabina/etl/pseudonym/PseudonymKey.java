package it.cabina.etl.pseudonym;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the pseudonym key comes from: an environment variable, a file named by another one (systemd credentials,
 * Kubernetes secrets), or the built-in demo key for `cabina demo`. The key itself is never shown: not in messages, not
 * in {@link #toString()}.
 *
 * @param source where the key was read, for messages (the variable, or the file's path)
 */
public record PseudonymKey(byte[] bytes, boolean demo, String source) {
    public static final int MIN_LENGTH = 16;

    /** Public on purpose: it protects nothing, it only lets the demo run without a secret. */
    private static final String DEMO_KEY = "cabina-demo-key-NOT-FOR-REAL-DATA";

    public static PseudonymKey demoKey() {
        return new PseudonymKey(DEMO_KEY.getBytes(StandardCharsets.UTF_8), true, "chiave dimostrativa incorporata");
    }

    /** The key of this configuration, from the process environment. */
    public static PseudonymKey load(CabinaConfig config) {
        return load(config.pseudonymKeyEnv(), config.pseudonymKeyFileEnv(), System::getenv);
    }

    /**
     * The key from {@code variable}, or from the file that {@code fileVariable} names (its final line break is not part of
     * the key); a clear error when neither or both are set, or the key is shorter than {@value #MIN_LENGTH} characters.
     */
    public static PseudonymKey load(String variable, String fileVariable, UnaryOperator<String> env) {
        String value = env.apply(variable);
        String file = env.apply(fileVariable);
        boolean inEnv = value != null && !value.isEmpty();
        boolean inFile = file != null && !file.isBlank();
        if (inEnv && inFile) {
            throw new ConfigException("chiave degli pseudonimi: sono impostate sia " + variable + " sia " + fileVariable + ": ne serve una sola");
        }
        if (!inEnv && !inFile) {
            throw new ConfigException("chiave degli pseudonimi mancante: impostare " + variable + " (almeno " + MIN_LENGTH
                    + " caratteri, fuori dal repository) oppure " + fileVariable + " (il file che la contiene, es. una credenziale"
                    + " di systemd o un secret di Kubernetes) prima del nightly; `cabina demo` usa una chiave dimostrativa incorporata");
        }
        String source = inEnv ? variable : fileVariable + "=" + file;
        String key = inEnv ? value : read(Path.of(file), fileVariable);
        if (key.isBlank()) throw new ConfigException("chiave degli pseudonimi vuota in " + source);
        if (key.length() < MIN_LENGTH) {
            throw new ConfigException("chiave degli pseudonimi troppo corta in " + source + ": servono almeno " + MIN_LENGTH + " caratteri");
        }
        return new PseudonymKey(key.getBytes(StandardCharsets.UTF_8), false, source);
    }

    private static String read(Path file, String fileVariable) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
        } catch (IOException e) {
            throw new ConfigException("chiave degli pseudonimi: il file " + file + " indicato da " + fileVariable + " non si legge ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public Pseudonymizer pseudonymizer() {
        return new Pseudonymizer(bytes);
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + source + ", hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKey k && java.util.Arrays.equals(bytes, k.bytes) && demo == k.demo;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
