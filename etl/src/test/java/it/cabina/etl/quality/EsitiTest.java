package it.cabina.etl.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.landing.Ledger;
import it.cabina.etl.testing.IndicatorFixture;
import it.cabina.warehouse.files.PublishedFiles;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The esiti of the deliveries of the hand-made {@link IndicatorFixture} (12 loaded, 1 rejected, 2 rows set aside): one per
 * delivery with the ledger's counts, the rows set aside listed as in the quarantine, no tax code, and never rewritten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsitiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    CabinaContext ctx;
    Path esiti;
    int written;

    @BeforeAll
    void write() throws Exception {
        ctx = IndicatorFixture.shared();
        esiti = Files.createTempDirectory("cabina-esiti").resolve("esiti");
        written = esiti().write(line -> { });
    }

    Esiti esiti() {
        return new Esiti(ctx.store(), new PublishedFiles(esiti.toString(), ctx.spark().sparkContext().hadoopConfiguration()));
    }

    JsonNode esito(String sender, String delivery) throws Exception {
        return JSON.readTree(esiti.resolve(sender).resolve(delivery + ".esito.json").toFile());
    }

    @Test
    void everyDeliveryOfTheLedgerHasItsEsitoWithTheLedgersCounts() throws Exception {
        List<Row> ledger = new Ledger(ctx.store()).read().collectAsList();
        assertEquals(13, ledger.size());
        assertEquals(13, written);
        for (Row r : ledger) {
            JsonNode e = esito(r.getAs("sender"), r.getAs("delivery_name"));
            assertEquals(r.<String>getAs("status"), e.get("status").asText());
            assertEquals(r.<String>getAs("delivery_id"), e.get("delivery_id").asText());
            List<Row> files = r.getList(r.fieldIndex("files"));
            assertEquals(files.size(), e.get("files").size());
            for (int i = 0; i < files.size(); i++) {
                JsonNode f = e.get("files").get(i);
                assertEquals(files.get(i).<String>getAs("name"), f.get("name").asText());
                for (String c : List.of("received", "loaded", "set_aside", "warnings")) {
                    assertEquals(files.get(i).<Long>getAs(c), f.get(c).asLong(), r.getAs("delivery_name") + " " + c);
                }
            }
        }
    }

    @Test
    void aRejectedDeliverySaysWhyAndLoadedNothing() throws Exception {
        JsonNode e = esito("AMB-GALLARATE", "CSI_AMB-GALLARATE_20270112T020000");
        assertEquals("REJECTED", e.get("status").asText());
        assertEquals("respinta", e.get("status_text").asText());
        assertTrue(e.get("reasons").toString().contains("file prese_in_carico.csv: column 'data_chiusura' is missing"), e.toString());
        assertTrue(e.get("set_aside_file").isNull());
        assertFalse(Files.exists(esiti.resolve("AMB-GALLARATE/CSI_AMB-GALLARATE_20270112T020000.scarti.csv")));
    }

    @Test
    void theRowsSetAsideAreListedMaskedWithTheirItalianMessage() throws Exception {
        JsonNode e = esito("AMB-SARONNO", "CSI_AMB-SARONNO_20270110T020000");
        assertEquals("LOADED", e.get("status").asText());
        assertEquals("CSI_AMB-SARONNO_20270110T020000.scarti.csv", e.get("set_aside_file").asText());
        List<String> lines = Files.readAllLines(esiti.resolve("AMB-SARONNO/CSI_AMB-SARONNO_20270110T020000.scarti.csv"));
        assertEquals("file,line,field,rule,value,message", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        // P5's birth date (2030) as its year only; C6's comune of five digits
        assertTrue(lines.get(1).startsWith("persone.csv,6,data_nascita,FUTURE_DATE,anno 2030,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("prese_in_carico.csv,7,comune_competenza,FORMAT,12119,"), lines.get(2));
        for (String l : lines.subList(1, lines.size())) {
            String message = l.substring(l.lastIndexOf(',') + 1);
            assertFalse(message.isBlank(), l);
        }
        assertFalse(Files.exists(esiti.resolve("AMB-SARONNO/FLUSSO_AMB-SARONNO_20250710T020000.scarti.csv")), "nothing set aside, no list");
    }

    @Test
    void noTaxCodeInAnyEsitoFileAndNoneIsRewritten() throws Exception {
        List<String> codes = List.of(IndicatorFixture.X, IndicatorFixture.Y, IndicatorFixture.V, IndicatorFixture.Z, IndicatorFixture.W,
                IndicatorFixture.P4, IndicatorFixture.P5);
        List<Path> files;
        try (Stream<Path> s = Files.walk(esiti)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertEquals(14, files.size(), "13 esiti and one list of rows set aside");
        for (Path f : files) {
            String content = Files.readString(f, StandardCharsets.UTF_8);
            for (String cf : codes) assertFalse(content.contains(cf), "tax code in " + f);
        }
        Path one = esiti.resolve("AMB-SARONNO/CSI_AMB-SARONNO_20270110T020000.esito.json");
        byte[] original = Files.readAllBytes(one);
        try {
            Files.writeString(one, "{\"kept\": true}");
            assertEquals(0, esiti().write(line -> { }), "every delivery already has its esito");
            assertEquals("{\"kept\": true}", Files.readString(one), "an esito is never rewritten");
        } finally {
            Files.write(one, original);
        }
    }
}
