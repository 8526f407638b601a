package it.cabina.portal;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether the portal can serve reports: {@code index.json} present, readable and valid, and how old it is (a nightly
 * that stopped publishing shows as an index growing old). What {@code GET /health} answers.
 */
public record IndexHealth(boolean readable, String problem, Instant modifiedAt, Duration age, int reports) {

    public static IndexHealth of(ReportIndex index, Clock clock) {
        Path file = index.file();
        if (!Files.isRegularFile(file)) return unreadable("index.json missing");
        if (!Files.isReadable(file)) return unreadable("index.json not readable");
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            int reports = index.entries().size();
            return new IndexHealth(true, null, modified, Duration.between(modified, clock.instant()), reports);
        } catch (UncheckedIOException | java.io.IOException e) {
            return unreadable("index.json not valid");
        }
    }

    private static IndexHealth unreadable(String problem) {
        return new IndexHealth(false, problem, null, null, 0);
    }

    /** The JSON body, with English keys (a machine reads it). */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", readable ? "ok" : "unavailable");
        json.put("index_readable", readable);
        if (readable) {
            json.put("index_modified_at", modifiedAt.toString());
            json.put("index_age_seconds", age.toSeconds());
            json.put("reports", reports);
        } else {
            json.put("problem", problem);
        }
        return json;
    }
}
