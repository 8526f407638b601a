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

    /** The lines of a CSI or FLUSSO file (BOM removed, in its encoding and line ending). */
    static List<String> lines(Source source, byte[] bytes) {
        String text = new String(bytes, source.charset());
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (!text.endsWith(source.lineEnding())) throw new IllegalStateException("no line ending at the end");
        return List.of(text.split(source.lineEnding().equals("\r\n") ? "\r\n" : "\n"));
    }

    /**
     * The rows of a CSI or FLUSSO file of a delivery as maps by its header, in line order, with the defective rows
     * the summary names left out (or kept).
     */
    static List<Map<String, String>> rows(Delivery delivery, GenerationSummary.DeliverySummary d, String file,
                                          boolean withDefects) {
        GenerationSummary.FileSummary f = d.file(file);
        if (f == null) return List.of();
        List<String> lines = lines(d.source(), delivery.files().get(file));
        String[] header = lines.get(0).split(";", -1);
        java.util.Set<Integer> defects = new java.util.HashSet<>();
        f.defects().forEach(x -> defects.add(x.line()));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!withDefects && defects.contains(i + 1)) continue;
            String[] v = lines.get(i).split(";", -1);
            Map<String, String> row = new java.util.HashMap<>();
            for (int c = 0; c < header.length && c < v.length; c++) row.put(header[c], v[c]);
            rows.add(row);
        }
        return rows;
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
