package it.cabina.warehouse.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** docs/operations.md shows the scheduling recipes and the alert rules exactly as the files in ops/ hold them. */
class OperationsRecipesTest {

    @Test
    void everyRecipeFileIsInTheDocsAsItIs() throws IOException {
        Path home = CabinaConfig.locateHome();
        String docs = Files.readString(home.resolve("docs/operations.md"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(home.resolve("ops/scheduling"))) {
            files = Stream.concat(s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("__pycache__")),
                    Stream.of(home.resolve("ops/monitoring/cabina-alerts.yml"))).sorted().toList();
        }
        assertEquals(7, files.size(), files.toString());
        for (Path f : files) {
            assertTrue(docs.contains(Files.readString(f).strip()), home.relativize(f) + " is not in docs/operations.md as it is");
        }
    }
}
