package dev.seqmind.spark.mine;

import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import dev.seqmind.mining.sequence.SubtreeShare;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sequential patterns on Spark, equal to {@link SequentialPatternMiner#mine} on the same sequences (same patterns,
 * same supports, for every {@link dev.seqmind.mining.sequence.PatternConstraints}), for {@code ALL} output without
 * top-k. Stages: one aggregation counts each item's sequence support; the driver plans the subtrees
 * ({@link SubtreePlan}) and broadcasts the plan; each sequence is shipped, as a suffix without infrequent items, to
 * every partition owning one of its items; each partition then mines its subtrees with the mining module's search.
 * Shuffle volume is at most (partitions x frequent elements); each partition holds its projected sequences in memory.
 * Stateless.
 */
public final class SparkSequenceMiner {
    private SparkSequenceMiner() {
    }

    /**
     * Mines {@code sequences}, whose items are dense ids in {@code [0, numItems)}.
     *
     * @param partitions how many partitions share the subtrees (2-4 per executor core)
     */
    public static JavaRDD<MinedPattern> mine(JavaRDD<EncodedSequence> sequences, int numItems,
                                             SequenceMiningParams params, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(sequences.context());
        long n = sequences.count();
        long minSup = params.minSupport().absolute(n);
        long[] support = itemSupports(sequences, numItems);
        SubtreePlan plan = SubtreePlan.of(support, minSup, partitions);
        Broadcast<SubtreePlan> shared = sc.broadcast(plan);
        ShippedParams local = ShippedParams.of(params, minSup);
        local.params(); // rejects a bad combination here, on the driver
        JavaPairRDD<Integer, EncodedSequence> projected = sequences.flatMapToPair(s -> {
            SubtreePlan p = shared.value();
            List<Tuple2<Integer, EncodedSequence>> out = new ArrayList<>();
            boolean[] seen = new boolean[p.partitions()];
            for (int item : s.items()) {
                int part = p.owner()[item];
                if (part >= 0 && !seen[part]) {
                    seen[part] = true;
                    out.add(new Tuple2<>(part, s.suffixFor(part, p.owner())));
                }
            }
            return out.iterator();
        }).partitionBy(new HashPartitioner(partitions));
        return projected.mapPartitionsWithIndex((part, it) -> minePart(part, it, shared.value(), numItems, local),
                true);
    }

    /** Sequence support of every item (an item counts once per sequence). */
    static long[] itemSupports(JavaRDD<EncodedSequence> sequences, int numItems) {
        Map<Integer, Long> counts = sequences.flatMap(s -> java.util.Arrays.stream(s.items()).distinct().iterator())
                .countByValue();
        long[] support = new long[numItems];
        counts.forEach((item, c) -> support[item] = c);
        return support;
    }

    private static Iterator<MinedPattern> minePart(int part, Iterator<Tuple2<Integer, EncodedSequence>> it,
                                                   SubtreePlan plan, int numItems, ShippedParams params) {
        SequenceDatabase db = PartDatabase.of("part-" + part, it, numItems);
        List<MinedPattern> out = new ArrayList<>();
        SequentialPatternMiner.mineSubtrees(db, params.params(), new SubtreeShare(plan.orderOfItem(), plan.roots(part)),
                (pattern, length, support) -> out.add(new MinedPattern(Pattern.copyOf(pattern, length, support)
                        .items(), support)));
        return out.iterator();
    }
}
