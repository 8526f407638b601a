package it.cabina.etl.sources;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import it.cabina.etl.rules.SourceRules;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data lines of delimited text files, split into fields, with their file and 1-based line number, decoded from
 * the file's charset. Spark's text reader only decodes UTF-8 and forgets line numbers, so this reads through Hadoop's
 * TextInputFormat with one split per file (files are per delivery, so parallelism comes from the number of files).
 * Lines are split by univocity (the parser Spark's CSV reader uses), one parser per file: Spark's {@code from_csv}
 * needs a second projection per line. The header (line 1) and blank lines are left out; a UTF-8 byte-order mark is
 * dropped. Fields come as columns {@code c0, c1, …} of the header's width, without the spaces around them and null
 * when empty; {@link #COUNT} is the number of fields the line really has, so that a wrong count can be reported.
 */
public final class TextLines {
    public static final String PATH = "_path";
    public static final String LINE = "_line";
    public static final String COUNT = "_count";

    /** The column of the field at {@code index} (0-based) of the header. */
    public static String field(int index) {
        return "c" + index;
    }

    public static StructType schema(int width) {
        StructType schema = new StructType()
                .add(PATH, DataTypes.StringType, false)
                .add(LINE, DataTypes.LongType, false)
                .add(COUNT, DataTypes.IntegerType, false);
        for (int i = 0; i < width; i++) schema = schema.add(field(i), DataTypes.StringType, true);
        return schema;
    }

    private TextLines() {}

    /** The key that identifies a file in {@link #PATH}: the path part of its URI. */
    public static String key(Path p) {
        return p.toUri().getPath();
    }

    /** @param width the number of fields the header has */
    public static Dataset<Row> read(SparkSession spark, List<Path> files, SourceRules.Format format, int width) {
        if (files.isEmpty()) return spark.createDataFrame(new ArrayList<>(), schema(width));
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        conf.setLong("mapreduce.input.fileinputformat.split.minsize", Long.MAX_VALUE);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String joined = files.stream().map(Path::toString).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> rdd = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopFile(joined, TextInputFormat.class, LongWritable.class, Text.class, conf);
        JavaRDD<Row> rows = rdd.mapPartitionsWithInputSplit(
                (split, it) -> new Lines(key(((FileSplit) split).getPath()), ((FileSplit) split).getStart(), it, format, width), false);
        // many small deliveries would make one tiny task each: group them into partitions of a useful size
        int partitions = partitions(files, conf, jsc.defaultParallelism());
        if (partitions < files.size()) rows = rows.coalesce(partitions);
        return spark.createDataFrame(rows, schema(width));
    }

    static final long TARGET_PARTITION_BYTES = 64L << 20;
    static final int MAX_FIELDS = 1024;

    /** About 64 MB per partition, at least the cluster's parallelism, at most one per file. */
    static int partitions(List<Path> files, Configuration conf, int parallelism) {
        long bytes = 0;
        for (Path p : files) {
            try {
                bytes += p.getFileSystem(conf).getFileStatus(p).getLen();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + p, e);
            }
        }
        long bySize = (bytes + TARGET_PARTITION_BYTES - 1) / TARGET_PARTITION_BYTES;
        return (int) Math.min(files.size(), Math.max(parallelism, bySize));
    }

    private static final class Lines implements Iterator<Row> {
        private final String path;
        private final Iterator<Tuple2<LongWritable, Text>> in;
        private final Charset charset;
        private final CsvParser parser;
        private final int width;
        private long line;
        private Row next;

        Lines(String path, long splitStart, Iterator<Tuple2<LongWritable, Text>> in, SourceRules.Format format, int width) {
            if (splitStart != 0) throw new IllegalStateException("a file was split: line numbers would be wrong (" + path + ")");
            this.path = path;
            this.in = in;
            this.charset = Charset.forName(format.encoding());
            this.parser = new CsvParser(settings(format));
            this.width = width;
            advance();
        }

        /** As Spark reads CSV: values as written (no trimming), empty and missing fields both as "". */
        private static CsvParserSettings settings(SourceRules.Format format) {
            CsvParserSettings s = new CsvParserSettings();
            char quote = format.quote() == null ? '"' : format.quote().charAt(0);
            s.getFormat().setDelimiter(format.separator());
            s.getFormat().setQuote(quote);
            s.getFormat().setQuoteEscape(quote);
            s.getFormat().setComment('\0');
            s.setIgnoreLeadingWhitespaces(false);
            s.setIgnoreTrailingWhitespaces(false);
            s.setNullValue("");
            s.setEmptyValue("");
            s.setMaxCharsPerColumn(-1);
            s.setMaxColumns(MAX_FIELDS);
            s.setInputBufferSize(4096);
            s.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
            return s;
        }

        private Row row(String text) {
            String[] fields;
            try {
                fields = parser.parseLine(text);
            } catch (TextParsingException e) {
                fields = new String[0]; // more than MAX_FIELDS fields: reported as a wrong number of fields
            }
            if (fields == null) fields = new String[]{""};
            Object[] values = new Object[3 + width];
            values[0] = path;
            values[1] = line;
            values[2] = fields.length;
            for (int i = 0; i < width && i < fields.length; i++) values[3 + i] = trimmed(fields[i]);
            return RowFactory.create(values);
        }

        /** Without the spaces around it (as SQL's trim), null when nothing is left. */
        private static String trimmed(String s) {
            int from = 0, to = s.length();
            while (from < to && s.charAt(from) == ' ') from++;
            while (to > from && s.charAt(to - 1) == ' ') to--;
            return from == to ? null : s.substring(from, to);
        }

        private void advance() {
            next = null;
            while (in.hasNext()) {
                Text t = in.next()._2();
                line++;
                String s = new String(t.getBytes(), 0, t.getLength(), charset);
                if (line == 1) continue;
                if (s.isBlank()) continue;
                next = row(s);
                return;
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            Row r = next;
            advance();
            return r;
        }
    }
}
