package it.cabina.etl.sources;

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
 * The data lines of delimited text files, with their file and 1-based line number, decoded from the file's charset.
 * Spark's text reader only decodes UTF-8 and forgets line numbers, so this reads through Hadoop's TextInputFormat
 * with one split per file (files are per delivery, so parallelism comes from the number of files).
 * The header (line 1) and blank lines are left out; a UTF-8 byte-order mark is dropped.
 */
public final class TextLines {
    public static final String PATH = "_path";
    public static final String LINE = "_line";
    public static final String TEXT = "_text";
    public static final StructType SCHEMA = new StructType()
            .add(PATH, DataTypes.StringType, false)
            .add(LINE, DataTypes.LongType, false)
            .add(TEXT, DataTypes.StringType, false);

    private TextLines() {}

    /** The key that identifies a file in {@link #PATH}: the path part of its URI. */
    public static String key(Path p) {
        return p.toUri().getPath();
    }

    public static Dataset<Row> read(SparkSession spark, List<Path> files, String charset) {
        if (files.isEmpty()) return spark.createDataFrame(new ArrayList<>(), SCHEMA);
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        conf.setLong("mapreduce.input.fileinputformat.split.minsize", Long.MAX_VALUE);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String joined = files.stream().map(Path::toString).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> rdd = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopFile(joined, TextInputFormat.class, LongWritable.class, Text.class, conf);
        JavaRDD<Row> rows = rdd.mapPartitionsWithInputSplit(
                (split, it) -> new Lines(key(((FileSplit) split).getPath()), ((FileSplit) split).getStart(), it, charset), false);
        // many small deliveries would make one tiny task each: group them into partitions of a useful size
        int partitions = partitions(files, conf, jsc.defaultParallelism());
        if (partitions < files.size()) rows = rows.coalesce(partitions);
        return spark.createDataFrame(rows, SCHEMA);
    }

    static final long TARGET_PARTITION_BYTES = 64L << 20;

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
        private long line;
        private Row next;

        Lines(String path, long splitStart, Iterator<Tuple2<LongWritable, Text>> in, String charset) {
            if (splitStart != 0) throw new IllegalStateException("a file was split: line numbers would be wrong (" + path + ")");
            this.path = path;
            this.in = in;
            this.charset = Charset.forName(charset);
            advance();
        }

        private void advance() {
            next = null;
            while (in.hasNext()) {
                Text t = in.next()._2();
                line++;
                String s = new String(t.getBytes(), 0, t.getLength(), charset);
                if (line == 1) continue;
                if (s.isBlank()) continue;
                next = RowFactory.create(path, line, s);
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
