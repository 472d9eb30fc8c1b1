package dev.seqmind.spark.mine;

import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRule;
import dev.seqmind.mining.rules.SequentialRuleMiner;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequential rules {@code X => Y} on Spark, equal to {@link SequentialRuleMiner#mine} on the same sequences (same
 * rules, supports, confidences and lifts). Stages: one aggregation counts each item's sequence support; the driver
 * deals the frequent items to partitions as the rules' first (smallest) antecedent items, largest support first to the
 * least loaded partition ({@link SubtreePlan}); each sequence, without its infrequent items, goes to every partition
 * owning one of its items; each partition runs the mining module's search on its share
 * ({@link SequentialRuleMiner#mineShare}). A rule's sequences all hold its first item, so every support and confidence
 * is the whole log's. The lift needs the consequent's support over the whole log: single items have it from the first
 * aggregation, larger consequents from one more pass. Shuffle volume is at most (partitions x frequent elements).
 * Stateless.
 */
public final class SparkRuleMiner {
    private SparkRuleMiner() {
    }

    /**
     * The rules found, in no particular order.
     *
     * @param rules      every rule, with item ids of the mined sequences
     * @param sequences  sequences in the log
     * @param minSupport the absolute minimum support applied
     */
    public record Result(List<SequentialRule> rules, long sequences, long minSupport) {
    }

    /** The executors' view of the parameters (the mining module's records stay free of serialization). */
    private record Shipped(long minSupport, double minConfidence, int maxAntecedent, int maxConsequent,
                           long maxRules, long maxHeapBytes) implements Serializable {
        RuleParams params() {
            return new RuleParams(MinSupport.count(minSupport), minConfidence, maxAntecedent, maxConsequent, 1,
                    new MiningBudget(maxRules, maxHeapBytes));
        }
    }

    /**
     * Mines {@code sequences}, whose items are dense ids in {@code [0, numItems)}.
     *
     * @param partitions how many partitions share the first items (2-4 per executor core)
     * @throws BudgetExceededException when the rules outnumber {@code params.budget().maxPatterns()} or a partition
     *                                 runs out of its memory budget
     */
    public static Result mine(JavaRDD<EncodedSequence> sequences, int numItems, RuleParams params, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(sequences.context());
        long n = sequences.count();
        long minSup = params.minSupport().absolute(n);
        long[] support = SparkSequenceMiner.itemSupports(sequences, numItems);
        SubtreePlan plan = SubtreePlan.of(support, minSup, partitions);
        Broadcast<SubtreePlan> shared = sc.broadcast(plan);
        Shipped local = new Shipped(minSup, params.minConfidence(), params.maxAntecedent(), params.maxConsequent(),
                params.budget().maxPatterns(), params.budget().maxHeapBytes());
        List<MinedRule> mined = sequences.flatMapToPair(s -> {
            int[] owner = shared.value().owner();
            List<Tuple2<Integer, EncodedSequence>> out = new ArrayList<>();
            EncodedSequence frequent = null;
            boolean[] seen = new boolean[shared.value().partitions()];
            for (int item : s.items()) {
                int part = owner[item];
                if (part >= 0 && !seen[part]) {
                    seen[part] = true;
                    frequent = frequent == null ? s.frequentPart(owner) : frequent;
                    out.add(new Tuple2<>(part, frequent));
                }
            }
            return out.iterator();
        }).partitionBy(new HashPartitioner(partitions)).mapPartitionsWithIndex((part, it) -> {
            SequenceDatabase db = PartDatabase.of("part-" + part, it, numItems);
            List<MinedRule> out = new ArrayList<>();
            SequentialRuleMiner.mineShare(db, local.minSupport(), local.params(), shared.value().roots(part),
                    r -> out.add(MinedRule.of(r)));
            return out.iterator();
        }, true).collect();
        if (mined.size() > params.budget().maxPatterns()) {
            throw new BudgetExceededException("rule mining stopped at the budget of " + params.budget().maxPatterns()
                    + " rules; raise the minimum support or confidence, or raise the budget",
                    params.budget().maxPatterns());
        }
        Map<String, Long> larger = consequentSupports(sequences, mined);
        List<SequentialRule> rules = new ArrayList<>(mined.size());
        for (MinedRule r : mined) {
            long supY = r.consequent().length == 1 ? support[r.consequent()[0]] : larger.get(key(r.consequent()));
            rules.add(new SequentialRule(r.antecedent(), r.consequent(), r.support(), r.confidence(),
                    SequentialRule.lift(r.confidence(), supY, n)));
        }
        return new Result(List.copyOf(rules), n, minSup);
    }

    /** Sequences holding every item of each consequent of two or more items, in one pass over the log. */
    private static Map<String, Long> consequentSupports(JavaRDD<EncodedSequence> sequences, List<MinedRule> rules) {
        Map<Integer, List<int[]>> byFirst = new HashMap<>();
        Map<String, Boolean> distinct = new HashMap<>();
        for (MinedRule r : rules) {
            int[] c = r.consequent();
            if (c.length > 1 && distinct.putIfAbsent(key(c), Boolean.TRUE) == null) {
                byFirst.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c);
            }
        }
        if (byFirst.isEmpty()) {
            return Map.of();
        }
        Broadcast<Map<Integer, List<int[]>>> shared = JavaSparkContext.fromSparkContext(sequences.context())
                .broadcast(byFirst);
        Map<String, Long> counts = new HashMap<>();
        sequences.flatMap(s -> {
            int[] items = Arrays.stream(s.items()).distinct().sorted().toArray();
            List<String> held = new ArrayList<>();
            for (int item : items) {
                for (int[] c : shared.value().getOrDefault(item, List.of())) {
                    if (Arrays.stream(c).allMatch(x -> Arrays.binarySearch(items, x) >= 0)) {
                        held.add(key(c));
                    }
                }
            }
            return held.iterator();
        }).countByValue().forEach(counts::put);
        return counts;
    }

    private static String key(int[] items) {
        return Arrays.toString(items);
    }
}
