package dev.seqmind.rec.eval;

import java.util.List;

/**
 * One model evaluated on one set of cases. Per-user values are kept in case order, so two results on the same
 * cases can be compared user by user ({@link Significance}).
 *
 * @param model           the model's name
 * @param ranking         "full ranking over all items" or a "sampled (...)" label
 * @param config          the evaluation settings
 * @param ks              the cut-offs
 * @param perUser         {@code perUser[metric][kIndex][case]}
 * @param beyond          beyond-accuracy figures per K (empty for sampled evaluations)
 * @param seconds         wall time of scoring and ranking (fit excluded)
 * @param usersPerSecond  evaluated cases per second of wall time
 */
public record EvalResult(String model, String ranking, EvalConfig config, int[] ks, float[][][] perUser,
                         List<BeyondAccuracy> beyond, double seconds, double usersPerSecond) {
    public EvalResult {
        beyond = List.copyOf(beyond);
    }

    public int numCases() {
        return perUser[0][0].length;
    }

    public boolean sampled() {
        return config.candidates().isSampled();
    }

    public int kIndex(int k) {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return i;
            }
        }
        throw new IllegalArgumentException("k " + k + " was not evaluated; evaluated: " + java.util.Arrays.toString(ks));
    }

    /** Per-user values of {@code metric@k}, in case order (the array itself: do not modify). */
    public float[] values(Metric metric, int k) {
        return perUser[metric.ordinal()][kIndex(k)];
    }

    /** Mean of {@code metric@k} over cases, summed in case order (deterministic). */
    public double mean(Metric metric, int k) {
        float[] v = values(metric, k);
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** The metric's label with the ranking mode, e.g. "NDCG@10" or "NDCG@10 (sampled)". */
    public String label(Metric metric, int k) {
        return metric.label() + "@" + k + (sampled() ? " (sampled)" : "");
    }
}
