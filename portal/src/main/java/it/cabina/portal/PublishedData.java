package it.cabina.portal;

import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.LoadStatus;
import it.cabina.warehouse.published.PublishedJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** The data the nightly publishes beside the reports ({@code <reports>/data/}): dashboards and the load status. */
public final class PublishedData {
    private final ReportFiles files;

    public PublishedData(ReportFiles files) {
        this.files = files;
    }

    /** The Cruscotto of a territory and year; callers check access first, this only reads. */
    public Optional<Dashboard> dashboard(int year, Level level, String code) {
        if (year < 1900 || year > 9999 || level == null) return Optional.empty();
        return read(Dashboard.path(year, level.name(), code), Dashboard.class);
    }

    /** Whether the Cruscotto of a territory and year has been produced (without reading it). */
    public boolean hasDashboard(int year, Level level, String code) {
        return level != null && files.resolve(Dashboard.path(year, level.name(), code)).isPresent();
    }

    public Optional<LoadStatus> loadStatus() {
        return read(LoadStatus.PATH, LoadStatus.class);
    }

    private <T> Optional<T> read(String relative, Class<T> type) {
        Optional<Path> file = files.resolve(relative);
        if (file.isEmpty()) return Optional.empty();
        try {
            return Optional.of(PublishedJson.read(file.get(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("dati illeggibili: " + relative + " (" + e.getMessage() + ")", e);
        }
    }
}
