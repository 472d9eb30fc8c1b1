package dev.seqmind.spark.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.col;

/**
 * The layout of an ingested log on a cluster: {@code DIR/sequences/bucket=B/*.parquet}, one row per user with the
 * user's events in time order (ties in input order), and {@code DIR/ingest.json} ({@link IngestSummary}).
 *
 * <p>Row: {@code user: string, items: array<string>, actions: array<string>, times: array<bigint>,
 * sources: array<bigint>} where a source is {@code fileIndex << 40 | line}, the row's place in the input. Sources let
 * {@link #toDataset} number users, items and actions in order of first appearance, as the single-machine ingest does.
 * Stateless.
 */
public final class SequenceTable {
    public static final String BUCKET = "bucket";
    static final StructType EVENT_SCHEMA = new StructType()
            .add("user", DataTypes.StringType, false).add("item", DataTypes.StringType, false)
            .add("action", DataTypes.StringType, false).add("time", DataTypes.LongType, false)
            .add("file", DataTypes.IntegerType, false).add("line", DataTypes.LongType, false);
    static final StructType SEQUENCE_SCHEMA = new StructType()
            .add("user", DataTypes.StringType, false)
            .add("items", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("actions", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("times", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("sources", DataTypes.createArrayType(DataTypes.LongType, false), false);

    private SequenceTable() {
    }

    public static String sequencesPath(String dir) {
        return dir + "/sequences";
    }

    public static String summaryPath(String dir) {
        return dir + "/ingest.json";
    }

    /** The sequences of an ingested log. */
    public static Dataset<Row> read(SparkSession spark, String dir) {
        requireExists(spark, sequencesPath(dir));
        return spark.read().parquet(sequencesPath(dir));
    }

    /** The summary written beside the sequences. */
    public static IngestSummary summary(SparkSession spark, String dir) {
        Path p = new Path(summaryPath(dir));
        requireExists(spark, p.toString());
        try (var in = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(p)) {
            return new ObjectMapper().readValue((java.io.InputStream) in, IngestSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole log as one single-machine dataset (it must fit the driver's memory): the same users, events and
     * dataset description as the single-machine ingest of the same files. Dense ids follow first appearance among the
     * kept rows (the single-machine ingest also numbers ids first seen on rows a later step dropped, so the numbering,
     * not the content, may differ). Save it with {@link dev.seqmind.data.store.DatasetStore#save}.
     */
    public static SequenceDataset toDataset(SparkSession spark, String dir) {
        IngestSummary summary = summary(spark, dir);
        Dataset<Row> rows = read(spark, dir).withColumn("first", array_min(col("sources"))).orderBy("first");
        Map<String, Long> itemFirst = new LinkedHashMap<>();
        Map<String, Long> actionFirst = new LinkedHashMap<>();
        List<String> users = new ArrayList<>();
        List<Row> kept = new ArrayList<>();
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            users.add(r.getString(r.fieldIndex("user")));
            kept.add(r);
            List<String> items = r.getList(r.fieldIndex("items"));
            List<String> actions = r.getList(r.fieldIndex("actions"));
            List<Long> sources = r.getList(r.fieldIndex("sources"));
            for (int k = 0; k < items.size(); k++) {
                itemFirst.merge(items.get(k), sources.get(k), Math::min);
                actionFirst.merge(actions.get(k), sources.get(k), Math::min);
            }
        }
        IdMap itemMap = IdMap.of(byFirst(itemFirst));
        IdMap actionMap = IdMap.of(byFirst(actionFirst));
        int n = 0;
        for (Row r : kept) {
            n += r.getList(r.fieldIndex("items")).size();
        }
        int[] offsets = new int[users.size() + 1];
        int[] items = new int[n];
        long[] times = new long[n];
        byte[] actions = new byte[n];
        int e = 0;
        for (int u = 0; u < kept.size(); u++) {
            Row r = kept.get(u);
            List<String> its = r.getList(r.fieldIndex("items"));
            List<String> acts = r.getList(r.fieldIndex("actions"));
            List<Long> ts = r.getList(r.fieldIndex("times"));
            for (int k = 0; k < its.size(); k++, e++) {
                items[e] = itemMap.denseId(its.get(k));
                actions[e] = (byte) actionMap.denseId(acts.get(k));
                times[e] = ts.get(k);
            }
            offsets[u + 1] = e;
        }
        return new SequenceDataset(IdMap.of(users), itemMap, actionMap, offsets, items, times, actions,
                new ItemCatalog(Map.of()), info(summary));
    }

    private static List<String> byFirst(Map<String, Long> first) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(first.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** The description the single-machine ingest gives the same dataset. */
    static DatasetInfo info(IngestSummary s) {
        StepReport read = s.report().steps().get(0);
        DatasetInfo info = new DatasetInfo(s.name(), s.files(), TimeKind.valueOf(s.timeKind()), List.of(), false)
                .withStep("read " + read.rowsOut() + " of " + read.rowsIn() + " rows");
        for (StepReport r : s.report().steps().subList(1, s.report().steps().size())) {
            info = info.withStep(r.step() + ": " + r.detail() + " (dropped " + r.dropped() + ")");
        }
        return info;
    }

    private static void requireExists(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw new SeqmindException(path + ": no such file or directory (write it with seqmind-spark ingest)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
