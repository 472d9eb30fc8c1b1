package dev.seqmind.spark.rec;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ingested log as dense item ids with each event's action weight, as the counting models read a dataset with
 * {@code ingest --action-weight}: an action without a weight weighs 1, and a log whose actions all weigh 1 is
 * unweighted ({@link dev.seqmind.rec.model.ActionWeights#uniform}). Stateless.
 */
final class WeightedSequences {
    private WeightedSequences() {
    }

    /** One user's dense items with each event's action weight (as float, the single-machine precision). */
    record Weighted(int[] items, float[] weights) implements Serializable {
    }

    /** Whether any action of {@code table} weighs other than 1. */
    static boolean weighted(Dataset<Row> table, Map<String, Double> actionWeights) {
        if (actionWeights.isEmpty()) {
            return false;
        }
        Set<String> present = new HashSet<>(table.selectExpr("explode(actions) AS a").distinct()
                .as(Encoders.STRING()).collectAsList());
        return present.stream().anyMatch(a -> (float) (double) actionWeights.getOrDefault(a, 1.0) != 1f);
    }

    /** Every user's sequence, items numbered as in {@code names}; weights all 1 unless {@code weighted}. */
    static JavaRDD<Weighted> encode(Dataset<Row> table, List<String> names, Map<String, Double> actionWeights,
                                    boolean weighted) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        Broadcast<HashMap<String, Integer>> idOf = sc.broadcast(DenseItems.idsOf(names));
        HashMap<String, Float> weightOf = new HashMap<>();
        if (weighted) {
            actionWeights.forEach((a, w) -> weightOf.put(a, (float) (double) w));
        }
        Broadcast<HashMap<String, Float>> shared = sc.broadcast(weightOf);
        return table.select("items", "actions").javaRDD().map(r -> {
            List<String> items = r.getList(0);
            List<String> actions = r.getList(1);
            int[] ids = new int[items.size()];
            float[] w = new float[ids.length];
            for (int k = 0; k < ids.length; k++) {
                Integer id = idOf.value().get(items.get(k));
                if (id == null) {
                    throw new IllegalArgumentException("item " + items.get(k) + " is not in the item numbering");
                }
                ids[k] = id;
                w[k] = shared.value().getOrDefault(actions.get(k), 1f);
            }
            return new Weighted(ids, w);
        });
    }

    /** Each item's event count and summed event weight (in double, rounded to float once), and the event total. */
    record ItemTotals(int[] counts, float[] weights, long events) {
    }

    static ItemTotals itemTotals(JavaRDD<Weighted> seqs, int numItems, int partitions) {
        List<scala.Tuple2<Integer, double[]>> items = seqs.flatMapToPair(s -> {
            List<scala.Tuple2<Integer, double[]>> out = new java.util.ArrayList<>(s.items().length);
            for (int k = 0; k < s.items().length; k++) {
                out.add(new scala.Tuple2<>(s.items()[k], new double[] {1, s.weights()[k]}));
            }
            return out.iterator();
        }).reduceByKey(WeightedSequences::add, partitions).collect();
        int[] counts = new int[numItems];
        float[] weights = new float[numItems];
        long events = 0;
        for (scala.Tuple2<Integer, double[]> t : items) {
            counts[t._1()] = Math.toIntExact((long) t._2()[0]);
            weights[t._1()] = (float) t._2()[1];
            events += counts[t._1()];
        }
        return new ItemTotals(counts, weights, events);
    }

    /** Adds (count, weight) sums. */
    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }
}
