package dev.seqmind.spark.batch;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.eval.RankingMetrics;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.topk.SeenItems;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * The evaluator's ranking metrics on the cluster, leave-one-out with full ranking: each user with at least
 * {@link LeaveOneOutTable#MIN_LENGTH} events is scored on every item after all but its last event, the top
 * {@code max(ks)} are selected as {@link dev.seqmind.rec.eval.Evaluator} selects them (equal scores to the lower item
 * id; seen items left out when asked), and {@link RankingMetrics} measures them against the last event. Per-user values
 * are kept in float as the evaluator keeps them and summed in double, so the means equal
 * {@link dev.seqmind.rec.eval.EvalResult#mean} up to the order of summation (far below 1e-9). Every item of the log
 * must be one of the model's (fit the model on the same log). Stateless.
 */
public final class SparkEvaluation {
    private SparkEvaluation() {
    }

    /** Means of every {@link Metric} per cut-off over the evaluated users. */
    public record Metrics(int[] ks, long cases, double[][] means) {
        /** The mean of {@code metric@k}. */
        public double mean(Metric metric, int k) {
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == k) {
                    return means[metric.ordinal()][i];
                }
            }
            throw new IllegalArgumentException("k " + k + " was not evaluated");
        }
    }

    /** Leave-one-out test metrics of {@code model} (fitted on the log without the targets) over {@code table}. */
    public static Metrics evaluate(Dataset<Row> table, ShippedModel model, int[] ks, SeenItems seen) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        Broadcast<ShippedModel> shared = sc.broadcast(model);
        int nm = Metric.values().length;
        int nk = ks.length;
        int[] cuts = ks.clone();
        double[] sums = table.select("items").javaRDD().mapPartitions(it -> {
            double[] acc = new double[nm * nk + 1];
            if (!it.hasNext()) {
                return List.of(acc).iterator();
            }
            try (Recommender m = shared.value().load()) {
                Scorer scorer = new Scorer(m, cuts, seen);
                while (it.hasNext()) {
                    List<String> items = it.next().getList(0);
                    if (items.size() >= LeaveOneOutTable.MIN_LENGTH) {
                        scorer.add(items, acc);
                    }
                }
            }
            return List.of(acc).iterator();
        }).treeReduce(SparkEvaluation::sum);
        long cases = (long) sums[nm * nk];
        double[][] means = new double[nm][nk];
        for (int mi = 0; mi < nm; mi++) {
            for (int ki = 0; ki < nk; ki++) {
                means[mi][ki] = cases == 0 ? Double.NaN : sums[mi * nk + ki] / cases;
            }
        }
        return new Metrics(cuts, cases, means);
    }

    private static double[] sum(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    /** One partition's scoring buffers. Not thread-safe. */
    private static final class Scorer {
        private final Recommender model;
        private final int[] ks;
        private final boolean exclude;
        private final float[] scores;
        private final TopKSelector selector = new TopKSelector();
        private final double[] metricBuf = new double[Metric.values().length];

        Scorer(Recommender model, int[] ks, SeenItems seen) {
            this.model = model;
            this.ks = ks;
            this.exclude = seen == SeenItems.EXCLUDE;
            this.scores = new float[model.numItems()];
        }

        void add(List<String> items, double[] acc) {
            IdMap ids = model.items();
            int[] dense = new int[items.size()];
            for (int k = 0; k < dense.length; k++) {
                dense[k] = ids.denseId(items.get(k));
                if (dense[k] == IdMap.ABSENT) {
                    throw new SeqmindException("item " + items.get(k) + " is not one of the model's items; evaluate"
                            + " a model fitted on this log");
                }
            }
            int[] h = java.util.Arrays.copyOf(dense, dense.length - 1);
            int[] targets = {dense[dense.length - 1]};
            model.score(h, scores);
            int maxK = ks[ks.length - 1];
            TopKSelector.Result top = exclude ? selector.select(scores, scores.length, maxK, h, h.length)
                    : selector.select(scores, scores.length, maxK);
            int[] list = top.items();
            int nk = ks.length;
            for (int ki = 0; ki < nk; ki++) {
                RankingMetrics.compute(list, list.length, targets, ks[ki], metricBuf, 0);
                for (int m = 0; m < metricBuf.length; m++) {
                    acc[m * nk + ki] += (float) metricBuf[m];
                }
            }
            acc[acc.length - 1]++;
        }
    }
}
