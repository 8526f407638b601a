package it.cabina.etl.pseudonym;

import it.cabina.warehouse.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The pseudonym key from the environment or from a file (systemd credentials, Kubernetes secrets); never shown. */
class PseudonymKeyTest {
    static final String SECRET = "a-secret-key-0123456789";

    @TempDir
    Path tmp;

    static PseudonymKey load(Map<String, String> env) {
        return PseudonymKey.load("KEY", "KEY_FILE", env::get);
    }

    static String refusal(Map<String, String> env) {
        String message = assertThrows(ConfigException.class, () -> load(env)).getMessage();
        assertFalse(message.contains(SECRET) || message.contains("short-key"), "the key is never shown: " + message);
        return message;
    }

    @Test
    void fromTheEnvironmentOrFromAFileTheSameKey() throws Exception {
        Path file = Files.writeString(tmp.resolve("pseudonym-key"), SECRET + "\n");
        PseudonymKey fromEnv = load(Map.of("KEY", SECRET));
        PseudonymKey fromFile = load(Map.of("KEY_FILE", file.toString()));
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), fromFile.bytes(), "the file's final line break is not part of the key");
        assertEquals(fromEnv.pseudonymizer().pseudonym("RSSMRA40C41F205A"), fromFile.pseudonymizer().pseudonym("RSSMRA40C41F205A"));
        assertEquals("PseudonymKey[KEY_FILE=" + file + ", hidden]", fromFile.toString());
        assertFalse(fromEnv.toString().contains(SECRET));
    }

    @Test
    void aMissingShortEmptyOrUnreadableKeyIsRefusedClearly() throws Exception {
        assertTrue(refusal(Map.of()).startsWith("chiave degli pseudonimi mancante: impostare KEY (almeno 16 caratteri"));
        assertEquals("chiave degli pseudonimi troppo corta in KEY: servono almeno 16 caratteri", refusal(Map.of("KEY", "short-key")));
        Path empty = Files.writeString(tmp.resolve("empty"), "\n");
        assertEquals("chiave degli pseudonimi vuota in KEY_FILE=" + empty, refusal(Map.of("KEY_FILE", empty.toString())));
        assertEquals("chiave degli pseudonimi: il file " + tmp.resolve("none") + " indicato da KEY_FILE non si legge (NoSuchFileException)",
                refusal(Map.of("KEY_FILE", tmp.resolve("none").toString())));
        assertEquals("chiave degli pseudonimi: sono impostate sia KEY sia KEY_FILE: ne serve una sola",
                refusal(Map.of("KEY", SECRET, "KEY_FILE", empty.toString())));
    }
}
