package dev.seqmind.spark.mine;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.itemset.AssociationRule;
import dev.seqmind.mining.itemset.AssociationRuleMiner;
import dev.seqmind.mining.itemset.FpGrowthMiner;
import dev.seqmind.mining.itemset.ItemsetParams;
import dev.seqmind.mining.itemset.TransactionDatabase;
import dev.seqmind.mining.sequence.OutputKind;
import dev.seqmind.data.error.InvalidParameterException;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequent itemsets (each user's set of items is one transaction, as {@code seqmind mine itemsets} reads a dataset)
 * and association rules on Spark, by parallel FP-Growth:
 * <ol>
 *   <li>one aggregation counts every item's support; the driver ranks the frequent items by support;</li>
 *   <li>ranks are dealt to {@code groups} groups; each transaction, as ascending ranks, sends to each group it touches
 *       its prefix up to its last rank of that group (the group-dependent transactions of Li et al., PFP, 2008);</li>
 *   <li>each group runs the mining module's own {@link FpGrowthMiner} on its transactions with the global absolute
 *       support and keeps the itemsets whose least frequent item is one of its own: every transaction holding such an
 *       itemset sent the group a prefix that holds it, so its support is the global one, and every itemset is kept by
 *       exactly one group.</li>
 * </ol>
 * Association rules are then derived on the driver by {@link AssociationRuleMiner} from the complete set, as on one
 * machine. Only the complete set ({@link OutputKind#ALL}) is distributed. Shuffle volume: at most groups x frequent
 * items per transaction. Stateless.
 */
public final class SparkItemsetMiner {
    private SparkItemsetMiner() {
    }

    /**
     * The result: itemsets over {@code items} (rank ids; an itemset's ids ascend), the transaction count and the
     * absolute minimum support.
     */
    public record Result(List<String> items, List<Pattern> itemsets, long transactions, long minSupport) {
        /** The rules of confidence at least {@code minConfidence}, as {@code seqmind mine itemsets --rules} gives. */
        public List<AssociationRule> rules(double minConfidence) {
            return AssociationRuleMiner.mine(itemsets, transactions, minConfidence);
        }
    }

    /** Mines the frequent itemsets of an ingested log ({@link dev.seqmind.spark.ingest.SequenceTable}). */
    public static Result mine(Dataset<Row> table, ItemsetParams params, int groups) {
        if (params.output() != OutputKind.ALL) {
            throw new InvalidParameterException("output", params.output().name(), "ALL",
                    "closed and maximal itemsets need the complete set in one place; filter it with seqmind");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        JavaRDD<List<String>> transactions = table.selectExpr("array_distinct(items) AS items").javaRDD()
                .map(r -> r.<String>getList(0)).cache();
        try {
            long n = transactions.count();
            long minSup = params.minSupport().absolute(n);
            List<Tuple2<String, Long>> frequent = new ArrayList<>(transactions.flatMap(List::iterator)
                    .mapToPair(i -> new Tuple2<>(i, 1L)).reduceByKey(Long::sum, groups).filter(t -> t._2() >= minSup)
                    .collect());
            frequent.sort((a, b) -> a._2().equals(b._2()) ? a._1().compareTo(b._1()) : Long.compare(b._2(), a._2()));
            List<String> names = frequent.stream().map(Tuple2::_1).toList();
            HashMap<String, Integer> rank = new HashMap<>(names.size() * 2);
            for (int r = 0; r < names.size(); r++) {
                rank.put(names.get(r), r);
            }
            Broadcast<HashMap<String, Integer>> rankOf = sc.broadcast(rank);
            Broadcast<List<String>> sharedNames = sc.broadcast(new ArrayList<>(names));
            Local local = new Local(minSup, params.maxLength(), params.budget().maxPatterns(),
                    params.budget().maxHeapBytes(), groups);
            JavaPairRDD<Integer, int[]> shares = transactions.flatMapToPair(t -> {
                int[] ranks = new int[t.size()];
                int m = 0;
                for (String item : t) {
                    Integer r = rankOf.value().get(item);
                    if (r != null) {
                        ranks[m++] = r;
                    }
                }
                Arrays.sort(ranks, 0, m);
                List<Tuple2<Integer, int[]>> out = new ArrayList<>();
                boolean[] sent = new boolean[groups];
                for (int j = m - 1; j >= 0; j--) {
                    int g = ranks[j] % groups;
                    if (!sent[g]) {
                        sent[g] = true;
                        out.add(new Tuple2<>(g, Arrays.copyOf(ranks, j + 1)));
                    }
                }
                return out.iterator();
            });
            List<Pattern> itemsets = new ArrayList<>();
            shares.groupByKey(new HashPartitioner(groups))
                    .flatMap(g -> local.mine(g._1(), g._2(), sharedNames.value()).iterator()).collect()
                    .forEach(t -> itemsets.add(new Pattern(t._1(), t._2())));
            return new Result(names, itemsets, n, minSup);
        } finally {
            transactions.unpersist(false);
        }
    }

    /** One group's mining, with the parameters as executors receive them. */
    record Local(long minSupport, int maxLength, long maxPatterns, long maxHeapBytes, int groups)
            implements Serializable {
        List<Tuple2<int[], Long>> mine(int group, Iterable<int[]> prefixes, List<String> names) {
            List<int[]> rows = new ArrayList<>();
            int total = 0;
            for (int[] p : prefixes) {
                rows.add(p);
                total += p.length;
            }
            int[] starts = new int[rows.size() + 1];
            int[] items = new int[total];
            for (int t = 0; t < rows.size(); t++) {
                System.arraycopy(rows.get(t), 0, items, starts[t], rows.get(t).length);
                starts[t + 1] = starts[t] + rows.get(t).length;
            }
            TransactionDatabase db = new TransactionDatabase(starts, items, IdMap.of(names), new ItemCatalog(Map.of()));
            ItemsetParams params = new ItemsetParams(dev.seqmind.mining.MinSupport.count(minSupport), OutputKind.ALL,
                    maxLength, new MiningBudget(maxPatterns, maxHeapBytes));
            List<Tuple2<int[], Long>> out = new ArrayList<>();
            FpGrowthMiner.mine(db, params, (its, length, support) -> {
                if (its[length - 1] % groups == group) {
                    out.add(new Tuple2<>(Arrays.copyOf(its, length), support));
                }
            });
            return out;
        }
    }
}
