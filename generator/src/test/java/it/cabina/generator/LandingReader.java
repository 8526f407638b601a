package it.cabina.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads a generated landing folder back the way the warehouse would: deliveries as folders or zips. */
final class LandingReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One delivery: its name (folder name, or zip name without .zip) and its files' bytes. */
    record Delivery(String name, boolean zipped, Map<String, byte[]> files) {
        JsonNode manifest() {
            try {
                return JSON.readTree(files.get("manifest.json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String source() {
            return manifest().path("source").asText();
        }
    }

    private LandingReader() {}

    /** Every delivery of the landing folder (entries starting with '_' are not deliveries), by name. */
    static List<Delivery> read(Path landing) throws IOException {
        List<Delivery> list = new ArrayList<>();
        try (Stream<Path> s = Files.list(landing)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("_")) continue;
                if (name.endsWith(".zip")) {
                    list.add(new Delivery(name.substring(0, name.length() - 4), true, unzip(p)));
                } else {
                    Map<String, byte[]> files = new TreeMap<>();
                    try (Stream<Path> f = Files.list(p)) {
                        for (Path q : f.toList()) files.put(q.getFileName().toString(), Files.readAllBytes(q));
                    }
                    list.add(new Delivery(name, false, files));
                }
            }
        }
        return list;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) files.put(e.getName(), z.readAllBytes());
        }
        return files;
    }

    /** Every regular file under a folder with its bytes, by relative path. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
