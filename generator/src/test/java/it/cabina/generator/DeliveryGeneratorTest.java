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
import it.cabina.warehouse.reference.CodeLists;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
        Map<String, DeliverySummary> written = summary.deliveries().stream().collect(Collectors.toMap(DeliverySummary::name, x -> x));
        for (Delivery d : deliveries) {
            JsonNode m = d.manifest();
            DeliverySummary ds = written.get(d.name());
            assertEquals(ds.spec().text(), m.path("spec_version").asText(), d.name());
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
                if (!source.equals("AFAM")) {
                    Layout layout = layout(name);
                    List<String> expected = layout.columns(ds.spec());
                    if (ds.rejectedFor() == DeliveryDefect.MISSING_TEMA_COLUMN) expected = expected.stream().filter(c -> !c.equals("tema")).toList();
                    if (ds.rejectedFor() == DeliveryDefect.MILESTONES_IN_1_1) expected = layout.columns();
                    assertEquals(expected, header(Source.valueOf(source), bytes), d.name() + "/" + name + ": the columns of its contract version");
                }
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
                List<String> lines = lines(d.source(), byName.get(d.name()).files().get(f.name()));
                List<String> header = List.of(lines.get(0).split(";", -1));
                int width = header.size();
                Map<Integer, DefectRow> defects = new HashMap<>();
                f.defects().forEach(x -> defects.put(x.line(), x));
                for (int i = 1; i < lines.size(); i++) {
                    String[] v = lines.get(i).split(";", -1);
                    DefectRow defect = defects.get(i + 1);
                    if (defect != null && defect.rule() == RuleCode.COLUMNS) {
                        assertNotEquals(width, v.length);
                        continue;
                    }
                    assertEquals(width, v.length, d.name() + "/" + f.name() + ":" + (i + 1));
                    if (defect != null) assertNotNull(defect.field());
                    int cf = header.indexOf("codice_fiscale");
                    if (cf >= 0) {
                        boolean broken = defect != null && defect.rule() == RuleCode.TAX_CODE;
                        assertEquals(!broken, TaxCode.isValid(v[cf]), v[cf]);
                    }
                    if (d.source() == Source.CSI && defect == null) {
                        assertTrue(v[width - 1].equals("ATTIVO") || v[width - 1].equals("ANNULLATO"));
                        assertTrue(v[width - 2].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
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

    @Test
    void theRegionMovesToContract12AmbitoByAmbito() {
        Map<String, LocalDate> first12 = new HashMap<>();
        Set<String> senders = new HashSet<>();
        for (DeliverySummary d : loading(Source.CSI)) {
            senders.add(d.sender());
            if (d.spec() == SpecVersion.V1_2) first12.putIfAbsent(d.sender(), d.periodFrom());
            else assertFalse(first12.containsKey(d.sender()), d.name() + ": back to 1.1 after 1.2");
        }
        assertTrue(first12.size() < senders.size(), "an Ambito stays on 1.1 to the end");
        assertTrue(first12.values().stream().anyMatch(m -> !m.isAfter(LocalDate.of(2026, 1, 1))), "an Ambito moves early: " + first12);
        assertTrue(first12.values().stream().anyMatch(m -> m.isAfter(LocalDate.of(2026, 3, 31))), "an Ambito stays on 1.1 until 2026-S1: " + first12);
        for (DeliverySummary d : summary.deliveries(Source.FLUSSO)) {
            LocalDate extracted = LocalDate.parse(d.extractedAt().substring(0, 10));
            boolean moved = first12.containsKey(d.sender()) && !extracted.isBefore(first12.get(d.sender()));
            assertEquals(moved ? SpecVersion.V1_2 : SpecVersion.V1_1, d.spec(), d.name());
        }
        summary.deliveries(Source.AFAM).forEach(d -> assertEquals(SpecVersion.V1_1, d.spec()));
    }

    @Test
    void a11DeliveryCarriesNothingOf12AndA12OneGivesEveryActivityItsTopic() throws IOException {
        CodeLists codeLists = CodeLists.load(CabinaConfig.load().codelistsDir());
        Set<String> laterTypes = since12(codeLists, "tipo_attivita"), laterServices = since12(codeLists, "prestazione");
        Map<String, Set<String>> topics = Map.of("SPORTELLO_APERTURA", Set.of("CASA"), "SPORTELLO_ACCESSO", Set.of("CASA"),
                "INCONTRO_CPI", Set.of("LAVORO"), "GRUPPO_TERRITORIALE", Set.of("PIPPI"),
                "SEDUTA_EVM", Set.of("VALUTAZIONE_MULTIDIMENSIONALE"), "MEDIAZIONE_SFRATTO", Set.of("CASA"));
        Set<String> typesOf12 = new HashSet<>(), formazione = new HashSet<>();
        for (DeliverySummary d : loading(null)) {
            for (Map<String, String> row : validRows(d, "attivita.csv")) {
                if (d.spec() == SpecVersion.V1_1) {
                    assertFalse(laterTypes.contains(row.get("tipo_attivita")), d.name() + ": " + row);
                    continue;
                }
                String tipo = row.get("tipo_attivita"), tema = row.get("tema");
                assertTrue(codeLists.get("tema").contains(tema), d.name() + ": " + row);
                if (topics.containsKey(tipo)) assertTrue(topics.get(tipo).contains(tema), d.name() + ": " + row);
                if (laterTypes.contains(tipo)) typesOf12.add(tipo);
                if (tipo.equals("FORMAZIONE_OPERATORI")) formazione.add(tema);
            }
            for (Map<String, String> row : validRows(d, "prestazioni.csv")) {
                if (d.spec() == SpecVersion.V1_1) assertFalse(laterServices.contains(row.get("codice_prestazione")), d.name());
            }
            for (Map<String, String> row : validRows(d, "prese_in_carico.csv")) {
                if (d.spec() == SpecVersion.V1_2) assertTrue(Set.of("S", "N", "").contains(row.get("vittima_violenza")), row.toString());
            }
        }
        assertTrue(typesOf12.containsAll(Set.of("SEDUTA_EVM", "INCONTRO_MONITORAGGIO")), typesOf12.toString());
        assertFalse(formazione.isEmpty());
    }

    @Test
    void theFirst12DeliveryResendsTheCasesAndActivitiesOfItsYear() throws IOException {
        Map<String, List<DeliverySummary>> bySender = new TreeMap<>();
        loading(Source.CSI).forEach(d -> bySender.computeIfAbsent(d.sender(), k -> new ArrayList<>()).add(d));
        int checked = 0;
        for (List<DeliverySummary> list : bySender.values()) {
            int first = 0;
            while (first < list.size() && list.get(first).spec() != SpecVersion.V1_2) first++;
            if (first == 0 || first == list.size()) continue;
            int year = list.get(first).periodFrom().getYear();
            for (String file : List.of("prese_in_carico.csv", "attivita.csv")) {
                Map<String, Map<String, String>> before = new HashMap<>();
                for (DeliverySummary d : list.subList(0, first)) {
                    for (Map<String, String> row : validRows(d, file)) {
                        String id = row.get(file.startsWith("prese") ? "id_presa_in_carico" : "id_attivita");
                        before.merge(id, row, (a, b) -> b.get("aggiornato_il").compareTo(a.get("aggiornato_il")) >= 0 ? b : a);
                    }
                }
                Set<String> expected = new TreeSet<>();
                before.forEach((id, row) -> {
                    boolean current = file.startsWith("prese")
                            ? row.get("data_chiusura").isEmpty() || LocalDate.parse(row.get("data_chiusura")).getYear() >= year
                            : LocalDate.parse(row.get("data")).getYear() == year;
                    if (current && row.get("stato_record").equals("ATTIVO")) expected.add(id);
                });
                Map<String, Map<String, String>> resent = new HashMap<>();
                for (Map<String, String> row : validRows(list.get(first), file)) {
                    resent.put(row.get(file.startsWith("prese") ? "id_presa_in_carico" : "id_attivita"), row);
                }
                for (String id : expected) {
                    assertTrue(resent.containsKey(id), list.get(first).name() + " re-sends " + file + " " + id);
                    assertTrue(resent.get(id).get("aggiornato_il").compareTo(before.get(id).get("aggiornato_il")) > 0, id);
                }
                checked += expected.size();
            }
        }
        assertTrue(checked > 10, "records re-sent: " + checked);
    }

    @Test
    void milestonesKeepTheirRules() throws IOException {
        Map<String, Set<String>> ids = new HashMap<>();
        Set<String> states = new HashSet<>();
        for (DeliverySummary d : loading(Source.CSI)) {
            if (d.file("traguardi.csv") == null) continue;
            assertEquals(SpecVersion.V1_2, d.spec(), d.name());
            LocalDate extracted = LocalDate.parse(d.extractedAt().substring(0, 10));
            for (Map<String, String> row : validRows(d, "traguardi.csv")) {
                assertEquals(d.sender(), row.get("codice_ambito"));
                String stato = row.get("stato"), reached = row.get("data_raggiungimento"), code = row.get("codice_traguardo");
                assertEquals(stato.equals("RAGGIUNTO"), !reached.isEmpty(), row.toString());
                if (!reached.isEmpty()) assertFalse(LocalDate.parse(reached).isAfter(extracted), d.name() + ": " + row);
                if (code.equals("ALTRO")) assertFalse(row.get("descrizione").isEmpty(), row.toString());
                else assertEquals(Milestones.TEMA.get(code), row.get("tema"), row.toString());
                int due = LocalDate.parse(row.get("data_prevista")).getYear();
                assertTrue(due >= 2025 && due <= 2028, row.toString());
                ids.computeIfAbsent(d.sender(), k -> new HashSet<>()).add(row.get("id_traguardo"));
                states.add(stato);
            }
        }
        assertFalse(ids.isEmpty());
        ids.forEach((sender, set) -> assertTrue(set.size() >= 3 && set.size() <= 12, sender + ": " + set));
        assertTrue(states.containsAll(Set.of("PREVISTO", "RAGGIUNTO")), states.toString());
    }

    @Test
    void someDeliveriesAreWrittenToBeRejectedWhole() throws IOException {
        assertEquals(EnumSet.allOf(DeliveryDefect.class), EnumSet.copyOf(summary.rejectedByDefect().keySet()));
        for (DeliverySummary d : summary.rejected()) {
            assertEquals(Source.CSI, d.source());
            assertEquals(1, d.files().size());
            assertTrue(d.files().get(0).defects().isEmpty(), "a rejected delivery has no row defect of its own");
            if (d.rejectedFor() == DeliveryDefect.MILESTONES_IN_1_1) {
                assertEquals(SpecVersion.V1_1, d.spec());
                assertEquals("traguardi.csv", d.files().get(0).name());
                continue;
            }
            assertEquals(SpecVersion.V1_2, d.spec());
            assertEquals("attivita.csv", d.files().get(0).name());
            // the same versions as in the delivery that loads, just before it
            Set<String> loaded = new HashSet<>();
            loading(Source.CSI).stream().filter(x -> x.sender().equals(d.sender()))
                    .forEach(x -> rowsOf(x, "attivita.csv", true).forEach(row -> loaded.add(row.get("id_attivita") + "@" + row.get("aggiornato_il"))));
            for (Map<String, String> row : rowsOf(d, "attivita.csv", true)) {
                assertFalse(row.containsKey("tema"));
                assertTrue(loaded.contains(row.get("id_attivita") + "@" + row.get("aggiornato_il")), row.toString());
            }
        }
    }

    @Test
    void everyDefectOfContract12IsPlanted() throws IOException {
        Set<String> planted = new HashSet<>();
        for (DeliverySummary d : loading(null)) {
            for (FileSummary f : d.files()) {
                for (DefectRow x : f.defects()) planted.add(f.name() + " " + x.rule() + " " + x.field() + " " + d.spec().text());
            }
        }
        for (Layout layout : Layout.values()) {
            for (Mutation m : Mutations.forLayout(layout)) {
                if (!m.bound(layout)) continue;
                String spec = (m.only() != null ? m.only() : layout.since()).text();
                assertTrue(planted.contains(layout.fileName() + " " + m.rule() + " " + m.field() + " " + spec),
                        layout.fileName() + " " + m.rule() + " " + m.field() + " in " + spec + ": " + planted);
            }
        }
        CodeLists codeLists = CodeLists.load(CabinaConfig.load().codelistsDir());
        assertTrue(defectValues("attivita.csv", RuleCode.CODE, "tipo_attivita", SpecVersion.V1_1).stream()
                .anyMatch(since12(codeLists, "tipo_attivita")::contains), "a 1.2 activity type in a 1.1 delivery");
        assertTrue(defectValues("prestazioni.csv", RuleCode.CODE, "codice_prestazione", SpecVersion.V1_1).stream()
                .anyMatch(since12(codeLists, "prestazione")::contains), "a 1.2 service in a 1.1 delivery");
    }

    // ---- helpers ----

    private static List<DeliverySummary> loading(Source source) {
        return summary.deliveries().stream().filter(DeliverySummary::loads)
                .filter(d -> source == null ? d.source() != Source.AFAM : d.source() == source)
                .sorted(java.util.Comparator.comparing(DeliverySummary::extractedAt).thenComparing(DeliverySummary::name)).toList();
    }

    private static Set<String> since12(CodeLists codeLists, String list) {
        return codeLists.get(list).codes().stream().filter(c -> "1.2".equals(c.attribute("since"))).map(c -> c.code())
                .collect(Collectors.toSet());
    }

    private static List<Map<String, String>> rowsOf(DeliverySummary d, String file, boolean withDefects) {
        return LandingReader.rows(deliveries.stream().filter(x -> x.name().equals(d.name())).findFirst().orElseThrow(), d, file, withDefects);
    }

    private static List<Map<String, String>> validRows(DeliverySummary d, String file) {
        return rowsOf(d, file, false);
    }

    /** The values of that field in the defective rows that break that rule through it, in deliveries of that version. */
    private static List<String> defectValues(String file, RuleCode rule, String field, SpecVersion spec) {
        List<String> values = new ArrayList<>();
        for (DeliverySummary d : loading(null)) {
            FileSummary f = d.file(file);
            if (f == null || d.spec() != spec) continue;
            Delivery delivery = deliveries.stream().filter(x -> x.name().equals(d.name())).findFirst().orElseThrow();
            List<String> lines = lines(d.source(), delivery.files().get(file));
            int c = List.of(lines.get(0).split(";", -1)).indexOf(field);
            for (DefectRow x : f.defects()) {
                if (x.rule() == rule && field.equals(x.field())) values.add(lines.get(x.line() - 1).split(";", -1)[c]);
            }
        }
        return values;
    }

    private static Layout layout(String fileName) {
        return Arrays.stream(Layout.values()).filter(l -> l.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    private static List<String> header(Source source, byte[] bytes) {
        return List.of(lines(source, bytes).get(0).split(";", -1));
    }

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

    private static List<String> lines(Source source, byte[] bytes) {
        return LandingReader.lines(source, bytes);
    }
}
