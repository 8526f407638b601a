package it.cabina.reports;

import it.cabina.etl.context.Progress;
import it.cabina.etl.testing.BuiltOnce;
import it.cabina.reports.publish.ReportFingerprint;
import it.cabina.reports.publish.ReportPublisher;
import it.cabina.reports.service.ReportService;
import it.cabina.warehouse.files.PublishedFiles;
import it.cabina.warehouse.published.PublishedJson;
import it.cabina.warehouse.published.ReportEntry;
import it.cabina.warehouse.published.ReportIndexFile;
import it.cabina.warehouse.published.ReportKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A publication over files already published: a report whose document and renderer did not change is kept (file,
 * entry, generation time), the others are rendered again; {@code force} renders them all. Runs on a copy of the
 * shared fixture's reports, so the fixture stays as published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepublicationTest {
    PublishedFixture fixture;
    ReportService service;

    @BeforeAll
    void fixture() throws Exception {
        fixture = PublishedFixture.get();
        service = fixture.service();
    }

    @Test
    void anUnchangedReportIsKeptAsPublishedAndAChangedOneIsRenderedAgain(@TempDir Path dir) throws Exception {
        Path copy = copyOf(fixture.reports(), dir.resolve("reports"));
        List<ReportEntry> before = index(copy);
        // one report whose document is made to look changed: its entries carry another fingerprint
        ReportEntry changed = before.stream().filter(e -> e.report().equals(ReportKind.CRUSCOTTO.slug()) && e.format().equals("pdf"))
                .findFirst().orElseThrow();
        List<ReportEntry> tampered = new ArrayList<>();
        for (ReportEntry e : before) {
            boolean same = e.report().equals(changed.report()) && e.period().equals(changed.period()) && e.level().equals(changed.level())
                    && e.territory().equals(changed.territory());
            tampered.add(same ? withFingerprint(e, "0".repeat(64)) : e);
        }
        Files.write(copy.resolve(ReportIndexFile.PATH), PublishedJson.write(new ReportIndexFile(tampered)));
        Map<String, byte[]> bytesBefore = bytes(copy, before);
        Map<String, Long> modifiedBefore = modified(copy, before);
        Thread.sleep(20);

        ReportPublisher.Result again = publisher(copy, false).publish();

        assertEquals(before.size(), again.files());
        assertEquals(before.size() - 2, again.kept(), again.filesText());
        assertEquals(1, again.secondsPerReport().size(), "only the changed report is rendered");
        assertTrue(again.filesText().contains("invariati"), again.filesText());
        Map<String, ReportEntry> after = byPath(index(copy));
        for (ReportEntry e : before) {
            ReportEntry now = after.get(e.path());
            boolean redone = e.report().equals(changed.report()) && e.territory().equals(changed.territory())
                    && e.level().equals(changed.level()) && e.period().equals(changed.period());
            if (redone) {
                assertEquals(e.fingerprint(), now.fingerprint(), "rendered again from the same document: " + e.path());
                assertNotEquals(modifiedBefore.get(e.path()), Files.getLastModifiedTime(copy.resolve(e.path())).toMillis(), e.path());
            } else {
                assertEquals(e, now, "kept with its entry and generation time: " + e.path());
                assertArrayEquals(bytesBefore.get(e.path()), Files.readAllBytes(copy.resolve(e.path())), e.path());
                assertEquals(modifiedBefore.get(e.path()), Files.getLastModifiedTime(copy.resolve(e.path())).toMillis(), e.path());
            }
        }
    }

    @Test
    void forcedOrWithoutFingerprintsEveryReportIsRenderedAgain(@TempDir Path dir) throws Exception {
        Path forced = copyOf(fixture.reports(), dir.resolve("forced"));
        ReportPublisher.Result r = publisher(forced, true).publish();
        assertEquals(0, r.kept());
        assertEquals(r.files(), r.secondsPerReport().size() * Format.values().length);

        // an index written before fingerprints existed
        Path old = copyOf(fixture.reports(), dir.resolve("old"));
        List<ReportEntry> without = index(old).stream().map(e -> withFingerprint(e, null)).toList();
        Files.write(old.resolve(ReportIndexFile.PATH), PublishedJson.write(new ReportIndexFile(without)));
        ReportPublisher.Result fromOld = publisher(old, false).publish();
        assertEquals(0, fromOld.kept());
        assertTrue(index(old).stream().allMatch(e -> e.fingerprint() != null && e.fingerprint().length() == 64));
    }

    @Test
    void theFingerprintFollowsTheDocumentAndTheRendererAndNothingElse() {
        ReportKey key = service.builder(ReportKind.SEMESTRALE).available(service.latestPeriod(ReportKind.SEMESTRALE)).get(0);
        ReportDocument doc = service.document(key);
        String renderer = ReportFingerprint.renderer();
        assertEquals(renderer, ReportFingerprint.renderer());
        assertEquals(ReportFingerprint.of(doc, renderer), ReportFingerprint.of(service.document(key), renderer), "the same document twice");
        assertNotEquals(ReportFingerprint.of(doc, renderer), ReportFingerprint.of(doc, renderer + "x"), "another renderer");

        // the first figure of the document, changed by one, and then given as its text
        int partIndex = -1, rowIndex = -1;
        String field = null;
        for (int p = 0; p < doc.parts().size() && field == null; p++) {
            List<Map<String, Object>> rows = doc.parts().get(p).rows();
            for (int r = 0; r < rows.size() && field == null; r++) {
                Map<String, Object> row = rows.get(r);
                field = row.keySet().stream().filter(k -> row.get(k) instanceof Number).findFirst().orElse(null);
                partIndex = p;
                rowIndex = r;
            }
        }
        assertNotNull(field, "the document has a figure");
        Object figure = doc.parts().get(partIndex).rows().get(rowIndex).get(field);
        String original = ReportFingerprint.of(doc, renderer);
        assertNotEquals(original, ReportFingerprint.of(withValue(doc, partIndex, rowIndex, field, ((Number) figure).doubleValue() + 1), renderer),
                "a changed figure");
        assertNotEquals(original, ReportFingerprint.of(withValue(doc, partIndex, rowIndex, field, String.valueOf(figure)), renderer),
                "a number and its text render differently");
        assertEquals(original, ReportFingerprint.of(withValue(doc, partIndex, rowIndex, field, figure), renderer), "the same figure");
    }

    private static ReportDocument withValue(ReportDocument doc, int partIndex, int rowIndex, String field, Object value) {
        Part part = doc.parts().get(partIndex);
        List<Map<String, Object>> rows = new ArrayList<>(part.rows());
        Map<String, Object> row = new HashMap<>(rows.get(rowIndex));
        row.put(field, value);
        rows.set(rowIndex, row);
        List<Part> parts = new ArrayList<>(doc.parts());
        parts.set(partIndex, new Part(part.template(), part.sheetName(), part.sheetField(), rows, part.parameters(), part.newPage()));
        return new ReportDocument(doc.key(), doc.territoryName(), doc.levelLabel(), doc.periodLabel(), doc.notes(), parts);
    }

    private ReportPublisher publisher(Path root, boolean force) {
        return new ReportPublisher(service, new PublishedFiles(root.toString(), fixture.ctx().spark().sparkContext().hadoopConfiguration()),
                Progress.silent(), force);
    }

    private static ReportEntry withFingerprint(ReportEntry e, String fingerprint) {
        return new ReportEntry(e.report(), e.period(), e.level(), e.territory(), e.territoryName(), e.title(), e.format(), e.path(),
                e.generatedAt(), fingerprint);
    }

    private static List<ReportEntry> index(Path root) throws IOException {
        return PublishedJson.read(root.resolve(ReportIndexFile.PATH), ReportIndexFile.class).reports();
    }

    private static Map<String, ReportEntry> byPath(List<ReportEntry> entries) {
        Map<String, ReportEntry> out = new HashMap<>();
        entries.forEach(e -> out.put(e.path(), e));
        return out;
    }

    private static Map<String, byte[]> bytes(Path root, List<ReportEntry> entries) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        for (ReportEntry e : entries) out.put(e.path(), Files.readAllBytes(root.resolve(e.path())));
        return out;
    }

    private static Map<String, Long> modified(Path root, List<ReportEntry> entries) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (ReportEntry e : entries) out.put(e.path(), Files.getLastModifiedTime(root.resolve(e.path())).toMillis());
        return out;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        BuiltOnce.copyTree(from, to);
        return to;
    }
}
