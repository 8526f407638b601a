package it.cabina.portal;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** The data the nightly publishes beside the reports ({@code <reports>/data/}): dashboards and the load status. */
public final class PublishedData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportFiles files;

    public PublishedData(ReportFiles files) {
        this.files = files;
    }

    /** The Cruscotto of a territory and year; callers check access first, this only reads. */
    public Optional<Dashboard> dashboard(int year, Level level, String code) {
        if (year < 1900 || year > 9999 || level == null) return Optional.empty();
        return read(dashboardPath(year, level, code), Dashboard.class);
    }

    /** Whether the Cruscotto of a territory and year has been produced (without reading it). */
    public boolean hasDashboard(int year, Level level, String code) {
        return level != null && files.resolve(dashboardPath(year, level, code)).isPresent();
    }

    public Optional<LoadStatus> loadStatus() {
        return read("data/stato.json", LoadStatus.class);
    }

    private static String dashboardPath(int year, Level level, String code) {
        return "data/cruscotto/" + year + "/" + level + "/" + code + ".json";
    }

    private <T> Optional<T> read(String relative, Class<T> type) {
        Optional<Path> file = files.resolve(relative);
        if (file.isEmpty()) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(file.get().toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("dati illeggibili: " + relative + " (" + e.getMessage() + ")", e);
        }
    }
}
