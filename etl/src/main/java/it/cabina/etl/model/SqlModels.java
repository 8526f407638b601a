package it.cabina.etl.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the SQL models kept as resources under {@code model/<folder>/<name>.sql}. */
public final class SqlModels {
    private SqlModels() {}

    public static String read(String folder, String name) {
        String resource = "/model/" + folder + "/" + name + ".sql";
        try (InputStream in = SqlModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing SQL model " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
