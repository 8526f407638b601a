package it.cabina.etl.export;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The versions of one export folder: every publication is a new folder {@code <run_id>/} (never changed once
 * published), and {@code CURRENT}, a one-line file naming the version to read, is written last and atomically. A
 * reader that resolved {@code CURRENT} keeps its version while newer ones are published; the last {@code keep}
 * versions stay, older ones are removed. A version is complete when its {@link #MANIFEST} is there (written last
 * inside it): an interrupted publication leaves an incomplete folder that {@code CURRENT} never names and that the
 * next publication removes.
 */
public final class ExportVersions {
    public static final String CURRENT = "CURRENT";
    public static final String MANIFEST = "_manifest.json";
    /** Where a rename replaces its target atomically (POSIX rename, HDFS rename with overwrite). */
    private static final Set<String> ATOMIC_RENAME = Set.of("hdfs", "viewfs");

    private final FileSystem fs;
    private final Path root;

    public ExportVersions(Configuration conf, String root) throws IOException {
        this.root = new Path(root);
        this.fs = this.root.getFileSystem(conf);
    }

    public FileSystem fs() {
        return fs;
    }

    public Path root() {
        return root;
    }

    public Path path(String version) {
        return new Path(root, version);
    }

    /** A new, empty version folder: {@code <run_id>}, or {@code <run_id>_2}, {@code _3}… when the run was exported before. */
    public String create(String runId) throws IOException {
        fs.mkdirs(root);
        String name = runId;
        for (int n = 2; fs.exists(path(name)); n++) name = runId + "_" + n;
        if (!fs.mkdirs(path(name))) throw new IOException("cannot create the export version " + path(name));
        return name;
    }

    /** The version {@code CURRENT} names, if any. */
    public Optional<String> current() throws IOException {
        Path pointer = new Path(root, CURRENT);
        if (!fs.exists(pointer)) return Optional.empty();
        try (InputStream in = fs.open(pointer)) {
            String v = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
    }

    /** Names {@code version} in {@code CURRENT}: the last write of a publication. */
    public void publish(String version) throws IOException {
        if (!fs.exists(new Path(path(version), MANIFEST))) throw new IOException("version " + version + " has no " + MANIFEST + ": not complete");
        replace(new Path(root, CURRENT), version + "\n");
    }

    /** The complete versions (with their manifest), oldest first. */
    public List<String> complete() throws IOException {
        List<String> out = new ArrayList<>();
        for (String v : folders()) if (fs.exists(new Path(path(v), MANIFEST))) out.add(v);
        return out;
    }

    /**
     * Removes the complete versions older than the newest {@code keep}, and the incomplete ones (interrupted
     * publications); never the current one. Returns the versions removed.
     */
    public List<String> prune(int keep) throws IOException {
        String current = current().orElse(null);
        List<String> complete = complete();
        List<String> removed = new ArrayList<>();
        for (String v : folders()) {
            boolean old = complete.contains(v) && complete.indexOf(v) < complete.size() - keep;
            boolean unfinished = !complete.contains(v);
            if ((old || unfinished) && !v.equals(current)) {
                fs.delete(path(v), true);
                removed.add(v);
            }
        }
        return removed;
    }

    /** The version folders, oldest first (run ids sort by time; a re-export of a run after it). */
    private List<String> folders() throws IOException {
        List<String> out = new ArrayList<>();
        if (!fs.exists(root)) return out;
        for (FileStatus s : fs.listStatus(root)) {
            String n = s.getPath().getName();
            if (s.isDirectory() && !n.startsWith(".") && !n.startsWith("_")) out.add(n);
        }
        out.sort(Comparator.comparing((String v) -> v.replaceFirst("_\\d+$", ""))
                .thenComparingInt(v -> v.matches(".*_\\d+$") ? Integer.parseInt(v.substring(v.lastIndexOf('_') + 1)) : 1));
        return out;
    }

    /**
     * Writes a small file so that a reader sees the old content or the new one, never a part: on a local disk a
     * temporary file renamed over it (POSIX rename), on HDFS a rename with overwrite, on an object store one PUT (an
     * object appears whole when its upload completes).
     */
    void replace(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String scheme = fs.getUri().getScheme();
        if ("file".equals(scheme)) {
            java.nio.file.Path target = java.nio.file.Path.of(file.toUri().getPath());
            java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID());
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else if (ATOMIC_RENAME.contains(scheme)) {
            Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID());
            write(fs, tmp, text);
            FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, file, Options.Rename.OVERWRITE);
        } else {
            write(fs, file, text);
        }
    }

    static void write(FileSystem fs, Path p, String text) throws IOException {
        try (FSDataOutputStream out = fs.create(p, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
