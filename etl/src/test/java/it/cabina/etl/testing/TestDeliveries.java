package it.cabina.etl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import it.cabina.warehouse.identity.TaxCode;

/** Writes small hand-made deliveries (folder + manifest with true counts and checksums) for tests. */
public final class TestDeliveries {
    private final Path landing;
    private final String source;
    private final String sender;
    private final String stamp;
    private String deliveryId;
    private String mode;
    private String extractedAt;
    private String periodFrom;
    private String periodTo;
    private Charset charset = StandardCharsets.UTF_8;
    private final Map<String, String> files = new LinkedHashMap<>();

    private TestDeliveries(Path landing, String source, String sender, String stamp) {
        this.landing = landing;
        this.source = source;
        this.sender = sender;
        this.stamp = stamp;
        this.deliveryId = source + "-" + sender + "-" + stamp;
        this.mode = source.equals("CSI") ? "INCREMENTAL" : "FULL";
        this.extractedAt = stamp.substring(0, 4) + "-" + stamp.substring(4, 6) + "-" + stamp.substring(6, 8) + "T02:00:00+01:00";
        if (source.equals("FLUSSO")) charset = Charset.forName("windows-1252");
    }

    /** A delivery named {@code <source>_<sender>_<stamp>} (stamp like 20250115T020000). */
    private String specVersion = "1.0";

    public static TestDeliveries of(Path landing, String source, String sender, String stamp) {
        return new TestDeliveries(landing, source, sender, stamp);
    }

    public TestDeliveries id(String id) { this.deliveryId = id; return this; }

    public TestDeliveries mode(String m) { this.mode = m; return this; }

    /** The manifest's spec_version (1.0 unless set). */
    public TestDeliveries spec(String version) { this.specVersion = version; return this; }

    public TestDeliveries extractedAt(String ts) { this.extractedAt = ts; return this; }

    public TestDeliveries period(String from, String to) { this.periodFrom = from; this.periodTo = to; return this; }

    /** A file: the header line, then data lines. */
    public TestDeliveries file(String name, String header, String... rows) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (String r : rows) sb.append(r).append('\n');
        files.put(name, sb.toString());
        return this;
    }

    public String name() { return source + "_" + sender + "_" + stamp; }

    public Path write() throws IOException {
        return write(null);
    }

    /** Writes the delivery; {@code tamper} may change the manifest before it is saved (to test rejections). */
    public Path write(java.util.function.Consumer<ObjectNode> tamper) throws IOException {
        Path dir = landing.resolve(name());
        Files.createDirectories(dir);
        ObjectMapper om = new ObjectMapper();
        ObjectNode m = om.createObjectNode();
        m.put("spec_version", specVersion).put("source", source).put("sender", sender).put("delivery_id", deliveryId)
                .put("extracted_at", extractedAt).put("mode", mode);
        if (periodFrom != null) m.putObject("period").put("from", periodFrom).put("to", periodTo);
        ArrayNode list = m.putArray("files");
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes(charset);
            Files.write(dir.resolve(f.getKey()), bytes);
            long records = f.getValue().lines().skip(1).filter(l -> !l.isBlank()).count();
            list.addObject().put("name", f.getKey()).put("records", records).put("sha256", sha256(bytes));
        }
        if (tamper != null) tamper.accept(m);
        om.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), m);
        return dir;
    }

    /** Writes the delivery as a zip of its folder ({@code <name>.zip} holding {@code <name>/…}), as senders may. */
    public Path writeZipped() throws IOException {
        Path folder = write();
        Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
        try (java.io.OutputStream out = Files.newOutputStream(zip); java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
             var files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                z.putNextEntry(new java.util.zip.ZipEntry(folder.getFileName() + "/" + f.getFileName()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        return zip;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid tax code built from a 15-character stem (e.g. "RSSMRA85T10A562"). */
    public static String taxCode(String stem15) {
        return stem15 + TaxCode.checkCharacter(stem15);
    }
}
