package it.cabina.etl.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code _manifest.json} of one export version, written last inside it: which run and reference date the data are
 * (so that a figure in a paper can cite its data), when and by which code the export was made, and per table its rows,
 * its files with their bytes, and its schema (Spark SQL types, as the data dictionary gives them).
 */
public record ExportManifest(String export, @JsonProperty("run_id") String runId, @JsonProperty("as_of") String asOf,
                             @JsonProperty("generated_at") String generatedAt, @JsonProperty("code_version") String codeVersion,
                             List<TableFiles> tables) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).build();

    /** One table: its rows, files (paths relative to the version folder), their bytes, its schema and layout. */
    public record TableFiles(String name, long rows, @JsonProperty("person_level") boolean personLevel, List<FileEntry> files,
                             long bytes, List<Field> schema, @JsonProperty("partitioned_by") List<String> partitionedBy,
                             @JsonProperty("sorted_by") List<String> sortedBy) {}

    public record FileEntry(String path, long bytes) {}

    public record Field(String name, String type) {}

    public String json() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ExportManifest read(byte[] json) throws IOException {
        return JSON.readValue(json, ExportManifest.class);
    }

    public TableFiles table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The data files under {@code dir} (Parquet and CSV, recursively: partition folders too), relative to
     * {@code version}, sorted; Hadoop's checksums, markers and the export's own stamps (names starting with {@code .}
     * or {@code _}) are not data.
     */
    static List<FileEntry> files(FileSystem fs, Path version, Path dir) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        String base = fs.makeQualified(version).toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            String name = s.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_") || !(name.endsWith(".parquet") || name.endsWith(".csv"))) continue;
            String path = fs.makeQualified(s.getPath()).toUri().getPath();
            out.add(new FileEntry(path.substring(base.length() + 1), s.getLen()));
        }
        out.sort(Comparator.comparing(FileEntry::path));
        return out;
    }

    /**
     * The rows of the Parquet files among {@code files} (relative to {@code version}), summed from their footers: what
     * was written, without reading the table again.
     */
    static long parquetRows(FileSystem fs, Path version, List<FileEntry> files) throws IOException {
        long rows = 0;
        for (FileEntry f : files) {
            if (!f.path().endsWith(".parquet")) continue;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(version, f.path()), fs.getConf()))) {
                rows += reader.getRecordCount();
            }
        }
        return rows;
    }

    /** The schema as name and Spark SQL type ({@code decimal(18,2)}, {@code array<string>}), in column order. */
    static List<Field> schema(StructType schema) {
        List<Field> out = new ArrayList<>();
        for (StructField f : schema.fields()) out.add(new Field(f.name(), f.dataType().simpleString()));
        return out;
    }
}
