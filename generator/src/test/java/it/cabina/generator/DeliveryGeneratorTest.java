package it.cabina.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import it.cabina.generator.GenerationSummary.DefectRow;
import it.cabina.generator.GenerationSummary.DeliverySummary;
import it.cabina.generator.GenerationSummary.FileSummary;
import it.cabina.generator.GenerationSummary.SemesterRef;
import it.cabina.generator.LandingReader.Delivery;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.identity.TaxCode;
import it.cabina.warehouse.quality.RuleCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** One SMALL generation (seconds) checked from the outside, as the warehouse will read it. */
class DeliveryGeneratorTest {
    @TempDir
    static Path tmp;
    static Path landing;
    static GenerationSummary summary;
    static List<Delivery> deliveries;

    @BeforeAll
    static void generate() throws IOException {
        landing = tmp.resolve("landing");
        summary = new DeliveryGenerator().generate(options(landing), CabinaConfig.load());
        deliveries = LandingReader.read(landing);
    }

    static GeneratorOptions options(Path out) {
        return GeneratorOptions.defaults(out).withScale(Scale.SMALL);
    }

    @Test
    void sameOptionsGiveByteIdenticalOutput() throws IOException {
        Path again = tmp.resolve("again");
        new DeliveryGenerator().generate(options(again), CabinaConfig.load());
        Map<String, byte[]> a = LandingReader.tree(landing), b = LandingReader.tree(again);
        assertEquals(a.keySet(), b.keySet());
        for (String f : a.keySet()) assertArrayEquals(a.get(f), b.get(f), f);
        assertTrue(Files.isRegularFile(DeliveryGenerator.summaryFile(landing)));
        assertFalse(Files.exists(landing.resolve("_generator/staging")), "staging is cleaned");
    }

    @Test
    void everyManifestMatchesItsFiles() throws Exception {
        assertEquals(summary.deliveries().size(), deliveries.size());
        Set<String> ids = new HashSet<>();
        for (Delivery d : deliveries) {
            JsonNode m = d.manifest();
            assertEquals("1.0", m.path("spec_version").asText());
            String source = m.path("source").asText(), sender = m.path("sender").asText();
            assertTrue(d.name().startsWith(source + "_" + sender + "_"), d.name());
            assertTrue(d.name().matches("[A-Z]+_[A-Z0-9-]+_\\d{8}T\\d{6}"), d.name());
            assertTrue(m.path("extracted_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"));
            assertTrue(ids.add(m.path("delivery_id").asText()), "delivery ids are unique");
            assertEquals(source.equals("CSI") ? "INCREMENTAL" : "FULL", m.path("mode").asText());
            Set<String> listed = new HashSet<>();
            for (JsonNode f : m.path("files")) {
                String name = f.path("name").asText();
                listed.add(name);
                byte[] bytes = d.files().get(name);
                assertNotNull(bytes, d.name() + " lacks " + name);
                assertEquals(f.path("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                assertEquals(f.path("records").asInt(), dataRows(source, bytes), d.name() + "/" + name);
            }
            listed.add("manifest.json");
            assertEquals(listed, d.files().keySet(), "the zip or folder holds exactly the manifest's files");
        }
    }

    @Test
    void smallHasEveryFileTypeAndEveryRuleThatSetsARowAside() {
        Set<String> files = new HashSet<>();
        summary.deliveries().forEach(d -> d.files().forEach(f -> files.add(d.source() + "/" + f.name())));
        Set<String> expected = new HashSet<>();
        for (Layout l : Layout.values()) expected.add(l.source() + "/" + l.fileName());
        assertEquals(expected, files);
        // every rule code of a row set aside; the warning codes (the row loads) are not defects
        Set<RuleCode> rejecting = EnumSet.copyOf(Arrays.stream(RuleCode.values()).filter(c -> !c.warning()).toList());
        assertEquals(rejecting, EnumSet.copyOf(summary.defectsByRule().keySet()));
        for (DeliverySummary d : summary.deliveries(Source.AFAM)) {
            FileSummary f = d.files().get(0);
            assertTrue(f.defects().isEmpty(), "no defect in AFAM");
            assertTrue(f.warnings().get(AfamWriter.AMBITO_NOT_IN_REFERENCE) > 0);
        }
        FileSummary firstSnapshot = summary.deliveries(Source.AFAM).get(0).files().get(0);
        assertEquals(AfamRegistry.UNLISTED_TYPES.size(), firstSnapshot.warnings().get(AfamWriter.TYPE_NOT_IN_CODELIST));
        long rows = summary.rows(Source.CSI) + summary.rows(Source.FLUSSO);
        assertTrue(rows > 500 && rows < 5000, "a small run: " + rows);
        assertTrue(summary.defects() >= rows * 0.015 && summary.defects() <= rows * 0.04, summary.defects() + " of " + rows);
        assertTrue(summary.deliveries().stream().anyMatch(DeliverySummary::zipped));
        assertEquals(Set.of("CORRECTION", "STALE_RESEND", "TIE", "WITHDRAWAL"), summary.scenarioCounts().keySet());
    }

    @Test
    void defectiveRowsBreakTheirRuleAndValidRowsAreWellFormed() {
        Map<String, Delivery> byName = deliveries.stream().collect(Collectors.toMap(Delivery::name, d -> d));
        for (DeliverySummary d : summary.deliveries()) {
            if (d.source() == Source.AFAM) continue;
            for (FileSummary f : d.files()) {
                Layout layout = Arrays.stream(Layout.values()).filter(l -> l.fileName().equals(f.name())).findFirst().orElseThrow();
                List<String> lines = lines(d.source(), byName.get(d.name()).files().get(f.name()));
                Map<Integer, DefectRow> defects = new HashMap<>();
                f.defects().forEach(x -> defects.put(x.line(), x));
                for (int i = 1; i < lines.size(); i++) {
                    String[] v = lines.get(i).split(";", -1);
                    DefectRow defect = defects.get(i + 1);
                    if (defect != null && defect.rule() == RuleCode.COLUMNS) {
                        assertNotEquals(layout.width(), v.length);
                        continue;
                    }
                    assertEquals(layout.width(), v.length, d.name() + "/" + f.name() + ":" + (i + 1));
                    if (defect != null) assertNotNull(defect.field());
                    int cf = layout.columns().indexOf("codice_fiscale");
                    if (cf >= 0) {
                        boolean broken = defect != null && defect.rule() == RuleCode.TAX_CODE;
                        assertEquals(!broken, TaxCode.isValid(v[cf]), v[cf]);
                    }
                    if (layout.source() == Source.CSI && defect == null) {
                        assertTrue(v[layout.width() - 1].equals("ATTIVO") || v[layout.width() - 1].equals("ANNULLATO"));
                        assertTrue(v[layout.width() - 2].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
                    }
                }
            }
        }
    }

    @Test
    void flussoIsWindows1252WithDecimalCommas() throws CharacterCodingException {
        List<Delivery> flusso = deliveries.stream().filter(d -> d.source().equals("FLUSSO")).toList();
        assertFalse(flusso.isEmpty());
        boolean sawComma = false;
        for (Delivery d : flusso) {
            byte[] bytes = d.files().get("prestazioni.csv");
            Charset cp1252 = Charset.forName("windows-1252");
            String text = cp1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            assertTrue(text.endsWith("\r\n"));
            assertEquals(Layout.PRESTAZIONI.columns(), List.of(text.substring(0, text.indexOf("\r\n")).split(";")));
            Set<Integer> defectLines = defectLines(d.name(), "prestazioni.csv");
            String[] lines = text.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                if (defectLines.contains(i + 1)) continue;
                String[] v = lines[i].split(";", -1);
                for (int c = 9; c <= 12; c++) assertTrue(v[c].matches("\\d+(,\\d{1,2})?"), v[c]);
                sawComma |= v[10].contains(",");
            }
        }
        assertTrue(sawComma);
    }

    @Test
    void afamParsesIntoTwentyFiveColumnsPerRow() throws IOException {
        List<Delivery> afam = deliveries.stream().filter(d -> d.source().equals("AFAM")).toList();
        assertTrue(afam.size() >= 2, "at least two snapshots");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Set<String>> snapshots = new ArrayList<>();
        Set<String> types = new HashSet<>(), ambiti = new HashSet<>();
        boolean quotedComma = false, quotedQuote = false;
        for (Delivery d : afam) {
            byte[] bytes = d.files().get("unita_offerta.csv");
            String text = new String(bytes, StandardCharsets.UTF_8);
            quotedComma |= text.contains("\"VIA ");
            quotedQuote |= text.contains("\"\"");
            Set<String> units = new HashSet<>();
            try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(bytes)) {
                String[] header = it.next();
                assertEquals(Layout.UNITA_OFFERTA.columns(), List.of(header));
                while (it.hasNext()) {
                    String[] row = it.next();
                    assertEquals(25, row.length, String.join("|", row));
                    assertTrue(row[0].startsWith("0") && row[2].startsWith("0"), "ATS/ASST codes keep leading zeros");
                    assertTrue(row[10].matches("0\\d{5}"), row[10]);
                    assertTrue(row[12].matches("\\d+"), row[12]);
                    assertTrue(row[22].matches("4[5-6]\\.\\d{6}") && row[23].matches("(8|9|10|11)\\.\\d{6}"));
                    assertEquals("(" + row[22] + ", " + row[23] + ")", row[24]);
                    assertEquals(row[15].toUpperCase(), row[15]);
                    units.add(row[10]);
                    types.add(row[9]);
                    ambiti.add(row[4]);
                }
            }
            snapshots.add(units);
        }
        assertTrue(quotedComma && quotedQuote, "quoting is exercised");
        assertTrue(types.containsAll(AfamRegistry.UNLISTED_TYPES));
        assertTrue(ambiti.containsAll(Set.of("MILANO CITTA'", "GARDA - SALO' - 11", "ABBIATENSE")), ambiti.toString());
        Set<String> first = snapshots.get(0), last = snapshots.get(snapshots.size() - 1);
        assertFalse(last.containsAll(first), "some units ceased");
        assertFalse(first.containsAll(last), "some units opened");
    }

    @Test
    void oneFlussoSemesterIsMissingAndOneIsResent() {
        assertEquals(1, summary.missingFlusso().size());
        assertEquals(1, summary.resentFlusso().size());
        SemesterRef missing = summary.missingFlusso().get(0), resent = summary.resentFlusso().get(0);
        assertTrue(flussoFor(missing).isEmpty());
        List<DeliverySummary> twice = flussoFor(resent);
        assertEquals(2, twice.size());
        assertTrue(twice.get(1).extractedAt().compareTo(twice.get(0).extractedAt()) > 0);
        assertNotEquals(twice.get(0).files().get(0).sha256(), twice.get(1).files().get(0).sha256());
        int ambiti = (int) summary.deliveries(Source.CSI).stream().map(DeliverySummary::sender).distinct().count();
        int semesters = Semester.endedBetween(summary.from(), summary.to()).size();
        assertEquals(ambiti * semesters - 1 + 1, summary.deliveries(Source.FLUSSO).size());
    }

    @Test
    void personsAreSharedAcrossAmbitiAndWithFlusso() {
        Map<String, Set<String>> ambitiOfTaxCode = new HashMap<>();
        Set<String> flussoCodes = new HashSet<>();
        boolean bom = false;
        for (Delivery d : deliveries) {
            String sender = d.manifest().path("sender").asText();
            byte[] persone = d.files().get("persone.csv");
            if (persone != null) {
                bom |= persone[0] == (byte) 0xEF;
                Set<Integer> defects = defectLines(d.name(), "persone.csv");
                List<String> lines = lines(Source.CSI, persone);
                for (int i = 1; i < lines.size(); i++) {
                    if (!defects.contains(i + 1)) ambitiOfTaxCode.computeIfAbsent(lines.get(i).split(";")[1], k -> new HashSet<>()).add(sender);
                }
            }
            byte[] prestazioni = d.files().get("prestazioni.csv");
            if (prestazioni != null) {
                lines(Source.FLUSSO, prestazioni).stream().skip(1).forEach(l -> flussoCodes.add(l.split(";")[5]));
            }
        }
        assertTrue(bom, "some CSI files have a BOM");
        assertTrue(ambitiOfTaxCode.values().stream().anyMatch(s -> s.size() == 2), "a person followed by two Ambiti");
        Set<String> both = new HashSet<>(flussoCodes);
        both.retainAll(ambitiOfTaxCode.keySet());
        assertFalse(both.isEmpty(), "FLUSSO beneficiaries include CSI persons");
        assertTrue(both.size() < flussoCodes.size(), "and persons only in FLUSSO");
    }

    // ---- helpers ----

    private static List<DeliverySummary> flussoFor(SemesterRef ref) {
        return summary.deliveries(Source.FLUSSO).stream()
                .filter(d -> d.sender().equals(ref.sender()) && d.periodFrom().equals(ref.from()) && d.periodTo().equals(ref.to()))
                .toList();
    }

    private static Set<Integer> defectLines(String delivery, String file) {
        Set<Integer> set = new HashSet<>();
        summary.deliveries().stream().filter(d -> d.name().equals(delivery))
                .forEach(d -> d.file(file).defects().forEach(x -> set.add(x.line())));
        return set;
    }

    private static int dataRows(String source, byte[] bytes) throws IOException {
        if (source.equals("AFAM")) {
            try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerFor(String[].class).readValues(bytes)) {
                return it.readAll().size() - 1;
            }
        }
        return lines(Source.valueOf(source), bytes).size() - 1;
    }

    /** The lines of a CSI or FLUSSO file (BOM removed, in its encoding and line ending). */
    private static List<String> lines(Source source, byte[] bytes) {
        String text = new String(bytes, source.charset());
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        assertTrue(text.endsWith(source.lineEnding()));
        return List.of(text.split(source.lineEnding().equals("\r\n") ? "\r\n" : "\n"));
    }
}
