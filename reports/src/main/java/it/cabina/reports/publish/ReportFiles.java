package it.cabina.reports.publish;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The reports folder on any Hadoop file system (a local folder by default). Every file is written beside its
 * destination and renamed into place, so a reader sees either the previous file or the new one, never half of one.
 * A local folder is written with java.nio: without Hadoop's native library its local file system starts a
 * {@code chmod} and a {@code readlink} process for every file written and renamed (two thirds of the time of the
 * report stage, for a thousand reports).
 */
public final class ReportFiles {
    private final FileSystem fs;
    private final FileContext files;
    private final Path root;

    public ReportFiles(String root, Configuration hadoop) {
        try {
            this.root = new Path(root);
            this.fs = this.root.getFileSystem(hadoop);
            this.fs.setWriteChecksum(false); // no .crc files beside the reports on a local disk
            this.files = FileContext.getFileContext(fs.getUri(), hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cartella dei report " + root + " non raggiungibile: " + e.getMessage(), e);
        }
    }

    public void write(String relative, byte[] content) {
        if (fs instanceof LocalFileSystem local) {
            writeLocally(local.pathToFile(new Path(root, relative)).toPath(), content);
            return;
        }
        Path target = new Path(root, relative);
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (FSDataOutputStream out = fs.create(temp, true)) {
                out.write(content);
            }
            files.rename(temp, target, Options.Rename.OVERWRITE); // atomic replacement on local disks and HDFS
        } catch (IOException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException ignored) {
                // the temporary file is hidden and replaced by the next run
            }
            throw new UncheckedIOException("report " + target + " non scritto: " + e.getMessage(), e);
        }
    }

    private static void writeLocally(java.nio.file.Path target, byte[] content) {
        java.nio.file.Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is hidden and replaced by the next run
            }
            throw new UncheckedIOException("report " + target + " non scritto: " + e.getMessage(), e);
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
}
