package it.cabina.etl.sources;

import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.testing.SparkTestSession;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reader's splitting: what the row rules see as fields, field counts and line numbers. */
class TextLinesTest {
    private static final SourceRules.Format FORMAT = new SourceRules.Format("windows-1252", ";", "\"", "dd/MM/yyyy", ",");

    @TempDir
    java.nio.file.Path dir;

    @Test
    void splitsQuotedFieldsTrimsAndCountsWithFileLineNumbers() throws Exception {
        java.nio.file.Path file = dir.resolve("prestazioni.csv");
        String content = String.join("\r\n",
                "a;b;c",                                 // 1 header
                "  uno ; due;tre  ",                     // 2 spaces around values
                "\"Casa \"\"Serena\"\"; Saronno\";;x",    // 3 quoted separator and doubled quotes; empty field
                "",                                      // 4 blank: left out
                "solo;due",                              // 5 a field missing
                "1;2;3;4",                               // 6 a field too many
                "città;perché;\"\"",                     // 7 windows-1252 letters; an empty quoted field
                "#non;un;commento") + "\r\n";             // 8 '#' is data, not a comment
        Files.write(file, content.getBytes(Charset.forName("windows-1252")));

        List<Row> rows = TextLines.read(SparkTestSession.get(), List.of(new Path(file.toUri())), FORMAT, 3).collectAsList();
        Map<Long, String> byLine = new TreeMap<>();
        for (Row r : rows) {
            assertEquals(TextLines.key(new Path(file.toUri())), r.getString(0));
            byLine.put(r.getLong(1), r.getInt(2) + "|" + Arrays.stream(new int[]{3, 4, 5})
                    .mapToObj(i -> String.valueOf(r.get(i))).collect(Collectors.joining("|")));
        }
        Map<Long, String> expected = new TreeMap<>(Map.of(
                2L, "3|uno|due|tre",
                3L, "3|Casa \"Serena\"; Saronno|null|x",
                5L, "2|solo|due|null",
                6L, "4|1|2|3",
                7L, "3|città|perché|null",
                8L, "3|#non|un|commento"));
        assertEquals(expected, byLine);
    }
}
