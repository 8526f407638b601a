package it.cabina.etl.landing;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** File operations on the landing area through Hadoop's FileSystem, so that local paths, HDFS and object stores all work. */
public final class LandingFiles {
    public static final String STAGING = "_staging";
    public static final String ARCHIVE = "_archive";
    public static final String REJECTED = "_rejected";

    private final Configuration hadoop;

    public LandingFiles(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    public FileSystem fs(Path p) {
        try {
            return p.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + p, e);
        }
    }

    /** The deliveries waiting in the landing folder, oldest first; entries that do not name a delivery are returned apart. */
    public Discovery discover(Path landing) throws IOException {
        FileSystem fs = fs(landing);
        List<Delivery> deliveries = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        if (!fs.exists(landing)) return new Discovery(deliveries, ignored);
        for (FileStatus st : fs.listStatus(landing)) {
            String n = st.getPath().getName();
            if (n.startsWith("_") || n.startsWith(".")) continue;
            Delivery d = Delivery.of(st.getPath(), st.isDirectory());
            if (d == null) ignored.add(n);
            else deliveries.add(d);
        }
        deliveries.sort((a, b) -> a.droppedAt().equals(b.droppedAt()) ? a.name().compareTo(b.name()) : a.droppedAt().compareTo(b.droppedAt()));
        ignored.sort(String::compareTo);
        return new Discovery(deliveries, ignored);
    }

    public record Discovery(List<Delivery> deliveries, List<String> ignored) {}

    /** The folder holding the delivery's files: the folder itself, or the zip extracted under {@code _staging}. */
    public Path stage(Path landing, Delivery d) throws IOException {
        if (!d.zipped()) return d.location();
        Path target = new Path(new Path(landing, STAGING), d.name());
        FileSystem fs = fs(target);
        fs.delete(target, true);
        fs.mkdirs(target);
        try (ZipInputStream zip = new ZipInputStream(fs(d.location()).open(d.location()))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                String entry = e.getName().replace('\\', '/');
                // a zip may hold the files at its root or inside a folder named like the delivery
                String file = entry.substring(entry.lastIndexOf('/') + 1);
                if (file.isEmpty() || file.startsWith(".") || entry.contains("__MACOSX")) continue;
                try (OutputStream out = fs.create(new Path(target, file), true)) {
                    zip.transferTo(out);
                }
            }
        }
        return target;
    }

    public void unstage(Path landing, Delivery d) throws IOException {
        if (d.zipped()) fs(landing).delete(new Path(new Path(landing, STAGING), d.name()), true);
    }

    /** Moves a processed delivery under _archive (or _rejected), replacing an older copy of the same name. */
    public Path moveAside(Path landing, Delivery d, String folder) throws IOException {
        FileSystem fs = fs(landing);
        Path dir = new Path(landing, folder);
        fs.mkdirs(dir);
        Path target = new Path(dir, d.location().getName());
        if (fs.exists(target)) fs.delete(target, true);
        if (!fs.rename(d.location(), target)) throw new IOException("cannot move " + d.location() + " to " + target);
        return target;
    }

    /** SHA-256 (lowercase hex) and the number of data rows (non-blank lines after the header) of a file. */
    public FileDigest digest(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long lines = 0;
        boolean lineHasContent = false;
        byte[] buf = new byte[1 << 16];
        try (FSDataInputStream raw = fs(file).open(file); InputStream in = new DigestInputStream(raw, sha)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (lineHasContent) lines++;
                        lineHasContent = false;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        lineHasContent = true;
                    }
                }
            }
        }
        if (lineHasContent) lines++;
        return new FileDigest(HexFormat.of().formatHex(sha.digest()), Math.max(0, lines - 1));
    }

    public record FileDigest(String sha256, long dataRows) {}
}
