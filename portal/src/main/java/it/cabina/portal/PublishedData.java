package it.cabina.portal;

import it.cabina.warehouse.published.Comparison;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.ExplanationFile;
import it.cabina.warehouse.published.LoadStatus;
import it.cabina.warehouse.published.PublishedJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The data the nightly publishes beside the reports ({@code <reports>/data/}): dashboards, comparisons of the Ambiti, the
 * explanations of the Ambiti's figures and the load status.
 */
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

    /** The Confronto tra Ambiti of a territory and year; callers check access first, this only reads. */
    public Optional<Comparison> comparison(int year, Level level, String code) {
        if (year < 1900 || year > 9999 || level == null) return Optional.empty();
        return read(Comparison.path(year, level.name(), code), Comparison.class);
    }

    public boolean hasComparison(int year, Level level, String code) {
        return level != null && files.resolve(Comparison.path(year, level.name(), code)).isPresent();
    }

    /** The explanation of the figures of an Ambito and year (the records behind them), when the nightly wrote it. */
    public Optional<Path> explanation(int year, String ambito) {
        if (year < 1900 || year > 9999) return Optional.empty();
        return files.resolve(ExplanationFile.path(year, ambito));
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
