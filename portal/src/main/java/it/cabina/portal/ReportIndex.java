package it.cabina.portal;

import it.cabina.warehouse.published.PublishedJson;
import it.cabina.warehouse.published.ReportEntry;
import it.cabina.warehouse.published.ReportIndexFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/** {@code index.json} of the reports folder, read again whenever the nightly has replaced it. */
public final class ReportIndex {
    private final Path file;
    private FileTime readAt;
    private List<ReportEntry> entries = List.of();

    public ReportIndex(Path reportsDir) {
        this.file = reportsDir.resolve(ReportIndexFile.PATH);
    }

    /** Every entry, or none when the nightly has not written the index yet. */
    public synchronized List<ReportEntry> entries() {
        try {
            if (!Files.isRegularFile(file)) {
                readAt = null;
                entries = List.of();
                return entries;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                entries = PublishedJson.read(file, ReportIndexFile.class).reports();
                readAt = modified;
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("indice dei report illeggibile: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    public boolean exists() { return Files.isRegularFile(file); }

    public Path file() { return file; }

    /** The entry whose path is exactly this one. */
    public Optional<ReportEntry> byPath(String path) {
        return entries().stream().filter(e -> e.path() != null && e.path().equals(path)).findFirst();
    }
}
