package dev.seqmind.spark.rec;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.model.markov.MarkovRecommender;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.markov.TransitionTable;
import dev.seqmind.rec.store.Provenance;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Markov transition counts on Spark: every user's sequence emits its (context of k items, next item) pairs for each
 * order k, one aggregation sums their counts and action weights per pair, and the driver receives only the distinct
 * transitions (contexts x successors), from which it builds {@link TransitionTable}s and the
 * {@link MarkovRecommender} that {@link MarkovTrainer#fit} builds on the same log: same counts, same weights, same
 * popularity back-off, so the same score for every history.
 *
 * <p>Action weights are given as on {@code seqmind ingest --action-weight} (action name to weight, 1 when absent).
 * As on one machine, a log whose actions all weigh 1 gives an unweighted model. Weight sums are taken in double and
 * rounded to float once, so they are exact (and equal to one machine's) whenever the single-machine float sums are,
 * for example with integer or power-of-two weights. Stateless.
 */
public final class SparkMarkov {
    private SparkMarkov() {
    }

    /** What the job produced: the model and the provenance to save it with. */
    public record Fitted(MarkovRecommender model, Provenance provenance) {
    }

    /** Fits {@code params} on an ingested log, numbering items by first appearance in it. */
    public static Fitted fit(Dataset<Row> table, MarkovTrainer params, Map<String, Double> actionWeights,
                             String datasetName, int partitions) {
        return fit(table, dev.seqmind.spark.ingest.SequenceTable.itemsInInputOrder(table), params, actionWeights,
                datasetName, partitions);
    }

    /**
     * Fits {@code params} on {@code table} with items numbered as in {@code names}, which must hold every item of
     * the table (it may hold more: items only a held-out part of the log has).
     */
    public static Fitted fit(Dataset<Row> table, List<String> names, MarkovTrainer params,
                             Map<String, Double> actionWeights, String datasetName, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        Broadcast<Map<String, Integer>> idOf = sc.broadcast(DenseItems.idsOf(names));
        Set<String> present = new HashSet<>(table.selectExpr("explode(actions) AS a").distinct()
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        boolean weighted = present.stream().anyMatch(a -> (float) (double) actionWeights.getOrDefault(a, 1.0) != 1f);
        Map<String, Float> weightOf = new HashMap<>();
        actionWeights.forEach((a, w) -> weightOf.put(a, (float) (double) w));
        Broadcast<Map<String, Float>> sharedWeights = sc.broadcast(weightOf);
        JavaRDD<Weighted> seqs = table.select("items", "actions").javaRDD().map(r -> {
            List<String> items = r.getList(0);
            List<String> actions = r.getList(1);
            int[] ids = new int[items.size()];
            float[] w = new float[ids.length];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = idOf.value().get(items.get(k));
                w[k] = sharedWeights.value().getOrDefault(actions.get(k), 1f);
            }
            return new Weighted(ids, w);
        }).cache();
        try {
            int n = names.size();
            List<Tuple2<Integer, double[]>> items = seqs.flatMapToPair(s -> {
                        List<Tuple2<Integer, double[]>> out = new ArrayList<>(s.items().length);
                        for (int k = 0; k < s.items().length; k++) {
                            out.add(new Tuple2<>(s.items()[k], new double[] {1, s.weights()[k]}));
                        }
                        return out.iterator();
                    }).reduceByKey(SparkMarkov::add, partitions).collect();
            int[] counts = new int[n];
            float[] totals = new float[n];
            long events = 0;
            for (Tuple2<Integer, double[]> t : items) {
                counts[t._1()] = (int) t._2()[0];
                totals[t._1()] = (float) t._2()[1];
                events += counts[t._1()];
            }
            TransitionTable[] tables = new TransitionTable[params.order()];
            for (int k = 1; k <= params.order(); k++) {
                final int order = k;
                List<Tuple2<Tuple2<Long, Integer>, double[]>> pairs = seqs.flatMapToPair(s -> {
                            List<Tuple2<Tuple2<Long, Integer>, double[]>> out = new ArrayList<>();
                            for (int p = order; p < s.items().length; p++) {
                                out.add(new Tuple2<>(new Tuple2<>(TransitionTable.contextKey(s.items(), p, order),
                                        s.items()[p]), new double[] {1, s.weights()[p]}));
                            }
                            return out.iterator();
                        }).reduceByKey(SparkMarkov::add, partitions).collect();
                tables[k - 1] = table(order, pairs, weighted);
            }
            float[] popularity = weighted ? ItemPopularity.scale(totals) : ItemPopularity.scale(counts);
            MarkovRecommender model = MarkovRecommender.of(params.name(), IdMap.of(names), tables, popularity,
                    params.minContextCount());
            return new Fitted(model, SparkProvenance.of(datasetName, params, seqs.count(), n, events));
        } finally {
            seqs.unpersist(false);
        }
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    /** The CSR table of one order from its distinct (context, next) sums: rows by key, successors by id. */
    private static TransitionTable table(int order, List<Tuple2<Tuple2<Long, Integer>, double[]>> pairs,
                                         boolean weighted) {
        List<Tuple2<Tuple2<Long, Integer>, double[]>> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.<Tuple2<Tuple2<Long, Integer>, double[]>>comparingLong(t -> t._1()._1())
                .thenComparingInt(t -> t._1()._2()));
        int m = sorted.size();
        long[] keys = new long[m];
        int[] rowStart = new int[m + 1];
        int[] next = new int[m];
        int[] counts = new int[m];
        float[] weights = weighted ? new float[m] : null;
        int rows = 0;
        for (int i = 0; i < m; i++) {
            Tuple2<Tuple2<Long, Integer>, double[]> t = sorted.get(i);
            if (i == 0 || t._1()._1() != (long) sorted.get(i - 1)._1()._1()) {
                keys[rows] = t._1()._1();
                rowStart[rows++] = i;
            }
            next[i] = t._1()._2();
            counts[i] = (int) t._2()[0];
            if (weighted) {
                weights[i] = (float) t._2()[1];
            }
        }
        rowStart[rows] = m;
        return TransitionTable.of(order, java.util.Arrays.copyOf(keys, rows), java.util.Arrays.copyOf(rowStart,
                rows + 1), next, counts, weights);
    }

    /** One user's dense items with each event's action weight. */
    record Weighted(int[] items, float[] weights) implements java.io.Serializable {
    }
}
