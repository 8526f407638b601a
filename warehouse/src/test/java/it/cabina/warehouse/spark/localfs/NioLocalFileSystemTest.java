package it.cabina.warehouse.spark.localfs;

import it.cabina.warehouse.config.CabinaConfig;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The local file system that conf/cabina.yaml gives Spark writes, renames and sets permissions without starting a
 * process, with the permissions, checksums and file statuses Hadoop's own gives.
 */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    /** Hadoop's configuration as the Spark session makes it from conf/cabina.yaml (spark.hadoop.* without the prefix). */
    static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        for (Map.Entry<String, String> s : CabinaConfig.load().sparkSettings().entrySet()) {
            if (s.getKey().startsWith("spark.hadoop.")) conf.set(s.getKey().substring("spark.hadoop.".length()), s.getValue());
        }
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    @Test
    void theConfigurationGivesSparkThisFileSystemForFileUris() throws IOException {
        Configuration conf = hadoopConfiguration();
        assertInstanceOf(NioLocalFileSystem.class, FileSystem.get(URI.create("file:///"), conf));
        assertInstanceOf(NioLocalFs.class, FileContext.getFileContext(URI.create("file:///"), conf).getDefaultFileSystem());
    }

    @Test
    void writesRenamesAndSetsPermissionsWithoutStartingAProcess() throws Exception {
        Configuration conf = hadoopConfiguration();
        FileSystem fs = FileSystem.get(URI.create("file:///"), conf);
        FileContext fc = FileContext.getFileContext(URI.create("file:///"), conf);
        Path root = new Path(dir.toUri());
        List<RecordedEvent> started = processesStarted(() -> {
            assertTrue(fs.mkdirs(new Path(root, "table/part=1"), new FsPermission((short) 0750)));
            try (FSDataOutputStream out = fs.create(new Path(root, "table/part=1/_tmp.parquet"), new FsPermission((short) 0640), true, 4096,
                    (short) 1, 1 << 20, null)) {
                out.write("righe".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(fs.rename(new Path(root, "table/part=1/_tmp.parquet"), new Path(root, "table/part=1/a.parquet")));
            fs.setPermission(new Path(root, "table/part=1/a.parquet"), new FsPermission((short) 0600));
            assertFalse(fs.getFileLinkStatus(new Path(root, "table/part=1/a.parquet")).isSymlink());
            // as Delta commits: a temporary file through FileContext, renamed over nothing
            try (FSDataOutputStream out = fc.create(new Path(root, "table/_delta_log/.00000.json.tmp"), EnumSet.of(CreateFlag.CREATE),
                    Options.CreateOpts.perms(new FsPermission((short) 0644)), Options.CreateOpts.createParent())) {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            }
            fc.rename(new Path(root, "table/_delta_log/.00000.json.tmp"), new Path(root, "table/_delta_log/00000.json"), Options.Rename.NONE);
            // the control: a process the recording must see
            new ProcessBuilder("true", dir.toString()).start().waitFor();
        });
        assertEquals(List.of("true " + dir), started.stream().map(e -> e.getString("command")).toList(), "only the control");

        assertEquals("rwxr-x---", mode(dir.resolve("table/part=1")));
        assertEquals("rw-------", mode(dir.resolve("table/part=1/a.parquet")));
        assertEquals("rw-r--r--", mode(dir.resolve("table/_delta_log/00000.json")));
        assertEquals("righe", Files.readString(dir.resolve("table/part=1/a.parquet")));
        assertTrue(Files.exists(dir.resolve("table/part=1/.a.parquet.crc")), "checksummed, as Hadoop's local file system");
        assertTrue(Files.exists(dir.resolve("table/_delta_log/.00000.json.crc")));
        assertFalse(Files.exists(dir.resolve("table/part=1/_tmp.parquet")));
    }

    @Test
    void aFileAndASymbolicLinkHaveTheStatusHadoopsOwnFileSystemGives() throws IOException {
        FileSystem fs = FileSystem.get(URI.create("file:///"), hadoopConfiguration());
        Configuration plain = new Configuration();
        plain.setBoolean("fs.file.impl.disable.cache", true);
        FileSystem hadoops = FileSystem.get(URI.create("file:///"), plain);
        assertEquals(org.apache.hadoop.fs.LocalFileSystem.class, hadoops.getClass());
        java.nio.file.Path target = Files.writeString(dir.resolve("target.csv"), "x");
        java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        for (java.nio.file.Path p : List.of(target, link)) {
            FileStatus ours = fs.getFileLinkStatus(new Path(p.toUri())), theirs = hadoops.getFileLinkStatus(new Path(p.toUri()));
            assertEquals(List.of(theirs.getPath(), theirs.isFile(), theirs.isSymlink(), theirs.getLen()),
                    List.of(ours.getPath(), ours.isFile(), ours.isSymlink(), ours.getLen()), p.toString());
        }
        assertThrows(java.io.FileNotFoundException.class, () -> fs.getFileLinkStatus(new Path(dir.resolve("absent.csv").toUri())));
    }

    @Test
    void onlyTheNineReadWriteExecuteBitsAreSetThroughJavaNio() {
        assertEquals(PosixFilePermissions.fromString("rwxr-xr--"), NioRawLocalFileSystem.posix(new FsPermission((short) 0754)));
        assertEquals(PosixFilePermissions.fromString("---------"), NioRawLocalFileSystem.posix(new FsPermission((short) 0)));
        assertNull(NioRawLocalFileSystem.posix(new FsPermission((short) 01777)), "the sticky bit is left to Hadoop's chmod");
    }

    static String mode(java.nio.file.Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    interface Work {
        void run() throws Exception;
    }

    /** The processes this JVM started during {@code work}, from a flight recording of it. */
    List<RecordedEvent> processesStarted(Work work) throws Exception {
        java.nio.file.Path file = dir.resolve("processes.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ProcessStart");
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
        }
        // another recording running in this JVM (-XX:StartFlightRecording) puts its events in the dump too
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals("jdk.ProcessStart"))
                .filter(e -> e.getString("command").contains(dir.toString())).toList();
    }
}
