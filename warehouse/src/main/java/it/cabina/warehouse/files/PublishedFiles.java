package it.cabina.warehouse.files;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A folder the nightly publishes files into (the reports, the explanations, the esiti), on any Hadoop file system (a
 * local folder by default). Every file is written beside its destination and renamed into place, so a reader sees either
 * the previous file or the new one, never half of one. A local folder is written with java.nio: without Hadoop's native
 * library its local file system starts a {@code chmod} and a {@code readlink} process for every file written and renamed
 * (two thirds of the time of the report stage, for a thousand reports).
 */
public final class PublishedFiles {
    private final FileSystem fs;
    private final FileContext files;
    private final Path root;

    public PublishedFiles(String root, Configuration hadoop) {
        try {
            this.root = new Path(root);
            this.fs = this.root.getFileSystem(hadoop);
            this.fs.setWriteChecksum(false); // no .crc files beside the published files on a local disk
            this.files = FileContext.getFileContext(fs.getUri(), hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cartella " + root + " non raggiungibile: " + e.getMessage(), e);
        }
    }

    public String root() {
        return root.toString();
    }

    /** Writes (or replaces) the file atomically. */
    public void write(String relative, byte[] content) {
        write(relative, content, true);
    }

    /**
     * Writes the file atomically unless it is already there: returns false, and leaves the existing file as it is, when
     * it is. Two writers never both win: the second rename fails on a local disk and on HDFS.
     */
    public boolean writeIfAbsent(String relative, byte[] content) {
        if (exists(relative)) return false;
        return write(relative, content, false);
    }

    private boolean write(String relative, byte[] content, boolean replace) {
        if (fs instanceof LocalFileSystem local) {
            return writeLocally(local.pathToFile(new Path(root, relative)).toPath(), content, replace);
        }
        Path target = new Path(root, relative);
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (FSDataOutputStream out = fs.create(temp, true)) {
                out.write(content);
            }
            if (replace) {
                files.rename(temp, target, Options.Rename.OVERWRITE); // atomic replacement on local disks and HDFS
            } else {
                try {
                    files.rename(temp, target, Options.Rename.NONE);
                } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                    fs.delete(temp, false);
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException ignored) {
                // the temporary file is hidden and replaced by the next run
            }
            throw new UncheckedIOException("file " + target + " non scritto: " + e.getMessage(), e);
        }
    }

    private static boolean writeLocally(java.nio.file.Path target, byte[] content, boolean replace) {
        java.nio.file.Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, content);
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    // a hard link fails when the target exists: the file appears whole, and never over another one
                    Files.createLink(target, temp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    return false;
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                    if (Files.exists(target)) return false;
                    Files.move(temp, target); // a file system without hard links: checked, then renamed
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return true;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is hidden and replaced by the next run
            }
            throw new UncheckedIOException("file " + target + " non scritto: " + e.getMessage(), e);
        }
    }

    public boolean exists(String relative) {
        try {
            return fs.exists(new Path(root, relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] read(String relative) {
        try (InputStream in = fs.open(new Path(root, relative))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files directly in a folder (not hidden ones), sorted; empty when the folder is missing. */
    public List<String> list(String relativeFolder) {
        List<String> names = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(new Path(root, relativeFolder))) {
                String name = s.getPath().getName();
                if (s.isFile() && !name.startsWith(".")) names.add(name);
            }
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(null);
        return names;
    }
}
