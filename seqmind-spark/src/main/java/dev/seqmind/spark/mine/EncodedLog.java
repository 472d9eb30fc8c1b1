package dev.seqmind.spark.mine;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ingested log ({@link dev.seqmind.spark.ingest.SequenceTable}) as sequences of itemsets for the miners: items get
 * dense ids in order of first appearance, and each user's events with equal times form one itemset (items sorted, repeats inside an
 * itemset counted once), as {@code ItemsetGrouping.SAME_TIME} does on one machine.
 *
 * @param sequences one per user
 * @param itemNames external id of each dense item id
 */
public record EncodedLog(JavaRDD<EncodedSequence> sequences, List<String> itemNames) {

    public static EncodedLog of(Dataset<Row> table) {
        List<String> names = dev.seqmind.spark.ingest.SequenceTable.itemsInInputOrder(table);
        Map<String, Integer> ids = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        Broadcast<Map<String, Integer>> shared = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext())
                .broadcast(ids);
        JavaRDD<EncodedSequence> seqs = table.select("items", "times").javaRDD().map(r -> encode(
                r.getList(0), r.getList(1), shared.value()));
        return new EncodedLog(seqs, List.copyOf(names));
    }

    private static EncodedSequence encode(List<String> items, List<Long> times, Map<String, Integer> ids) {
        int n = items.size();
        int[] it = new int[n];
        int[] sets = new int[n];
        long[] ts = new long[n];
        int w = 0;
        int set = -1;
        int e = 0;
        while (e < n) {
            int end = e + 1;
            while (end < n && times.get(end).longValue() == times.get(e).longValue()) {
                end++;
            }
            set++;
            int from = w;
            for (int k = e; k < end; k++) {
                it[w++] = ids.get(items.get(k));
            }
            Arrays.sort(it, from, w);
            int u = from;
            for (int k = from; k < w; k++) {
                if (k == from || it[k] != it[u - 1]) {
                    it[u] = it[k];
                    sets[u] = set;
                    ts[u] = times.get(e);
                    u++;
                }
            }
            w = u;
            e = end;
        }
        return new EncodedSequence(Arrays.copyOf(it, w), Arrays.copyOf(sets, w), Arrays.copyOf(ts, w));
    }
}
