package dev.seqmind.rec.eval;

import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.SplittableRandom;

/**
 * User-level statistics: percentile bootstrap confidence intervals of a mean, and paired tests of two models on the
 * same cases. Stateless; every resampling takes a seed.
 */
public final class Significance {
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

    /** Paired t-test and Wilcoxon signed-rank test (normal approximation) of {@code a} against {@code b}. */
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
        double w = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, false);
        return new Comparison(diff / a.length, t, w);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
