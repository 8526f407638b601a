package it.cabina.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.Levels;
import it.cabina.warehouse.published.PublishedJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static it.cabina.portal.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The fixture's reports folder is made of the published types the nightly writes, and the portal reads back exactly
 * what they hold: a key the types do not know, or one they miss, fails here rather than showing as an empty cell.
 */
class PortalPublishedFilesTest {
    static final ObjectMapper TREE = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void everyFixtureFileHasExactlyTheKeysOfItsPublishedType() throws IOException {
        Path reports = Fixtures.reports(root);
        for (Map.Entry<String, Class<?>> f : PUBLISHED_FILES.entrySet()) {
            byte[] json = Files.readAllBytes(reports.resolve(f.getKey()));
            JsonNode written = TREE.readTree(json);
            JsonNode again = TREE.readTree(PublishedJson.write(PublishedJson.read(json, f.getValue())));
            assertEquals(written, again, f.getKey());
        }
    }

    @Test
    void thePortalReadsTheSameObjectsTheFixtureBuilt() throws IOException {
        Path reports = Fixtures.reports(root);
        PublishedData data = new PublishedData(new ReportFiles(reports));
        Territory busto = TERRITORIES.get(0);
        Dashboard dashboard = data.dashboard(2026, Level.AMBITO, busto.code()).orElseThrow();
        assertEquals(Fixtures.dashboard(2026, busto), dashboard);
        assertEquals(Fixtures.status(), data.loadStatus().orElseThrow());
        assertEquals(TERRITORIES.size() * 5 + 5, new ReportIndex(reports).entries().size(), "five reports of each territory, and a comparison above the Ambito");
        assertTrue(new ReportIndex(reports).entries().stream().allMatch(e -> e.title() != null && e.territoryName() != null));
    }

    @Test
    void thePortalKnowsEveryPublishedLevelInTheSameOrder() {
        assertEquals(Levels.ALL, Arrays.stream(Level.values()).map(Level::name).toList());
    }
}
