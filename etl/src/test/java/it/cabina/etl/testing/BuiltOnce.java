package it.cabina.etl.testing;

import it.cabina.warehouse.config.CabinaConfig;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test fixture folder built once per Maven build and copied for each test JVM that needs it: the etl, reports and cli
 * tests read the same hand-made warehouse, and building it is most of their time.
 * <p>Surefire names the build ({@code cabina.test.build}, the build's start): the first JVM of that build that asks for
 * the fixture builds it under the project's {@code target/test-fixtures} while holding a file lock, the others wait for
 * it and copy it. A fixture of an earlier build is never reused: the code that built it may have changed since. Run
 * outside Maven (no build named), each JVM builds its own.
 */
public final class BuiltOnce {
    private BuiltOnce() {}

    public interface Builder {
        void build(Path folder) throws IOException;
    }

    static final String COMPLETE = ".complete";

    /** A private copy of the fixture {@code name}, which {@code builder} writes into an empty folder. */
    public static Path copy(String name, Builder builder) throws IOException {
        Path mine = Files.createTempDirectory("cabina-" + name + "-fixture");
        String build = System.getProperty("cabina.test.build", "").replaceAll("[^0-9A-Za-z]", "");
        if (build.isEmpty()) {
            builder.build(mine);
            return mine;
        }
        Path root = CabinaConfig.locateHome().resolve("target/test-fixtures");
        Files.createDirectories(root);
        Path built = root.resolve(name + "-" + build);
        // a file lock keeps other JVMs out, not other threads of this one (test classes may run side by side)
        synchronized (BuiltOnce.class) {
            try (FileChannel channel = FileChannel.open(root.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(built.resolve(COMPLETE))) {
                    try (Stream<Path> earlier = Files.list(root)) {
                        for (Path p : earlier.filter(p -> p.getFileName().toString().startsWith(name + "-") && Files.isDirectory(p)).toList()) {
                            deleteTree(p); // an earlier build's, or this build's left half-written by a JVM that died
                        }
                    }
                    builder.build(built);
                    Files.createFile(built.resolve(COMPLETE));
                }
            }
        }
        copyTree(built, mine);
        return mine;
    }

    /** Copies a folder tree (the fixtures' marker file left out). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals(COMPLETE)) Files.copy(p, target);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
