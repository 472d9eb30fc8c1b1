package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Chooses {@code k} of a public list of candidates with high scores, privately: adds Gumbel noise of scale
 * {@code 2 * sensitivity / epsilonEach} (or {@code sensitivity / epsilonEach} for monotone scores such as counts,
 * which only move in one direction when a user is added) to each score and keeps the {@code k} largest. This equals
 * running the exponential mechanism {@code k} times without replacement (Durfee and Rogers, NeurIPS 2019), so the
 * cost is {@code k * epsilonEach} by basic composition. The candidates must not depend on the data; the scores may.
 * Only the chosen indices are private: release their scores through a separate noisy measurement.
 *
 * @param k            how many to choose, {@code >= 1}
 * @param epsilonTotal the cost of the whole selection, {@code > 0}
 * @param sensitivity  how much one user can change any single score, {@code > 0}
 * @param monotone     true when adding a user can only raise (never lower) scores
 */
public record NoisyTopK(int k, double epsilonTotal, double sensitivity, boolean monotone) {
    public NoisyTopK {
        InvalidParameterException.requireInRange("k", k, 1, Integer.MAX_VALUE);
        if (!(epsilonTotal > 0) || Double.isInfinite(epsilonTotal)) {
            throw new InvalidParameterException("epsilon", epsilonTotal, "finite and > 0");
        }
        if (!(sensitivity > 0)) {
            throw new InvalidParameterException("sensitivity", sensitivity, "> 0");
        }
    }

    /** The Gumbel scale applied to each score. */
    public double gumbelScale() {
        double each = epsilonTotal / k;
        return (monotone ? 1 : 2) * sensitivity / each;
    }

    public PrivacyCost cost() {
        return new PrivacyCost(epsilonTotal, 0);
    }

    /**
     * The indices of the chosen candidates, best noisy score first; fewer than {@code k} only when there are fewer
     * candidates.
     */
    public int[] select(double[] scores, RandomGenerator rng) {
        int n = scores.length;
        double beta = gumbelScale();
        double[] noisy = new double[n];
        for (int i = 0; i < n; i++) {
            double u;
            do {
                u = rng.nextDouble();
            } while (u == 0.0);
            noisy[i] = scores[i] - beta * Math.log(-Math.log(u));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(noisy[b], noisy[a]));
        int m = Math.min(k, n);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
