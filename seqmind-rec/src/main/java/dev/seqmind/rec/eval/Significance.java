package dev.seqmind.rec.eval;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.SplittableRandom;

/**
 * User-level statistics: percentile bootstrap confidence intervals of a mean, and paired tests of two models on the
 * same cases. Stateless; every resampling takes a seed.
 */
public final class Significance {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Significance() {
    }

    /** A two-sided interval for a mean. */
    public record Interval(double mean, double low, double high) {
    }

    /** A paired comparison of model A against model B on one metric (positive difference: A is better). */
    public record Comparison(double meanDifference, double tTestP, double wilcoxonP) {
        /** True when both tests reject "no difference" at {@code alpha}. */
        public boolean significant(double alpha) {
            return tTestP < alpha && wilcoxonP < alpha;
        }
    }

    /**
     * Percentile bootstrap: {@code samples} resamples of the cases with replacement, each giving a mean; the
     * interval is their {@code (1-level)/2} and {@code (1+level)/2} quantiles. Several metrics share the same
     * resamples ({@code values[m]} are per-case values of metric m, all the same length).
     */
    public static Interval[] bootstrap(float[][] values, int samples, double level, long seed) {
        int m = values.length;
        int n = values[0].length;
        Interval[] out = new Interval[m];
        double[] means = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (float v : values[j]) {
                s += v;
            }
            means[j] = n == 0 ? Double.NaN : s / n;
        }
        if (samples == 0 || n == 0) {
            for (int j = 0; j < m; j++) {
                out[j] = new Interval(means[j], Double.NaN, Double.NaN);
            }
            return out;
        }
        // Only cases with a non-zero value contribute to a sum: keep them row-major for the resampling loop.
        int nnz = 0;
        int[] nonZero = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (values[j][i] != 0f) {
                    nonZero[nnz++] = i;
                    break;
                }
            }
        }
        float[] rows = new float[nnz * m];
        for (int t = 0; t < nnz; t++) {
            for (int j = 0; j < m; j++) {
                rows[t * m + j] = values[j][nonZero[t]];
            }
        }
        double[][] resampled = new double[m][samples];
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] picks = new int[n];
        double[] sums = new double[m];
        for (int b = 0; b < samples; b++) {
            java.util.Arrays.fill(picks, 0);
            for (int i = 0; i < n; i++) {
                picks[rnd.nextInt(n)]++;
            }
            java.util.Arrays.fill(sums, 0);
            for (int t = 0; t < nnz; t++) {
                int w = picks[nonZero[t]];
                if (w != 0) {
                    int base = t * m;
                    for (int j = 0; j < m; j++) {
                        sums[j] += w * rows[base + j];
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                resampled[j][b] = sums[j] / n;
            }
        }
        for (int j = 0; j < m; j++) {
            double[] r = resampled[j];
            java.util.Arrays.sort(r);
            out[j] = new Interval(means[j], quantile(r, (1 - level) / 2), quantile(r, (1 + level) / 2));
        }
        return out;
    }

    /**
     * Paired t-test and Wilcoxon signed-rank test (normal approximation, see {@link #wilcoxonP}) of {@code a} against
     * {@code b}.
     */
    public static Comparison compare(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired tests need the same cases: " + a.length + " vs " + b.length);
        }
        double[] x = new double[a.length];
        double[] y = new double[b.length];
        double diff = 0;
        boolean anyDifference = false;
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i];
            y[i] = b[i];
            diff += a[i] - b[i];
            anyDifference |= a[i] != b[i];
        }
        if (a.length < 2 || !anyDifference) {
            return new Comparison(a.length == 0 ? 0 : diff / a.length, 1.0, 1.0);
        }
        double t = new TTest().pairedTTest(x, y);
        return new Comparison(diff / a.length, t, wilcoxonP(a, b));
    }

    /**
     * Two-sided p-value of the Wilcoxon signed-rank test by its normal approximation: zero differences dropped
     * (Wilcoxon's rule), tied absolute differences given their average rank with the variance corrected for them,
     * and a continuity correction of 1/2. Commons Math's test keeps the zeros in the variance, which with many
     * unchanged cases (common: both models miss) made p-values absurdly small (1e-78 where the t-test gave 0.27).
     */
    static double wilcoxonP(float[] a, float[] b) {
        double[] d = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            float v = a[i] - b[i];
            if (v != 0f) {
                d[n++] = v;
            }
        }
        if (n == 0) {
            return 1.0;
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(d[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(abs[i], abs[j]));
        double wPlus = 0;
        double ties = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && abs[order[end]] == abs[order[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0; // average of ranks start+1 .. end
            for (int k = start; k < end; k++) {
                if (d[order[k]] > 0) {
                    wPlus += rank;
                }
            }
            double t = end - start;
            ties += t * t * t - t;
            start = end;
        }
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - ties / 48.0;
        if (variance <= 0) {
            return 1.0;
        }
        double dev = wPlus - mean;
        dev -= 0.5 * Math.signum(dev);
        double z = Math.abs(dev) / Math.sqrt(variance);
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-z));
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
