package dev.seqmind.spark.rec;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnRecommender;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.knn.NeighbourSelector;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.store.Provenance;
import dev.seqmind.spark.ingest.SequenceTable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Item-KNN fitted on Spark: each user's sequence emits its decayed co-occurrences within the window, one aggregation
 * sums them per item pair, each item's sums are normalised and cut to its neighbours on the executors by
 * {@link NeighbourSelector} (the single-machine fit's own last step), and the driver assembles the model from the
 * neighbour lists only (items x neighbours). Same model as {@link ItemKnnTrainer#fit} on the same log: items here are
 * numbered by first appearance, as on one machine (ties between equal similarities are broken by that
 * number), so the model equals the single-machine one whenever the numbering does. Sums are taken in
 * double and rounded to float once; with the default decay (0.5, powers of two) every sum is exact in both, with other
 * decays a similarity may differ in its last float bit. Action
 * weights are given as on {@code seqmind ingest --action-weight}; see {@link WeightedSequences}. Stateless.
 */
public final class SparkItemKnn {
    private SparkItemKnn() {
    }

    /** What the job produced: the model and the provenance to save it with. */
    public record Fitted(ItemKnnRecommender model, Provenance provenance) {
    }

    /** Fits item-KNN with {@code params} on an ingested log ({@link dev.seqmind.spark.ingest.SequenceTable}). */
    public static Fitted fit(Dataset<Row> table, ItemKnnTrainer params, Map<String, Double> actionWeights,
                             String datasetName, int partitions) {
        return fit(table, SequenceTable.itemsInInputOrder(table), params, actionWeights, datasetName, partitions);
    }

    /**
     * Fits item-KNN on {@code table} with items numbered as in {@code names}, which must hold every item of the
     * table (it may hold more: items only a held-out part of the log has).
     */
    public static Fitted fit(Dataset<Row> table, List<String> names, ItemKnnTrainer params,
                             Map<String, Double> actionWeights, String datasetName, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        boolean weighted = WeightedSequences.weighted(table, actionWeights);
        JavaRDD<WeightedSequences.Weighted> seqs = WeightedSequences.encode(table, names, actionWeights, weighted)
                .cache();
        try {
            WeightedSequences.ItemTotals totals = WeightedSequences.itemTotals(seqs, names.size(), partitions);
            int[] counts = totals.counts();
            Window w = new Window(params.window(), params.distanceDecay(), params.direction() == Direction.BOTH);
            float[] norms = totals.weights();
            Broadcast<float[]> sharedNorms = sc.broadcast(norms);
            Shipped shipped = Shipped.of(params);
            List<Tuple2<Integer, Tuple2<int[], float[]>>> rows = seqs.flatMapToPair(s -> w.pairs(s).iterator())
                    .reduceByKey(Double::sum, partitions)
                    .mapToPair(t -> new Tuple2<>((int) (t._1() >>> 32), new Tuple2<>((int) (long) t._1(),
                            (float) (double) t._2())))
                    .groupByKey(partitions)
                    .mapPartitions(it -> neighbours(it, shipped.trainer(), sharedNorms.value()))
                    .collect();
            int[][] nbrIds = new int[names.size()][];
            float[][] nbrSims = new float[names.size()][];
            for (Tuple2<Integer, Tuple2<int[], float[]>> r : rows) {
                nbrIds[r._1()] = r._2()._1();
                nbrSims[r._1()] = r._2()._2();
            }
            for (int i = 0; i < names.size(); i++) {
                if (nbrIds[i] == null) {
                    nbrIds[i] = new int[0];
                    nbrSims[i] = new float[0];
                }
            }
            IdMap items = IdMap.of(names);
            ItemKnnRecommender model = NeighbourSelector.model(params, items, counts, nbrIds, nbrSims);
            Provenance provenance = SparkProvenance.of(datasetName, params, seqs.count(), names.size(),
                    totals.events());
            return new Fitted(model, provenance);
        } finally {
            seqs.unpersist(false);
        }
    }

    private static Iterator<Tuple2<Integer, Tuple2<int[], float[]>>> neighbours(
            Iterator<Tuple2<Integer, Iterable<Tuple2<Integer, Float>>>> it, ItemKnnTrainer params, float[] norms) {
        NeighbourSelector sel = new NeighbourSelector(params, norms);
        List<Tuple2<Integer, Tuple2<int[], float[]>>> out = new ArrayList<>();
        int[] others = new int[16];
        float[] sums = new float[16];
        while (it.hasNext()) {
            Tuple2<Integer, Iterable<Tuple2<Integer, Float>>> row = it.next();
            int n = 0;
            for (Tuple2<Integer, Float> p : row._2()) {
                if (n == others.length) {
                    others = java.util.Arrays.copyOf(others, 2 * n);
                    sums = java.util.Arrays.copyOf(sums, 2 * n);
                }
                others[n] = p._1();
                sums[n++] = p._2();
            }
            TopKSelector.Result top = sel.select(row._1(), others, sums, n);
            out.add(new Tuple2<>(row._1(), new Tuple2<>(top.items(), top.scores())));
        }
        return out.iterator();
    }

    /** The trainer's values as executors receive them (seqmind-rec's records stay free of serialization). */
    record Shipped(int window, double distanceDecay, int neighbours, Direction direction, int historyItems,
                   double historyDecay) implements Serializable {
        static Shipped of(ItemKnnTrainer t) {
            return new Shipped(t.window(), t.distanceDecay(), t.neighbours(), t.direction(), t.historyItems(),
                    t.historyDecay());
        }

        ItemKnnTrainer trainer() {
            return new ItemKnnTrainer(window, distanceDecay, neighbours, direction, historyItems, historyDecay);
        }
    }

    /**
     * The co-occurrence window: which pairs one sequence contributes, keyed {@code a << 32 | b}, each weighing its
     * distance decay times both events' action weights, multiplied in float in the single-machine fit's order.
     */
    record Window(int size, double decay, boolean both) implements Serializable {
        List<Tuple2<Long, Double>> pairs(WeightedSequences.Weighted seq) {
            int[] s = seq.items();
            float[] wt = seq.weights();
            List<Tuple2<Long, Double>> out = new ArrayList<>();
            for (int e = 0; e < s.length; e++) {
                for (int d = 1; d <= size; d++) {
                    float w = (float) Math.pow(decay, d - 1);
                    if (e + d < s.length && s[e + d] != s[e]) {
                        out.add(new Tuple2<>(((long) s[e] << 32) | s[e + d], (double) (w * wt[e] * wt[e + d])));
                    }
                    if (both && e - d >= 0 && s[e - d] != s[e]) {
                        out.add(new Tuple2<>(((long) s[e] << 32) | s[e - d], (double) (w * wt[e] * wt[e - d])));
                    }
                }
            }
            return out;
        }
    }
}
