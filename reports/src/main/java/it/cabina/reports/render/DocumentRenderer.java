package it.cabina.reports.render;

import it.cabina.reports.Format;
import it.cabina.reports.Part;
import it.cabina.reports.ReportDocument;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Fills a report's parts and exports them: the PDF is the page template {@code common/documento} with the parts as
 * subreports one after the other (archival and tagged: {@link ArchivalPdf}), the XLSX an information sheet followed
 * by one sheet per part or per section of a part (numbers as numeric cells).
 */
public final class DocumentRenderer {
    public static final Locale ITALIAN = Locale.ITALY;
    private static final TimeZone ROME = TimeZone.getTimeZone("Europe/Rome");
    public static final String INFO_TEMPLATE = "common/informazioni";
    public static final String DOCUMENT_TEMPLATE = "common/documento";

    private final Templates templates;
    private final String generatedAt;

    /** @param generatedAt the generation time as printed on the reports (the run's, so every file of a run agrees) */
    public DocumentRenderer(Templates templates, String generatedAt) {
        this.templates = templates;
        this.generatedAt = generatedAt;
    }

    public byte[] render(ReportDocument doc, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(doc, format, out);
        return out.toByteArray();
    }

    public void render(ReportDocument doc, Format format, OutputStream out) {
        try {
            if (format == Format.PDF) exportPdf(doc, out);
            else exportXlsx(doc, out);
        } catch (JRException e) {
            throw new IllegalStateException("report " + doc.key().path(format) + " non generato: " + e.getMessage(), e);
        }
    }

    private void exportPdf(ReportDocument doc, OutputStream out) throws JRException {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Part part : doc.parts()) {
            Map<String, Object> p = new HashMap<>();
            p.put("template", templates.get(part.template()));
            p.put("dati", new JRMapCollectionDataSource(new ArrayList<>(part.rows())));
            p.put("parametri", parameters(doc, part.parameters(), false));
            p.put("nuova_pagina", part.newPage());
            parts.add(p);
        }
        JasperPrint print = JasperFillManager.fillReport(templates.get(DOCUMENT_TEMPLATE), parameters(doc, Map.of(), false),
                new JRMapCollectionDataSource(new ArrayList<>(parts)));
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        ByteArrayOutputStream exported = new ByteArrayOutputStream(256 * 1024);
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(exported));
        exporter.setConfiguration(ArchivalPdf.configuration(doc));
        exporter.exportReport();
        try {
            out.write(ArchivalPdf.withoutCidSets(exported.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exportXlsx(ReportDocument doc, OutputStream out) throws JRException {
        List<JasperPrint> prints = new ArrayList<>();
        List<String> sheetNames = new ArrayList<>();
        prints.add(fill(doc, INFO_TEMPLATE, informationRows(doc), Map.of()));
        sheetNames.add("Informazioni");
        for (Part part : doc.parts()) {
            for (Map.Entry<String, List<Map<String, Object>>> sheet : sheets(part).entrySet()) {
                prints.add(fill(doc, part.template(), sheet.getValue(), part.parameters()));
                sheetNames.add(SheetNames.unique(sheet.getKey(), sheetNames));
            }
        }
        JRXlsxExporter exporter = new JRXlsxExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration conf = new SimpleXlsxReportConfiguration();
        conf.setOnePagePerSheet(false);
        conf.setSheetNames(sheetNames.toArray(String[]::new));
        conf.setDetectCellType(true);
        conf.setRemoveEmptySpaceBetweenRows(true);
        conf.setRemoveEmptySpaceBetweenColumns(true);
        conf.setWhitePageBackground(false);
        conf.setIgnorePageMargins(true);
        conf.setCollapseRowSpan(true);
        exporter.setConfiguration(conf);
        exporter.exportReport();
    }

    private static Map<String, List<Map<String, Object>>> sheets(Part part) {
        Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
        if (part.sheetField() == null) {
            sheets.put(part.sheetName(), part.rows());
        } else {
            for (Map<String, Object> row : part.rows()) {
                sheets.computeIfAbsent(String.valueOf(row.get(part.sheetField())), k -> new ArrayList<>()).add(row);
            }
            if (sheets.isEmpty()) sheets.put(part.sheetName(), List.of());
        }
        return sheets;
    }

    private List<Map<String, Object>> informationRows(ReportDocument doc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("voce", "Report", "valore", doc.title()));
        rows.add(Map.of("voce", doc.levelLabel(), "valore", doc.territoryName() + " (" + doc.key().territory() + ")"));
        rows.add(Map.of("voce", "Periodo", "valore", doc.periodLabel()));
        rows.add(Map.of("voce", "Generato il", "valore", generatedAt));
        for (String note : doc.notes()) rows.add(Map.of("voce", "Nota", "valore", note));
        return rows;
    }

    /** An XLSX sheet: a part filled on its own, without pagination. */
    private JasperPrint fill(ReportDocument doc, String template, List<Map<String, Object>> rows, Map<String, Object> extra)
            throws JRException {
        return JasperFillManager.fillReport(templates.get(template), parameters(doc, extra, true),
                new JRMapCollectionDataSource(new ArrayList<>(rows)));
    }

    private Map<String, Object> parameters(ReportDocument doc, Map<String, Object> extra, boolean excel) {
        Map<String, Object> params = new HashMap<>(extra);
        params.put(JRParameter.REPORT_LOCALE, ITALIAN);
        params.put(JRParameter.REPORT_TIME_ZONE, ROME);
        params.put(JRParameter.IS_IGNORE_PAGINATION, excel);
        params.put("EXCEL", excel);
        params.put("TITOLO", doc.title());
        params.put("TERRITORIO", doc.territoryName());
        params.put("LIVELLO", doc.levelLabel());
        params.put("PERIODO", doc.periodLabel());
        params.put("GENERATO_IL", generatedAt);
        params.put("NOTE", String.join("\n", doc.notes()));
        return params;
    }
}
