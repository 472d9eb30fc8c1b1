package dev.seqmind.spark.rec;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.model.markov.MarkovRecommender;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.markov.TransitionTable;
import dev.seqmind.rec.store.Provenance;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Markov transition counts on Spark: every user's sequence emits its (context of k items, next item) pairs for each
 * order k, one aggregation sums their counts and action weights per pair, and the driver receives only the distinct
 * transitions of all orders in one shuffle (contexts x successors), from which it builds {@link TransitionTable}s and the
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
        boolean weighted = WeightedSequences.weighted(table, actionWeights);
        JavaRDD<WeightedSequences.Weighted> seqs = WeightedSequences.encode(table, names, actionWeights, weighted)
                .cache();
        try {
            int n = names.size();
            WeightedSequences.ItemTotals totals = WeightedSequences.itemTotals(seqs, n, partitions);
            int maxOrder = params.order();
            List<Tuple2<Transition, double[]>> all = seqs.flatMapToPair(s -> {
                List<Tuple2<Transition, double[]>> out = new ArrayList<>();
                for (int order = 1; order <= maxOrder; order++) {
                    for (int p = order; p < s.items().length; p++) {
                        out.add(new Tuple2<>(new Transition(order, TransitionTable.contextKey(s.items(), p, order),
                                s.items()[p]), new double[] {1, s.weights()[p]}));
                    }
                }
                return out.iterator();
            }).reduceByKey(WeightedSequences::add, partitions).collect();
            TransitionTable[] tables = new TransitionTable[maxOrder];
            for (int k = 1; k <= maxOrder; k++) {
                final int order = k;
                tables[k - 1] = table(order, all.stream().filter(t -> t._1().order() == order).toList(), weighted);
            }
            float[] popularity = weighted ? ItemPopularity.scale(totals.weights())
                    : ItemPopularity.scale(totals.counts());
            MarkovRecommender model = MarkovRecommender.of(params.name(), IdMap.of(names), tables, popularity,
                    params.minContextCount());
            return new Fitted(model, SparkProvenance.of(datasetName, params, seqs.count(), n, totals.events()));
        } finally {
            seqs.unpersist(false);
        }
    }

    /** The CSR table of one order from its distinct (context, next) sums: rows by key, successors by id. */
    private static TransitionTable table(int order, List<Tuple2<Transition, double[]>> pairs,
                                         boolean weighted) {
        List<Tuple2<Transition, double[]>> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.<Tuple2<Transition, double[]>>comparingLong(t -> t._1().context())
                .thenComparingInt(t -> t._1().next()));
        int m = sorted.size();
        long[] keys = new long[m];
        int[] rowStart = new int[m + 1];
        int[] next = new int[m];
        int[] counts = new int[m];
        float[] weights = weighted ? new float[m] : null;
        int rows = 0;
        for (int i = 0; i < m; i++) {
            Tuple2<Transition, double[]> t = sorted.get(i);
            if (i == 0 || t._1().context() != sorted.get(i - 1)._1().context()) {
                keys[rows] = t._1().context();
                rowStart[rows++] = i;
            }
            next[i] = t._1().next();
            counts[i] = (int) t._2()[0];
            if (weighted) {
                weights[i] = (float) t._2()[1];
            }
        }
        rowStart[rows] = m;
        return TransitionTable.of(order, java.util.Arrays.copyOf(keys, rows), java.util.Arrays.copyOf(rowStart,
                rows + 1), next, counts, weights);
    }

    /** One (context, next item) pair of one order: the aggregation key. */
    record Transition(int order, long context, int next) implements java.io.Serializable {
    }
}
