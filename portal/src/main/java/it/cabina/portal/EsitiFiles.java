package it.cabina.portal;

import it.cabina.warehouse.published.DeliveryEsito;
import it.cabina.warehouse.published.PublishedJson;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The esiti the nightly writes for the senders ({@code paths.esiti}: {@code <SENDER>/<delivery>.esito.json} and
 * {@code .scarti.csv}), read for the senders a user may see. Only the folders of those senders are opened; paths that
 * could leave the folder are refused ({@link ReportFiles}).
 */
public final class EsitiFiles {
    private final ReportFiles files;

    public EsitiFiles(Path root) {
        this.files = new ReportFiles(root);
    }

    /** One esito, with where it is. */
    public record Entry(String sender, DeliveryEsito esito, String jsonPath, String setAsidePath) {}

    /** The esiti of the senders accepted, newest decision first (then by delivery name). */
    public List<Entry> list(Predicate<String> sender) {
        List<Entry> out = new ArrayList<>();
        Path root = files.root();
        if (!Files.isDirectory(root)) return out;
        try (DirectoryStream<Path> senders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : senders) {
                String name = dir.getFileName().toString();
                if (!sender.test(name)) continue;
                try (DirectoryStream<Path> esiti = Files.newDirectoryStream(dir, "*" + DeliveryEsito.SUFFIX)) {
                    for (Path f : esiti) read(name, f).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cartella degli esiti illeggibile: " + root, e);
        }
        out.sort(Comparator.comparing((Entry e) -> String.valueOf(e.esito().processedAt()), Comparator.reverseOrder())
                .thenComparing(e -> String.valueOf(e.esito().delivery()), Comparator.reverseOrder()));
        return out;
    }

    private Optional<Entry> read(String sender, Path file) {
        String relative = sender + "/" + file.getFileName();
        if (files.resolve(relative).isEmpty()) return Optional.empty();
        try {
            DeliveryEsito e = PublishedJson.read(file, DeliveryEsito.class);
            String csv = e.setAsideFile() == null ? null : sender + "/" + e.setAsideFile();
            return Optional.of(new Entry(sender, e, relative, csv != null && files.resolve(csv).isPresent() ? csv : null));
        } catch (IOException broken) {
            return Optional.empty(); // a file being replaced or damaged: left out of the list
        }
    }

    /** The file of a sender's esito or list of rows set aside ({@code <SENDER>/<name>}), or empty. */
    public Optional<Path> resolve(String relative) {
        if (!relative.endsWith(DeliveryEsito.SUFFIX) && !relative.endsWith(DeliveryEsito.SET_ASIDE_SUFFIX)) return Optional.empty();
        if (relative.chars().filter(c -> c == '/').count() != 1) return Optional.empty();
        return files.resolve(relative);
    }
}
