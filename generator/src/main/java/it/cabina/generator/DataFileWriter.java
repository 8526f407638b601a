package it.cabina.generator;

import it.cabina.generator.GenerationSummary.DefectRow;
import it.cabina.generator.GenerationSummary.FileSummary;
import it.cabina.warehouse.quality.RuleCode;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams the rows of one data file in its source's format, counting data rows, hashing the bytes (SHA-256) and
 * remembering which lines carry an injected defect. Nothing is kept per row except defective ones. The file has the
 * columns its delivery's contract version carries ({@link Layout#columns(SpecVersion)}): a row holds every column of
 * its layout, and only those of the header are written.
 */
final class DataFileWriter implements Closeable {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Layout layout;
    private final SpecVersion spec;
    private final List<String> header;
    /** For each column of the header, its position in the layout (and so in a row's values). */
    private final int[] positions;
    private final Source source;
    private final MessageDigest digest;
    private final BufferedWriter out;
    private final List<DefectRow> defects = new ArrayList<>();
    private final Map<String, Integer> warnings = new TreeMap<>();
    private final StringBuilder line = new StringBuilder(256);
    private int rows;
    private FileSummary summary;

    DataFileWriter(Path file, Layout layout, SpecVersion spec, List<String> header, boolean bom) {
        this.layout = layout;
        this.spec = spec;
        this.header = List.copyOf(header);
        this.positions = header.stream().mapToInt(layout::indexOf).toArray();
        this.source = layout.source();
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            OutputStream os = new DigestOutputStream(Files.newOutputStream(file), digest);
            if (bom) os.write(UTF8_BOM);
            this.out = new BufferedWriter(new OutputStreamWriter(os, source.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            writeLine(header.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Layout layout() { return layout; }

    /** The contract version of the delivery the file belongs to. */
    SpecVersion spec() { return spec; }

    /** The columns of the file, as in its header. */
    List<String> header() { return header; }

    /** Writes a data row; returns its 1-based line number (the header is line 1). */
    int write(Row row) {
        writeLine(project(row.values()));
        rows++;
        return rows + 1;
    }

    /**
     * The values of the header's columns. A row given one field too many or too few ({@link Row#withWidth}) keeps
     * that difference: the header's fields it still has, then empty extra fields.
     */
    private String[] project(String[] values) {
        if (positions.length == values.length && header.size() == layout.width()) return values;
        String[] out = new String[Math.max(0, positions.length + values.length - layout.width())];
        for (int i = 0; i < out.length; i++) out[i] = i < positions.length && positions[i] < values.length ? values[positions[i]] : "";
        return out;
    }

    /** Writes a row that breaks exactly {@code rule} and records it. */
    void writeDefect(Row row, RuleCode rule, String field) {
        int lineNo = write(row);
        defects.add(new DefectRow(lineNo, rule, field, row.values().length > layout.indexOf(layout.keyColumn())
                ? row.key() : null));
    }

    void warn(String code) {
        warnings.merge(code, 1, Integer::sum);
    }

    private void writeLine(String[] values) {
        line.setLength(0);
        char sep = source.separator();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) line.append(sep);
            appendField(values[i], sep);
        }
        line.append(source.lineEnding());
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendField(String v, char sep) {
        boolean special = v.indexOf(sep) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (!special) {
            line.append(v);
        } else if (source.quoted()) {
            line.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            throw new IllegalStateException(layout.fileName() + ": value '" + v + "' cannot be written unquoted");
        }
    }

    /** The file's summary; valid after {@link #close()}. */
    FileSummary summary() {
        if (summary == null) throw new IllegalStateException("not closed");
        return summary;
    }

    @Override
    public void close() {
        if (summary != null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary = new FileSummary(layout.fileName(), rows, HexFormat.of().formatHex(digest.digest()),
                List.copyOf(defects), Collections.unmodifiableMap(new TreeMap<>(warnings)));
    }
}
