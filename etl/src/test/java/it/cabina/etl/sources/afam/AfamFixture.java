package it.cabina.etl.sources.afam;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.Territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The real AFAM excerpt of {@code src/test/resources/afam} and the project's territory, for the tests of this package. */
final class AfamFixture {
    private AfamFixture() {}

    static final String RESOURCE = "/afam/unita_offerta.csv";

    static List<Map<String, String>> rows() {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(',').withQuoteChar('"');
        try (InputStream in = AfamFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing test resource " + RESOURCE);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                 MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema).readValues(r)) {
                return it.readAll();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CabinaConfig config() {
        return CabinaConfig.load();
    }

    static Territory territory() {
        CabinaConfig c = config();
        return Territory.load(c.comuniFile(), c.atsAsstFile(), c.ambitiFile(), c.regionCode());
    }
}
