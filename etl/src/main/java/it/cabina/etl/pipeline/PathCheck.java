package it.cabina.etl.pipeline;

import it.cabina.warehouse.config.CabinaConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a nightly reads and writes, looked at without writing anything: the landing area readable and writable
 * (deliveries are moved aside there; absent is fine: nothing to load), the warehouse, reports and export writable or
 * creatable, and the metrics file's folder. Only local paths are looked at; on other file systems (hdfs:, s3a:) the
 * nightly's own probes and its lock tell.
 */
final class PathCheck {
    private PathCheck() {}

    static InstallationCheck.Item run(CabinaConfig config) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        look("landing", config.landing(), true, problems, notes);
        look("warehouse", config.warehouse(), false, problems, notes);
        look("report", config.reports(), false, problems, notes);
        look("esportazione riservata", config.export().riservato(), false, problems, notes);
        look("esportazione aperta", config.export().aperto(), false, problems, notes);
        look("esiti", config.esiti(), false, problems, notes);
        if (config.operations().metricsFile() != null) {
            look("cartella del file delle metriche", config.operations().metricsFile().getParent().toString(), false, problems, notes);
        }
        return new InstallationCheck.Item("percorsi", notes.isEmpty() ? "tutti utilizzabili" : "utilizzabili; " + String.join("; ", notes),
                problems);
    }

    private static void look(String what, String location, boolean absentIsFine, List<String> problems, List<String> notes) {
        Path dir = local(location);
        if (dir == null) {
            notes.add(what + " " + location + " non verificato qui (lo verifica il nightly)");
            return;
        }
        if (Files.isDirectory(dir)) {
            if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
                problems.add(what + " " + dir + ": cartella non leggibile o non scrivibile da questo utente");
            }
        } else if (Files.exists(dir)) {
            problems.add(what + " " + dir + ": non è una cartella");
        } else if (absentIsFine) {
            notes.add(what + " assente (nulla da caricare)");
        } else {
            Path existing = dir.getParent();
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                problems.add(what + " " + dir + ": non esiste e non si può creare (" + existing + " non è una cartella scrivibile)");
            }
        }
    }

    /** The local path of a location (a plain path or a file: URI), or null for another file system. */
    private static Path local(String location) {
        if (!location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) return Path.of(location);
        URI uri = URI.create(location);
        return "file".equals(uri.getScheme()) ? Path.of(uri.getPath()) : null;
    }
}
