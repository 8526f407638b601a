package it.cabina.reports;

import it.cabina.reports.service.ReportService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.etl.context.CabinaContext;
import it.cabina.reports.publish.ReportPublisher;
import it.cabina.reports.publish.ReportStage;
import it.cabina.warehouse.published.ReportKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The reports of the hand-made indicator fixture (PublishedFixture), read back as a planner gets them: PDF text with
 * PDFBox, XLSX cells with POI. The fixture's counts are tiny, so they also show where small-cell protection applies
 * and where it must not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedReportsTest {
    static final String S = "AMB-SARONNO";
    CabinaContext ctx;
    Path reports;
    ReportService service;
    ReportPublisher.Result published;

    @BeforeAll
    void publish() throws Exception {
        PublishedFixture fixture = PublishedFixture.get();
        ctx = fixture.ctx();
        reports = fixture.reports();
        published = fixture.published();
        service = fixture.service();
    }

    @Test
    void theEngineStartsUpOnPlaceholderRowsOfEveryTemplateInBothFormats() {
        assertEquals(List.of(), service.warmUpProblems());
        assertEquals(List.of(), it.cabina.reports.render.WarmUp.render(new it.cabina.reports.render.Templates(), ReportService.TEMPLATES));
    }

    @Test
    void thePublicationCountsItsFilesAndNamesItsSlowestReport() throws IOException {
        JsonNode index = new ObjectMapper().readTree(reports.resolve("index.json").toFile());
        assertEquals(index.get("reports").size(), published.files());
        assertEquals(published.files(), published.secondsPerReport().size() * Format.values().length);
        assertTrue(Files.exists(reports.resolve(published.slowest().path(Format.PDF))), published.slowestText());
        assertTrue(published.slowestText().contains(published.slowest().territory()), published.slowestText());
        assertTrue(published.max() >= published.p95() && published.p95() >= published.median());
    }

    @Test
    void theIndexListsEveryFileWithRelativePaths() throws IOException {
        JsonNode index = new ObjectMapper().readTree(reports.resolve("index.json").toFile());
        Set<String> kinds = new HashSet<>();
        for (JsonNode e : index.get("reports")) {
            String path = e.get("path").asText();
            assertFalse(path.startsWith("/") || path.contains(".."), path);
            assertTrue(Files.size(reports.resolve(path)) > 1000, path);
            assertEquals(e.get("report").asText() + "/" + e.get("period").asText() + "/" + e.get("level").asText() + "/"
                    + e.get("territory").asText() + "." + e.get("format").asText(), path);
            for (String f : List.of("territory_name", "title", "generated_at")) assertFalse(e.get(f).asText().isBlank(), f);
            kinds.add(e.get("report").asText() + " " + e.get("period").asText() + " " + e.get("format").asText());
        }
        // the fixture has no AFAM registry: no Rete d'offerta; the latest ended year is 2026, the semester 2026-S2
        assertEquals(Set.of("cruscotto 2026 pdf", "cruscotto 2026 xlsx", "confronto 2026 pdf", "confronto 2026 xlsx", "semestrale 2026-S2 pdf",
                "semestrale 2026-S2 xlsx", "qualita 2026-S2 pdf", "qualita 2026-S2 xlsx"), kinds);
        assertTrue(Files.exists(reports.resolve("data/cruscotto/2026/AMBITO/" + S + ".json")));
        assertTrue(Files.exists(reports.resolve("data/stato.json")));
        try (var files = Files.walk(reports)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no temporary or checksum files");
        }
    }

    @Test
    void cruscottoPdfHasTitlesNamesValuesAndEmbeddedFonts() throws IOException {
        byte[] pdf = Files.readAllBytes(reports.resolve("cruscotto/2026/AMBITO/" + S + ".pdf"));
        String text = text(pdf);
        assertTrue(text.contains("Cruscotto indicatori — 2026"), text);
        assertTrue(text.contains("Ambito territoriale: Saronno"), text);
        assertTrue(text.contains("Area E — Anziani"), text);
        // CAR-01 counts activities (not persons): 2 caregiver meetings in 2026 against 1 in 2025, shown as is
        assertTrue(line(text, "CAR-01").matches(".*familiari\\s+2\\s+2\\s+crescita\\s+Raggiunto.*"), line(text, "CAR-01"));
        // SAD-01 2026: 1 project of 1 -> both counts hidden, the ratio over one person withheld, with a note
        assertTrue(line(text, "SAD-01").matches(".*<3\\s+<3\\s+—\\s+≥ 75%\\s+Raggiunto.*"), line(text, "SAD-01"));
        assertTrue(text.contains("Valore non pubblicato: il denominatore conta meno di 3 persone"), text);
        // DIM-02 2026 has no discharge home: not computable, and the note says why
        assertTrue(text.contains("Non calcolabile: denominatore pari a zero."), text);
        assertTrue(text.contains("Pagina 1 di"), text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().contains("DejaVu"), font.getName());
                }
            }
        }
    }

    @Test
    void cruscottoXlsxHoldsTheWarehouseNumbersAsNumbers() throws IOException {
        try (XSSFWorkbook wb = workbook(reports.resolve("cruscotto/2026/AMBITO/" + S + ".xlsx"))) {
            assertEquals("Informazioni", wb.getSheetName(0));
            Sheet sheet = wb.getSheet("Indicatori 2026");
            assertNotNull(sheet);
            assertEquals("Codice", sheet.getRow(0).getCell(1).getStringCellValue());
            assertNotNull(sheet.getPaneInformation(), "frozen header");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter(), "filters on the header");
            Row car = row(sheet, "CAR-01");
            assertEquals(2.0, numeric(car.getCell(3)));
            assertEquals(2.0, numeric(car.getCell(5)));
            Row sad = row(sheet, "SAD-01");
            assertEquals("<3", sad.getCell(3).getStringCellValue());
            assertEquals("—", sad.getCell(5).getStringCellValue());
            Row sad3 = row(sheet, "SAD-03"); // a count of 1 person with a closed SAD case
            assertEquals("<3", sad3.getCell(5).getStringCellValue());
            List<String> sheets = new java.util.ArrayList<>();
            wb.forEach(sh -> sheets.add(sh.getSheetName()));
            assertEquals(List.of("Informazioni", "Indicatori 2026", "Andamento triennio", "Cronoprogramma"), sheets);
        }
    }

    @Test
    void ratiosOverThreeOrMorePersonsAreShownWithTheirPercentFormat() throws IOException {
        // ASST 030711 in 2025: SAD-01 = 2 projects of 3 -> numerator hidden, denominator and value shown
        ReportKey asst = new ReportKey(ReportKind.CRUSCOTTO, "2025", "ASST", "030711");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(service.render(asst, Format.XLSX)))) {
            Row sad = row(wb.getSheet("Indicatori 2025"), "SAD-01");
            assertEquals("<3", sad.getCell(3).getStringCellValue());
            assertEquals(3.0, numeric(sad.getCell(4)));
            assertEquals(2.0 / 3, numeric(sad.getCell(5)), 1e-9);
            assertTrue(sad.getCell(5).getCellStyle().getDataFormatString().contains("%"), sad.getCell(5).getCellStyle().getDataFormatString());
        }
        String text = text(service.render(asst, Format.PDF));
        assertTrue(line(text, "SAD-01").contains("66,7%"), line(text, "SAD-01"));
        assertTrue(text.contains("ASST: ASST della Valle Olona"), text);
    }

    @Test
    void withTheThresholdAtZeroNothingIsHidden() throws IOException {
        ReportService open = ReportService.open(ctx, ReportService.settings(ctx).withThreshold(0));
        ReportKey key = new ReportKey(ReportKind.CRUSCOTTO, "2026", "AMBITO", S);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(open.render(key, Format.XLSX)))) {
            Sheet sheet = wb.getSheet("Indicatori 2026");
            Row sad = row(sheet, "SAD-01");
            assertEquals(1.0, numeric(sad.getCell(3)));
            assertEquals(1.0, numeric(sad.getCell(4)));
            assertEquals(1.0, numeric(sad.getCell(5)));
            assertEquals(1.0, numeric(row(sheet, "SAD-03").getCell(5)));
            for (Row r : sheet) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING) assertNotEquals("<3", c.getStringCellValue(), "row " + r.getRowNum());
                }
            }
        }
    }

    @Test
    void semiannualSummaryComparesPeriodsAndProtectsPersonsOnly() throws IOException {
        ReportKey key = new ReportKey(ReportKind.SEMESTRALE, "2026-S1", "AMBITO", S);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(service.render(key, Format.XLSX)))) {
            Sheet flusso = wb.getSheet("Prestazioni erogate (FLUSSO)");
            assertNotNull(flusso, "a sheet per section");
            assertEquals("I sem. 2026", flusso.getRow(0).getCell(1).getStringCellValue());
            // 2026-S1: three FLUSSO rows (X's SAD, an intervention without a named beneficiary, X's meals in Rome);
            //   2025-S2: one row (X, PASTI; corrected, still one); 2025-S1: the re-sent delivery's one row
            Row rows = row(flusso, "Righe di prestazione ricevute", 0);
            assertEquals(3.0, numeric(rows.getCell(1)));
            assertEquals(1.0, numeric(rows.getCell(2)));
            assertEquals(2.0, numeric(rows.getCell(3)), "two more than the previous semester");
            assertEquals(1.0, numeric(rows.getCell(4)));
            assertEquals("<3", row(flusso, "Beneficiari distinti", 0).getCell(1).getStringCellValue());
        }
        String text = text(service.render(key, Format.PDF));
        assertTrue(text.contains("Restituzione semestrale — 1° semestre 2026"), text);
        assertTrue(text.contains("Prestazioni erogate (FLUSSO)"), text);
    }

    @Test
    void dataQualityCountsDeliveriesAndRows() throws IOException {
        ReportKey key = new ReportKey(ReportKind.QUALITA, "2026-S1", "AMBITO", S);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(service.render(key, Format.XLSX)))) {
            Row flusso = row(wb.getSheet("Consegne e righe"), "FLUSSO", 0);
            // due 1, received 1, on time 1 (extracted 10/07, within 60 days), late 0, missing 0, rows 3 received and loaded
            //   (the one delivered in Rome loads, with a warning)
            assertEquals(List.of(1.0, 1.0, 1.0, 0.0, 0.0), List.of(numeric(flusso.getCell(1)), numeric(flusso.getCell(2)),
                    numeric(flusso.getCell(3)), numeric(flusso.getCell(4)), numeric(flusso.getCell(5))));
            assertEquals(3.0, numeric(flusso.getCell(8)));
            assertEquals(3.0, numeric(flusso.getCell(9)));
        }
        // 2026-S2: no FLUSSO from Saronno yet -> due 1, missing 1, and the portal's status lists it
        JsonNode status = new ObjectMapper().readTree(reports.resolve("data/stato.json").toFile());
        boolean listed = false;
        for (JsonNode m : status.get("missing_deliveries")) {
            listed |= m.get("ambito").asText().equals(S) && m.get("period").asText().equals("2026-S2");
        }
        assertTrue(listed, status.toString());
    }

    /** Contract 1.2: Gallarate sent its milestones, Saronno none; the ASST counts the Ambiti per milestone. */
    @Test
    void theCruscottoEndsWithTheCronoprogramma() throws IOException {
        String g = text(Files.readAllBytes(reports.resolve("cruscotto/2026/AMBITO/AMB-GALLARATE.pdf")));
        assertTrue(g.contains("Cronoprogramma: traguardi del Piano alla data del 15/01/2027"), g);
        assertTrue(line(g, "Protocollo sul Punto Unico di Accesso").matches(".*30/06/2025.*10/06/2025\\s+Raggiunto nei tempi.*"), line(g, "Protocollo sul Punto Unico di Accesso"));
        assertTrue(line(g, "Protocollo sulle dimissioni protette").contains("Raggiunto in ritardo"), g);
        assertTrue(line(g, "Mappatura delle risorse").matches(".*30/09/2026.*non raggiunto\\s+Scaduto, non raggiunto.*"), line(g, "Mappatura delle risorse"));
        assertTrue(g.replaceAll("\\s+", " ").contains("rinviato una volta, prevista in origine il 31/12/2026"), g); // the cell may wrap
        assertTrue(line(g, "Tavolo con le parti sociali").contains("Non più previsto"), g);
        String s = text(Files.readAllBytes(reports.resolve("cruscotto/2026/AMBITO/" + S + ".pdf")));
        assertTrue(s.contains("Nessun traguardo trasmesso"), s);
        // SAD-02 carries its note wherever it is shown
        assertTrue(s.contains("Divide progetti per dimissioni"), s);
        try (XSSFWorkbook wb = workbook(reports.resolve("cruscotto/2026/ASST/030711.xlsx"))) {
            Sheet c = wb.getSheet("Cronoprogramma");
            assertNotNull(c, "a Cronoprogramma sheet");
            // Protocollo PUA: 1 Ambito has it, reached, on time, none overdue; Mappatura: 1 Ambito, overdue
            Row pua = row(c, "Protocollo sul Punto Unico di Accesso", 0);
            assertEquals(List.of(1.0, 1.0, 1.0, 0.0, 0.0), List.of(numeric(pua.getCell(1)), numeric(pua.getCell(2)),
                    numeric(pua.getCell(3)), numeric(pua.getCell(4)), numeric(pua.getCell(5))));
            Row map = row(c, "Mappatura delle risorse del territorio", 0);
            assertEquals(List.of(1.0, 0.0, 0.0, 1.0, 0.0), List.of(numeric(map.getCell(1)), numeric(map.getCell(2)),
                    numeric(map.getCell(3)), numeric(map.getCell(4)), numeric(map.getCell(5))));
            Row other = row(c, "Altro traguardo", 0);
            assertEquals(List.of(0.0, 1.0), List.of(numeric(other.getCell(1)), numeric(other.getCell(5))), "withdrawn from the plan: not counted as planned");
        }
    }

    @Test
    void dashboardDataIsProtectedLikeTheReports() throws IOException {
        JsonNode d = new ObjectMapper().readTree(reports.resolve("data/cruscotto/2026/AMBITO/" + S + ".json").toFile());
        assertEquals("Saronno", d.get("territory_name").asText());
        JsonNode sad = null;
        for (JsonNode area : d.get("areas")) for (JsonNode i : area.get("indicators")) if (i.get("code").asText().equals("SAD-01")) sad = i;
        assertNotNull(sad);
        assertEquals("<3", sad.get("numerator_text").asText());
        assertTrue(sad.get("value").isNull());
        assertEquals("RAGGIUNTO", sad.get("status").asText());
        assertEquals(3, sad.get("trend").size());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no line " + start));
    }

    static XSSFWorkbook workbook(Path p) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(p));
    }

    static Row row(Sheet sheet, String code) {
        return row(sheet, code, 1);
    }

    static Row row(Sheet sheet, String key, int column) {
        for (Row r : sheet) {
            Cell c = r.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(key)) return r;
        }
        throw new AssertionError("no row " + key + " in " + sheet.getSheetName());
    }

    static double numeric(Cell c) {
        assertEquals(CellType.NUMERIC, c.getCellType(), "cell " + c.getAddress() + " is a number, not text");
        return c.getNumericCellValue();
    }
}
