package it.cabina.warehouse.published;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How the published JSON files are written and read, the same on both sides. Keys added by a later writer are ignored
 * by the types themselves ({@code @JsonIgnoreProperties}), so an older reader keeps working.
 */
public final class PublishedJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PublishedJson() {}

    public static byte[] write(Object published) {
        try {
            return JSON.writeValueAsBytes(published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return JSON.readValue(json, type);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }
}
