package it.cabina.portal.web;

import it.cabina.portal.AuditLog;
import it.cabina.portal.Level;
import it.cabina.portal.PublishedData;
import it.cabina.warehouse.files.Csv;
import it.cabina.warehouse.published.ExplanationFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The records behind a numerator or a denominator of an Ambito's cruscotto, as CSV ({@link ExplanationFile}): the lines of
 * one indicator and part of the explanation the nightly wrote. Only for users whose scope covers the Ambito; only at the
 * Ambito level (above it, no record list exists). Every download and every refusal is in the audit log.
 */
final class ExplanationRoute {
    static final String PREFIX = "/spiegazioni/";
    private static final Pattern INDICATOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final int INDICATOR_COLUMN = ExplanationFile.COLUMNS.indexOf("indicator"), PART_COLUMN = ExplanationFile.COLUMNS.indexOf("part");

    private final PublishedData data;
    private final AuditLog audit;

    ExplanationRoute(PublishedData data, AuditLog audit) {
        this.data = data;
        this.audit = audit;
    }

    static String url(int year, String ambito, String indicator, String part) {
        return PREFIX + year + "/" + ExplanationFile.LEVEL + "/" + ambito + "?indicatore=" + indicator + "&parte=" + part;
    }

    void serve(Exchange x, Viewer viewer, String rest) throws IOException {
        String who = viewer.user().username();
        PageTarget p = PageTarget.parse(rest);
        String indicator = x.query("indicatore"), part = x.query("parte");
        String target = "spiegazioni/" + p.year() + "/" + p.level() + "/" + p.code() + "/" + indicator + "/" + part;
        if (p.level() != Level.AMBITO || indicator == null || !INDICATOR.matcher(indicator).matches()
                || !List.of(ExplanationFile.NUMERATOR, ExplanationFile.DENOMINATOR).contains(part)) {
            audit.record("EXPLANATION_REFUSED", who, x.ip(), target, 404);
            throw Refusal.notFound();
        }
        if (!viewer.sees(p.level(), p.code())) {
            audit.record("EXPLANATION_REFUSED", who, x.ip(), target, 403);
            throw Refusal.forbidden();
        }
        Path file = data.explanation(p.year(), p.code()).orElse(null);
        if (file == null) {
            audit.record("EXPLANATION_REFUSED", who, x.ip(), target, 404);
            throw new Refusal(404, "Spiegazione non disponibile", "L'elenco dei record di questo Ambito e anno non è ancora stato prodotto.");
        }
        StringBuilder csv = new StringBuilder(ExplanationFile.HEADER).append('\n');
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> cells = Csv.split(line);
                if (cells.size() > PART_COLUMN && indicator.equals(cells.get(INDICATOR_COLUMN)) && part.equals(cells.get(PART_COLUMN))) {
                    csv.append(line).append('\n');
                }
            }
        }
        String name = ("spiegazione_" + p.code() + "_" + p.year() + "_" + indicator + "_" + part + ".csv").replaceAll("[^A-Za-z0-9._-]", "_");
        x.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        audit.record("EXPLANATION", who, x.ip(), target, 200);
        x.send("text/csv; charset=utf-8", csv.toString());
    }
}
