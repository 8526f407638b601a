package it.cabina.etl.sources.afam;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the small {@code ;}-separated alias lists of {@code conf/territory}: UTF-8, a header, {@code #} comment lines. */
final class AliasFiles {
    private AliasFiles() {}

    /** The rows of the file (blank rows skipped), each checked for the required columns; empty if the file is absent. */
    static List<Map<String, String>> read(Path file, List<String> requiredColumns) {
        if (file == null || !Files.isRegularFile(file)) return List.of();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';').withComments();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(Files.newBufferedReader(file))) {
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> r = it.nextValue();
                line++;
                if (r.values().stream().allMatch(v -> v == null || v.isBlank())) continue;
                for (String col : requiredColumns) {
                    String v = r.get(col);
                    if (v == null || v.isBlank()) {
                        throw new ConfigException(file + ": missing '" + col + "' in row " + r);
                    }
                }
                rows.add(r);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) throw ce;
            throw new ConfigException("cannot read alias file " + file + ": " + e.getMessage());
        }
        return rows;
    }
}
