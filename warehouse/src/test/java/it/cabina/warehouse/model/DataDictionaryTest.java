package it.cabina.warehouse.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gold and aggregate sections of docs/data-dictionary.md are what the models' YAML says, column by column. */
class DataDictionaryTest {
    @Test
    void theGeneratedSectionsMatchTheModels() throws Exception {
        Path file = Path.of(System.getProperty("cabina.home", "..")).resolve("docs/data-dictionary.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String expected = DataDictionary.replaceGenerated(text, DataDictionary.render(List.of(Models.gold(), Models.aggregates())));
        if (Boolean.getBoolean("cabina.docs.write")) Files.writeString(file, expected, StandardCharsets.UTF_8);
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8),
                "docs/data-dictionary.md differs from model/*/models.yaml: regenerate it with "
                        + "mvn -B -q -pl warehouse test -Dtest=DataDictionaryTest -Dcabina.docs.write=true");
    }

    @Test
    void everyModelFolderLoadsAndIsInDependencyOrder() {
        ModelFolder gold = Models.gold();
        List<String> order = gold.inDependencyOrder().stream().map(Model::name).toList();
        for (Model m : gold.inDependencyOrder()) {
            for (Model read : gold.readBy(m)) {
                assertEquals(true, order.indexOf(read.name()) < order.indexOf(m.name()), m.name() + " is built after " + read.name());
            }
        }
        assertEquals(List.of(), gold.readBy(gold.get("dim_date")));
        assertEquals(List.of("dim_ambito"), gold.readBy(gold.get("dim_territory")).stream().map(Model::name).toList(), "through the Ambiti of the run");
        assertEquals(List.of("dim_date", "dim_unit"), gold.readBy(gold.get("fact_unit_snapshot")).stream().map(Model::name).toList());
        assertEquals(10, Models.aggregates().models().size());
    }
}
