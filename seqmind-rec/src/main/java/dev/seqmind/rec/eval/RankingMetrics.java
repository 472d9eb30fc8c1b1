package dev.seqmind.rec.eval;

/**
 * Accuracy of one ranked list against one case's targets, at cut-off {@code k}. With {@code hits} the targets among
 * the first {@code min(k, list length)} entries and {@code r} the 1-based rank of a hit:
 * <ul>
 *   <li>HR = 1 if any hit, else 0; Recall = hits / |targets|; Precision = hits / k (k, not the list length: a list
 *       shorter than k is not rewarded); F1 = 2PR / (P + R), 0 without hits.</li>
 *   <li>NDCG = sum of 1 / log2(r + 1) over hits, divided by the same sum for the ideal list, which places
 *       min(|targets|, k) targets first.</li>
 *   <li>MRR = 1 / (rank of the first hit), 0 without a hit within k.</li>
 *   <li>MAP = sum over hits of (hits so far / r), divided by min(|targets|, k).</li>
 * </ul>
 * Targets are distinct item ids. Stateless.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Writes every {@link Metric} (in enum order) into {@code out[offset ...]}. */
    public static void compute(int[] ranked, int length, int[] targets, int k, double[] out, int offset) {
        int cut = Math.min(k, length);
        int hits = 0;
        double dcg = 0;
        double rr = 0;
        double ap = 0;
        for (int r = 1; r <= cut; r++) {
            if (contains(targets, ranked[r - 1])) {
                hits++;
                dcg += 1.0 / log2(r + 1);
                if (rr == 0) {
                    rr = 1.0 / r;
                }
                ap += (double) hits / r;
            }
        }
        int ideal = Math.min(targets.length, k);
        double idcg = 0;
        for (int r = 1; r <= ideal; r++) {
            idcg += 1.0 / log2(r + 1);
        }
        double recall = (double) hits / targets.length;
        double precision = (double) hits / k;
        out[offset + Metric.HR.ordinal()] = hits > 0 ? 1 : 0;
        out[offset + Metric.RECALL.ordinal()] = recall;
        out[offset + Metric.PRECISION.ordinal()] = precision;
        out[offset + Metric.F1.ordinal()] = hits > 0 ? 2 * precision * recall / (precision + recall) : 0;
        out[offset + Metric.NDCG.ordinal()] = idcg == 0 ? 0 : dcg / idcg;
        out[offset + Metric.MRR.ordinal()] = rr;
        out[offset + Metric.MAP.ordinal()] = ideal == 0 ? 0 : ap / ideal;
    }

    /** All metrics for one list at one k, in {@link Metric} order. */
    public static double[] compute(int[] ranked, int[] targets, int k) {
        double[] out = new double[Metric.values().length];
        compute(ranked, ranked.length, targets, k, out, 0);
        return out;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
