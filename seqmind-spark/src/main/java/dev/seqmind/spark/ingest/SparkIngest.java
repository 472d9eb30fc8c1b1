package dev.seqmind.spark.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.ingest.IngestReport;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.read.InputFormat;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

/**
 * The ingest job: parse every file with seqmind-data's reader (one task per file; Parquet files are read by Spark and
 * their rows parsed as JSON lines, see {@link ParquetInput}), gather each user's rows in one
 * partition, clean them with seqmind-data's per-user steps, and write {@link SequenceTable}'s layout (Parquet
 * partitioned by user bucket) plus {@code ingest.json} (the cleaning report and the dataset's description). The report
 * equals the single-machine one on the same files. Files are taken in the order given (a directory's files by name).
 * Stateless.
 */
public final class SparkIngest {
    private SparkIngest() {
    }

    /**
     * Runs the job.
     *
     * @param inputs files or directories on any Hadoop file system
     * @param format an {@link InputFormat} name, or {@code auto} to detect each file's format as seqmind does
     * @throws SeqmindException when an input is missing or a file cannot be read in its format
     */
    public static IngestSummary run(SparkSession spark, List<String> inputs, String format, CleaningSpec cleaning,
                                    String name, String out, int partitions) {
        String fmt = format.toLowerCase(Locale.ROOT).equals("auto") ? "auto" : formatName(format);
        List<String> files = listFiles(spark, inputs);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            indexOf.put(qualified(spark, files.get(i)), i);
        }
        List<String> text = files.stream().filter(f -> !ParquetInput.isParquet(f, fmt)).toList();
        List<JavaRDD<ParsedFile>> pieces = new ArrayList<>();
        if (!text.isEmpty()) {
            pieces.add(sc.binaryFiles(String.join(",", text), text.size()).map(t -> {
                int f = indexOf.get(t._1());
                return ParsedFile.parse(f, files.get(f), t._2(), fmt, cleaning.timeRange());
            }));
        }
        for (int f = 0; f < files.size(); f++) {
            if (ParquetInput.isParquet(files.get(f), fmt)) {
                pieces.add(ParquetInput.parse(spark, f, files.get(f), cleaning));
            }
        }
        JavaRDD<ParsedFile> parsed = (pieces.size() == 1 ? pieces.getFirst()
                : sc.union(pieces.toArray(JavaRDD[]::new))).persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            List<ParsedFile> heads = unwrap(() -> parsed.map(p -> new ParsedFile(p.fileIndex(), List.of(), p.read(),
                    p.timeKind())).collect());
            List<Tally> reads = heads.stream().sorted((a, b) -> Integer.compare(a.fileIndex(), b.fileIndex()))
                    .map(ParsedFile::read).toList();
            String timeKind = heads.stream().map(ParsedFile::timeKind).reduce((a, b) -> b).orElse("EPOCH_MILLIS");
            Dataset<Row> events = spark.createDataFrame(parsed.flatMap(p -> p.rows().iterator()),
                    SequenceTable.EVENT_SCHEMA);
            JavaRDD<UserCleaner> cleaned = events.repartition(partitions, col("user"))
                    .sortWithinPartitions("file", "line").javaRDD()
                    .mapPartitions(rows -> List.of(UserCleaner.clean(rows, files, timeKind, cleaning)).iterator())
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            try {
                Dataset<Row> seqs = spark.createDataFrame(cleaned.flatMap(c -> c.sequences().iterator()),
                        SequenceTable.SEQUENCE_SCHEMA);
                unwrap(() -> {
                    seqs.withColumn(SequenceTable.BUCKET, pmod(hash(col("user")), lit(partitions)))
                            .write().mode(SaveMode.ErrorIfExists).partitionBy(SequenceTable.BUCKET)
                            .parquet(SequenceTable.sequencesPath(out));
                    return null;
                });
                List<List<Tally>> steps = cleaned.map(UserCleaner::tallies).collect();
                IngestReport report = report(reads, steps, cleaning, files.size());
                IngestSummary summary = new IngestSummary(name, files, timeKind, report);
                writeJson(spark, out, summary);
                return summary;
            } finally {
                cleaned.unpersist(false);
            }
        } finally {
            parsed.unpersist(false);
        }
    }

    private static IngestReport report(List<Tally> reads, List<List<Tally>> partitions, CleaningSpec cleaning,
                                       int numFiles) {
        List<StepReport> steps = new ArrayList<>();
        steps.add(Tally.merge("read", numFiles + " file(s)", reads, true));
        var specSteps = cleaning.steps();
        for (int s = 0; s < specSteps.size(); s++) {
            int k = s;
            List<Tally> pieces = partitions.stream().map(p -> p.get(k)).toList();
            steps.add(Tally.merge(specSteps.get(s).name(), specSteps.get(s).detail(), pieces, false));
        }
        return new IngestReport(steps);
    }

    private static void writeJson(SparkSession spark, String out, IngestSummary summary) {
        try {
            Path p = new Path(SequenceTable.summaryPath(out));
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (var os = fs.create(p, false)) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue((java.io.OutputStream) os, summary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files under {@code inputs} in order (directories expanded, their files by name, hidden ones skipped). */
    static List<String> listFiles(SparkSession spark, List<String> inputs) {
        List<String> files = new ArrayList<>();
        try {
            for (String in : inputs) {
                Path p = new Path(in);
                FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (!fs.exists(p)) {
                    throw new SeqmindException(in + ": no such file or directory");
                }
                FileStatus st = fs.getFileStatus(p);
                if (st.isDirectory()) {
                    FileStatus[] children = fs.listStatus(p);
                    Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
                    for (FileStatus c : children) {
                        String n = c.getPath().getName();
                        if (c.isFile() && !n.startsWith(".") && !n.startsWith("_")) {
                            files.add(in.endsWith("/") ? in + n : in + "/" + n);
                        }
                    }
                } else {
                    files.add(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new SeqmindException(String.join(", ", inputs) + ": no input file");
        }
        return files;
    }

    private static String qualified(SparkSession spark, String file) {
        try {
            Path p = new Path(file);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String formatName(String format) {
        if (format.equalsIgnoreCase("parquet")) {
            return "parquet";
        }
        try {
            return InputFormat.valueOf(format.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("--format", format, "auto, parquet or one of "
                    + Arrays.toString(InputFormat.values()).toLowerCase(Locale.ROOT));
        }
    }

    /** Runs a Spark action, rethrowing a seqmind error raised in a task as itself (one clear message). */
    static <T> T unwrap(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SeqmindException s) {
                    throw s;
                }
                if (t instanceof UncheckedIOException u) {
                    throw u;
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
