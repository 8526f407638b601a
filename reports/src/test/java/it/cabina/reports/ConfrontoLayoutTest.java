package it.cabina.reports;

import it.cabina.warehouse.published.ReportSettings;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.reports.confronto.ColumnGroups;
import it.cabina.reports.confronto.ConfrontoReport;
import it.cabina.reports.cruscotto.IndicatorCells;
import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.TerritoryInfo;
import it.cabina.reports.render.DocumentRenderer;
import it.cabina.reports.render.Templates;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.published.ReportKind;
import it.cabina.warehouse.reference.CodeLists;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Confronto tra Ambiti of an ATS with 30 Ambiti, without a warehouse: the indicator values of the catalogue for 30
 * Ambiti with long names, laid out on A4 landscape in three groups of ten columns, valid PDF/A, and as XLSX one sheet per
 * group. {@code -Dconfronto.pdf=FILE} keeps the PDF, to look at its pages ({@code pdftoppm -png}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfrontoLayoutTest {
    static final String ATS = "030399";
    ReportDocument doc;
    byte[] pdf;

    @BeforeAll
    void render() throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        Path home = CabinaConfig.locateHome();
        CodeLists codeLists = CodeLists.load(home.resolve("conf/codelists"));
        IndicatorCatalog catalog = IndicatorCatalog.load(home.resolve("conf/indicators.yaml"), codeLists);
        ReportSettings settings = ReportSettings.load(home.resolve("conf/reports.yaml"));
        List<TerritoryInfo> territories = new ArrayList<>(List.of(new TerritoryInfo("REGIONE", "03", "Regione Lombardia", null, null),
                new TerritoryInfo("ATS", ATS, "ATS della Prova con Trenta Ambiti", null, ATS)));
        List<Map<String, Object>> values = new ArrayList<>();
        for (int a = 1; a <= 30; a++) {
            String code = String.format("AMB-PROVA-%02d", a);
            territories.add(new TerritoryInfo("AMBITO", code, (a % 3 == 0 ? "Alto e Basso Pavese e Lomellina " : "Ambito ") + a, "030799", ATS));
            for (IndicatorCatalog.Indicator ind : catalog.indicators()) values.add(value(ind, "AMBITO", code, a));
        }
        for (IndicatorCatalog.Indicator ind : catalog.indicators()) values.add(value(ind, "ATS", ATS, 0));
        ReportData data = ReportData.of(territories, Map.of("indicatori", values), "run-prova", LocalDate.of(2027, 1, 15));
        ConfrontoReport report = new ConfrontoReport(data, new IndicatorCells(data, catalog, codeLists.get("area_policy"), settings), settings);
        doc = report.build(new ReportKey(ReportKind.CONFRONTO, "2026", "ATS", ATS));
        pdf = new DocumentRenderer(new Templates(), "15/01/2027 alle 02:00").render(doc, Format.PDF);
        String keep = System.getProperty("confronto.pdf");
        if (keep != null) Files.write(Path.of(keep), pdf);
    }

    /** A value of the year: reached for a third of the Ambiti, not reached for a third, not computable for the rest. */
    static Map<String, Object> value(IndicatorCatalog.Indicator ind, String level, String code, int n) {
        Map<String, Object> r = new HashMap<>();
        r.put("indicatore", ind.code());
        r.put("anno", 2026);
        r.put("livello", level);
        r.put("territorio", code);
        String status = ind.rule(2026).threshold() == null ? "MONITORAGGIO" : n % 3 == 0 ? "RAGGIUNTO" : n % 3 == 1 ? "NON_RAGGIUNTO" : "NON_CALCOLABILE";
        boolean computed = !status.equals("NON_CALCOLABILE");
        r.put("numeratore", computed ? 40.0 + n : null);
        r.put("denominatore", computed && ind.tipo().ratio() ? 80.0 : null);
        r.put("valore", computed ? (ind.tipo() == IndicatorCatalog.Kind.PERCENTUALE ? (40.0 + n) / 80 * 100 : 40.0 + n) : null);
        r.put("stato", status);
        r.put("motivo", computed ? null : "nessun dato per il territorio e l'anno");
        return r;
    }

    @Test
    void thirtyAmbitiAreThreeGroupsOfTenEachOnItsOwnPages() throws Exception {
        assertEquals(List.of(10, 10, 10), ColumnGroups.sizes(30));
        assertEquals(List.of(6, 6), ColumnGroups.sizes(12));
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 9), ColumnGroups.sizes(89));
        assertEquals(List.of(8, 7), ColumnGroups.sizes(15));
        assertEquals(List.of("Ambiti 1-10 di 30", "Ambiti 11-20 di 30", "Ambiti 21-30 di 30"), doc.parts().stream().map(Part::sheetName).toList());
        try (PDDocument d = Loader.loadPDF(pdf)) {
            // each group starts on its own page and takes as many pages as the others (the catalogue's rows, repeated)
            int pages = d.getNumberOfPages();
            assertEquals(0, pages % 3, "three groups of the same length: " + pages + " pages");
            List<String> groups = List.of("Ambiti 1–10 di 30", "Ambiti 11–20 di 30", "Ambiti 21–30 di 30");
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(p);
                page.setEndPage(p);
                String pageText = page.getText(d);
                List<String> onPage = groups.stream().filter(pageText::contains).toList();
                assertEquals(List.of(groups.get((p - 1) / (pages / 3))), onPage, "page " + p + " holds its group only");
            }
            assertEquals(90, d.getPage(0).getRotation(), "landscape");
            String text = new PDFTextStripper().getText(d);
            String squeezed = text.replaceAll("\\s+", "");
            for (int a = 1; a <= 30; a++) {
                String name = (a % 3 == 0 ? "AltoeBassoPaveseeLomellina" : "Ambito") + a;
                assertTrue(squeezed.contains(name), name + " heads a column (its name wraps)");
            }
            assertTrue(text.contains("Ambiti 21–30 di 30"), "each group says which Ambiti it holds");
            assertTrue(text.contains("Ambiti a obiettivo") && text.contains("✓") && text.contains("✗"));
            // the ATS's own value and how many Ambiti reached the target, on every group
            assertTrue(text.contains("10 su 20"), "of 30 Ambiti, 10 reached and 10 missed a target; 10 were not computable");
        }
    }

    @Test
    void thePdfIsValidPdfAAndTheXlsxHasASheetPerGroup() throws Exception {
        assertEquals(List.of(), PdfArchivalTest.failedRules(pdf));
        byte[] xlsx = new DocumentRenderer(new Templates(), "15/01/2027 alle 02:00").render(doc, Format.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("Informazioni", "Ambiti 1-10 di 30", "Ambiti 11-20 di 30", "Ambiti 21-30 di 30"), sheets);
            var header = wb.getSheet("Ambiti 11-20 di 30").getRow(0);
            assertEquals("Area", header.getCell(0).getStringCellValue());
            assertEquals(6 + 10, header.getLastCellNum(), "area, code, indicator, target, the ATS, Ambiti on target, ten Ambiti");
        }
    }
}
