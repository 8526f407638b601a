package it.cabina.reports.publish;

import it.cabina.reports.Part;
import it.cabina.reports.ReportDocument;
import it.cabina.reports.render.Templates;
import it.cabina.reports.service.ReportService;
import it.cabina.warehouse.config.CodeVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a report file is rendered from, as a SHA-256: the document (key, headings, notes, every part's template,
 * parameters and rows) and the renderer (the program's version and the templates' sources). The generation time is
 * left out: it is the only thing that differs between two renderings of the same document.
 */
public final class ReportFingerprint {
    private static final String THIS_PROCESS = UUID.randomUUID().toString();

    private ReportFingerprint() {}

    /**
     * The renderer's identity: the program's version and the bytes of every template. A build that cannot say which
     * commit it is (uncommitted changes, or outside git) adds a random value of its own process, so that another run
     * of a changed program never trusts the files this one rendered.
     */
    public static String renderer() {
        MessageDigest md = sha256();
        String version = CodeVersion.current();
        add(md, version);
        if (!CodeVersion.isCommit()) add(md, THIS_PROCESS);
        for (String template : ReportService.TEMPLATES) {
            try (InputStream in = ReportFingerprint.class.getResourceAsStream(Templates.source(template))) {
                add(md, template);
                if (in != null) md.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** @param renderer {@link #renderer()}, computed once per publication */
    public static String of(ReportDocument doc, String renderer) {
        MessageDigest md = sha256();
        add(md, renderer);
        value(md, List.of(doc.key().kind().slug(), doc.key().period(), doc.key().level(), doc.key().territory()));
        value(md, doc.territoryName());
        value(md, doc.levelLabel());
        value(md, doc.periodLabel());
        value(md, doc.notes());
        for (Part p : doc.parts()) {
            value(md, p.template());
            value(md, p.sheetName());
            value(md, p.sheetField());
            value(md, p.newPage());
            value(md, p.parameters());
            value(md, p.rows());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A value with its type and length, so that no two different documents give the same stream of bytes. */
    private static void value(MessageDigest md, Object v) {
        if (v == null) {
            add(md, "null");
        } else if (v instanceof Map<?, ?> map) {
            add(md, "map " + map.size());
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            sorted.forEach((k, x) -> {
                add(md, k);
                value(md, x);
            });
        } else if (v instanceof Collection<?> list) {
            add(md, "list " + list.size());
            list.forEach(x -> value(md, x));
        } else {
            add(md, v.getClass().getName());
            add(md, String.valueOf(v));
        }
    }

    private static void add(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
