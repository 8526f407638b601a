package it.cabina.reports;

import it.cabina.reports.service.ReportService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.reports.render.ArchivalPdf;
import it.cabina.warehouse.published.ReportKind;
import it.cabina.reports.render.Templates;
import it.cabina.reports.render.WarmUp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Published PDFs are archival PDF/A of the level the renderer declares, tagged for screen readers: veraPDF validates
 * every PDF the shared fixture publishes, of every report kind, and a document with every template filled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfArchivalTest {
    /** "pdfa2a" -> veraPDF's PDF/A-2a. */
    static final PDFAFlavour FLAVOUR = PDFAFlavour.fromString(ArchivalPdf.CONFORMANCE.getName().substring("pdfa".length()));
    PublishedFixture fixture;

    @BeforeAll
    void setUp() throws Exception {
        fixture = PublishedFixture.get();
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void theLevelIsAnAccessibleOneOfPartTwo() {
        assertEquals(PDFAFlavour.Level.A, FLAVOUR.getLevel(), "level A: tagged, Unicode text");
        assertEquals(PDFAFlavour.Specification.ISO_19005_2, FLAVOUR.getPart(), "part 2: transparency allowed");
    }

    @ParameterizedTest
    @EnumSource(ReportKind.class)
    void everyPdfOfEveryKindIsValidPdfA(ReportKind kind) throws IOException {
        Map<String, byte[]> pdfs = published(kind);
        if (pdfs.isEmpty()) {
            // the fixture has no AFAM registry, so no Rete d'offerta is published: render one, with empty tables
            ReportKey key = new ReportKey(kind, fixture.service().latestPeriod(kind), "ASST", "030711");
            pdfs.put(key.path(Format.PDF), fixture.service().render(key, Format.PDF));
        }
        Map<String, List<String>> failed = new TreeMap<>();
        pdfs.forEach((path, pdf) -> {
            List<String> rules = failedRules(pdf);
            if (!rules.isEmpty()) failed.put(path, rules);
        });
        assertEquals(Map.of(), failed, () -> "rules of " + FLAVOUR.getId() + " failed:\n" + describe(failed));
    }

    @Test
    void aDocumentWithEveryTemplateFilledIsValidPdfA() {
        byte[] pdf = fixture.service().render(WarmUp.document(new Templates(), ReportService.TEMPLATES), Format.PDF);
        assertEquals(List.of(), failedRules(pdf));
    }

    @Test
    void thePdfDeclaresItsLevel() {
        byte[] pdf = first(ReportKind.CRUSCOTTO);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            assertEquals(FLAVOUR, parser.getFlavour(), "the flavour read from the PDF's XMP metadata");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theValidatorRejectsAPublishedPdfWithoutItsOutputIntent() throws IOException {
        try (PDDocument doc = Loader.loadPDF(first(ReportKind.CRUSCOTTO))) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            assertFalse(failedRules(out.toByteArray()).isEmpty(), "colours without an output intent are not PDF/A");
        }
    }

    @Test
    void theCruscottoReadsAsTitleHeadingsTablesAndChartsWithAlternativeText() throws IOException {
        Map<String, Integer> types = structure(first(ReportKind.CRUSCOTTO));
        assertEquals(1, types.get("H1"), "the report title");
        assertEquals(2, types.get("H2"), "Andamento nel triennio and the Cronoprogramma, once each");
        assertTrue(types.get("TH") >= 7, "the indicator table's header row");
        assertEquals(types.get("H3"), types.get("Figure"), "a chart under each indicator's heading");
        assertEquals(types.get("H3") + 2, types.get("Table"), "the indicator table, a table beside each chart, the Cronoprogramma");
    }

    @Test
    void everyPublishedPdfHasItsTablesClosedAndItsChartsDescribed() throws IOException {
        for (ReportKind kind : ReportKind.values()) {
            for (Map.Entry<String, byte[]> pdf : published(kind).entrySet()) {
                Map<String, Integer> types;
                try {
                    types = structure(pdf.getValue());
                } catch (AssertionError e) {
                    throw new AssertionError(pdf.getKey() + ": " + e.getMessage(), e);
                }
                assertEquals(1, types.get("H1"), pdf.getKey());
            }
        }
        structure(fixture.service().render(WarmUp.document(new Templates(), ReportService.TEMPLATES), Format.PDF));
    }

    /**
     * The structure types of a tagged PDF (role-mapped: Text is P, Image is Figure) and how many of each, checking on
     * the way that the document is in Italian, that headings, tables and figures are not inside a table (a table left
     * open by the templates would swallow what follows), that rows are in tables and cells in rows, and that every
     * figure has an alternative text.
     */
    private static Map<String, Integer> structure(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(ArchivalPdf.LANGUAGE, doc.getDocumentCatalog().getLanguage());
            PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
            Map<String, Integer> types = new TreeMap<>();
            walk(root, "Document", root.getRoleMap(), types);
            return types;
        }
    }

    private static void walk(PDStructureNode node, String parent, Map<String, Object> roles, Map<String, Integer> types) {
        for (Object kid : node.getKids()) {
            if (!(kid instanceof PDStructureElement e)) continue;
            String type = String.valueOf(roles.getOrDefault(e.getStructureType(), e.getStructureType()));
            types.merge(type, 1, Integer::sum);
            String where = type + " in " + parent;
            switch (type) {
                case "H1", "H2", "H3", "Table", "Figure" -> assertEquals("Sect", parent, where);
                case "TR" -> assertEquals("Table", parent, where);
                case "TH", "TD" -> assertEquals("TR", parent, where);
                default -> { }
            }
            if (type.equals("Figure")) {
                assertNotNull(e.getAlternateDescription(), "a chart without alternative text");
                assertTrue(e.getAlternateDescription().startsWith("Grafico"), e.getAlternateDescription());
            }
            walk(e, type, roles, types);
        }
    }

    private Map<String, byte[]> published(ReportKind kind) throws IOException {
        JsonNode index = new ObjectMapper().readTree(fixture.reports().resolve("index.json").toFile());
        Map<String, byte[]> pdfs = new TreeMap<>();
        for (JsonNode e : index.get("reports")) {
            if (e.get("report").asText().equals(kind.slug()) && e.get("format").asText().equals(Format.PDF.extension())) {
                pdfs.put(e.get("path").asText(), Files.readAllBytes(fixture.reports().resolve(e.get("path").asText())));
            }
        }
        return pdfs;
    }

    private byte[] first(ReportKind kind) {
        try {
            return published(kind).values().iterator().next();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The rules the PDF breaks, one line each: clause-test, how many times, what the rule says, where first. */
    static List<String> failedRules(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), FLAVOUR);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(FLAVOUR, false)) {
            ValidationResult result = validator.validate(parser);
            assertEquals(FLAVOUR, result.getPDFAFlavour());
            assertTrue(result.getTotalAssertions() > 0, "veraPDF checked nothing");
            Map<String, List<TestAssertion>> byRule = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    byRule.computeIfAbsent(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(), r -> new ArrayList<>()).add(a);
                }
            }
            List<String> lines = new ArrayList<>();
            byRule.forEach((rule, as) -> lines.add(rule + " (" + as.size() + "x): " + as.get(0).getMessage().strip()
                    + " — " + as.get(0).getLocation().getContext()));
            assertEquals(result.isCompliant(), lines.isEmpty(), "veraPDF's verdict and its failed checks agree");
            return lines;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF: " + e, e);
        }
    }

    private static String describe(Map<String, List<String>> failed) {
        StringBuilder sb = new StringBuilder();
        failed.forEach((path, rules) -> {
            sb.append(path).append('\n');
            rules.forEach(r -> sb.append("  ").append(r).append('\n'));
        });
        return sb.toString();
    }
}
