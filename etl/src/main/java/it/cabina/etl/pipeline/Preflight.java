package it.cabina.etl.pipeline;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;

/**
 * Checks, before a run touches anything, that the folders it will write to can be written: the landing area (processed
 * deliveries are moved aside there) and each export's folder (riservato, aperto). The warehouse is checked by taking its lock.
 * Without this, a read-only landing would be found only after the ledger commit, and every later night would stop there.
 */
public final class Preflight {
    private Preflight() {}

    /** Thrown with a message that names the path and what is wrong with it. */
    public static final class NotWritableException extends RuntimeException {
        NotWritableException(String what, Path p, Throwable cause) {
            super("percorso non scrivibile — " + what + " " + p + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
    }

    public static void check(Configuration hadoop, String landing, java.util.List<String> exports, String runId) {
        Path l = new Path(landing);
        probe(hadoop, "landing", l, new Path(l, ".cabina-probe-" + runId), false);
        for (String export : exports) {
            Path e = new Path(export);
            probe(hadoop, "cartella dell'esportazione", e, new Path(e, ".cabina-probe-" + runId), true);
        }
    }

    /** Writes and removes a probe file; a missing landing is fine (nothing to load), a missing export parent is created. */
    private static void probe(Configuration hadoop, String what, Path dir, Path file, boolean create) {
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir)) {
                if (!create) return;
                if (!fs.mkdirs(dir)) throw new IOException("la cartella non si crea");
            }
            if (!fs.getFileStatus(dir).isDirectory()) throw new IOException("non è una cartella");
            fs.create(file, true).close();
            fs.delete(file, false);
        } catch (IOException | RuntimeException ex) {
            throw new NotWritableException(what, dir, ex);
        }
    }
}
