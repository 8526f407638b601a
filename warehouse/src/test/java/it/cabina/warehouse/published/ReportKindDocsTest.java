package it.cabina.warehouse.published;

import it.cabina.warehouse.config.CabinaConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The documentation names every registered report kind, as the registry has it, and no other. */
class ReportKindDocsTest {

    @Test
    void docsReportsTableHasARowPerRegisteredKind() throws IOException {
        List<String> rows = Files.readAllLines(CabinaConfig.locateHome().resolve("docs/reports.md")).stream()
                .filter(l -> l.startsWith("| `")).toList();
        for (ReportKind kind : ReportKind.values()) {
            String start = "| `" + kind.slug() + "` — " + kind.title() + " | ";
            String row = rows.stream().filter(r -> r.startsWith(start)).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/reports.md has no row starting with \"" + start + "\""));
            String period = row.substring(start.length()).split("\\|")[0];
            assertTrue(period.startsWith(kind.yearly() ? "year" : "semester"), kind.slug() + ": period column \"" + period + "\"");
        }
        for (String row : rows) {
            String slug = row.substring(3, row.indexOf('`', 3));
            assertTrue(ReportKind.find(slug).isPresent(), "docs/reports.md describes '" + slug + "', not a registered kind");
        }
    }

    @Test
    void theReadmesReportCommandNamesEveryKind() throws IOException {
        String row = Files.readAllLines(CabinaConfig.locateHome().resolve("README.md")).stream()
                .filter(l -> l.startsWith("| `./cabina report ")).findFirst().orElseThrow();
        for (String slug : ReportKind.slugs()) assertTrue(row.contains("`" + slug + "`"), "README's report command: " + slug);
    }
}
