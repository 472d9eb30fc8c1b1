package dev.seqmind.spark.ingest;

import dev.seqmind.data.error.SeqmindException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Parquet input files. Spark's own Parquet reader reads each file (any Hadoop file system, any row-group layout) and
 * hands its rows, in file order, to one task as one JSON object per row. That task parses them with seqmind-data's
 * JSON-lines reader ({@link ParsedFile}), so every row passes the checks a JSON-lines row passes (missing user or
 * item, bad or implausible time, control characters, ...) with the same column names, and a dropped row is reported as
 * {@code file.parquet:ROW}, the row's 1-based position in the file. Columns Spark writes as JSON numbers (integers)
 * and strings are read as in a JSON-lines file; Parquet timestamps become ISO-8601 instants. Stateless.
 */
final class ParquetInput {
    private ParquetInput() {
    }

    /** Whether {@code file} is read as Parquet under the job's {@code format} ({@code auto}: by its name). */
    static boolean isParquet(String file, String format) {
        return "parquet".equals(format)
                || "auto".equals(format) && file.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * The one-element RDD of {@code file}'s parse.
     *
     * @throws SeqmindException naming the file when it is missing or not Parquet
     */
    static JavaRDD<ParsedFile> parse(SparkSession spark, int fileIndex, String file, CleaningSpec cleaning) {
        Dataset<Row> rows;
        try {
            rows = spark.read().parquet(file);
        } catch (Exception e) { // Spark raises its checked SparkException from Scala code
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            throw new SeqmindException(file + ": not a readable Parquet file (" + why + ")");
        }
        return rows.toJSON().javaRDD().coalesce(1).mapPartitions(lines -> List.of(ParsedFile.parse(fileIndex, file,
                local -> {
                    try (BufferedWriter w = Files.newBufferedWriter(local, StandardCharsets.UTF_8)) {
                        while (lines.hasNext()) {
                            w.write(lines.next());
                            w.write('\n');
                        }
                    }
                }, "JSONL", cleaning.timeRange())).iterator());
    }
}
