package it.cabina.reports;

import it.cabina.reports.service.ReportService;

import it.cabina.reports.render.DocumentRenderer;
import it.cabina.warehouse.published.ReportKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The registry's templates are the templates there are: each one exists, in its kind's folder, and none is left out. */
class ReportKindTemplatesTest {

    @Test
    void everyRegisteredTemplateExistsAndEveryTemplateIsRegistered() throws Exception {
        Path root = Path.of(ReportKindTemplatesTest.class.getResource("/templates").toURI());
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".jrxml"))
                    .forEach(f -> present.add(root.relativize(f).toString().replace('\\', '/').replace(".jrxml", "")));
        }
        for (ReportKind kind : ReportKind.values()) {
            assertFalse(kind.templates().isEmpty(), kind.slug());
            for (String t : kind.templates()) {
                assertTrue(present.contains(t), kind.slug() + ": no templates/" + t + ".jrxml");
                assertTrue(t.startsWith(kind.slug() + "/"), kind.slug() + ": " + t + " is not in the kind's folder");
            }
        }
        Set<String> unregistered = new HashSet<>(present);
        ReportService.TEMPLATES.forEach(unregistered::remove);
        assertEquals(Set.of(DocumentRenderer.DOCUMENT_TEMPLATE), unregistered, "templates compiled by no run (the PDF frame aside)");
    }
}
