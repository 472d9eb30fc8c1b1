package dev.seqmind.data.stats;

import java.util.Arrays;

/**
 * Summary numbers of a sample, computed by functions that take a sorted array. Quantiles interpolate linearly
 * between order statistics (the estimator numpy and R use by default): for sorted {@code x[0..n-1]} the
 * {@code q}-quantile is {@code x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] - x[floor(h)])} with
 * {@code h = (n - 1) q}. Stateless.
 */
public final class Distribution {
    private Distribution() {
    }

    /**
     * The {@code q}-quantile of {@code sorted} (ascending); 0 for an empty array.
     *
     * @throws IllegalArgumentException if {@code q} is outside [0, 1]
     */
    public static double quantile(long[] sorted, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], but got " + q);
        }
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The Gini coefficient of non-negative values (0 = all equal, approaching 1 = all mass on one value):
     * {@code G = 2 * sum_i(i * x_i) / (n * sum(x)) - (n + 1) / n} over {@code x} sorted ascending, {@code i} from 1.
     * 0 for an empty array or an all-zero one.
     */
    public static double gini(long[] sorted) {
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (i + 1.0) * sorted[i];
        }
        if (n == 0 || total == 0) {
            return 0;
        }
        return 2 * weighted / (n * total) - (n + 1.0) / n;
    }

    /**
     * The share of the total held by the largest {@code max(1, ceil(fraction * n))} values of {@code sorted}
     * (ascending); 0 for an empty or all-zero array.
     */
    public static double topShare(long[] sorted, double fraction) {
        int n = sorted.length;
        long total = Arrays.stream(sorted).sum();
        if (n == 0 || total == 0) {
            return 0;
        }
        int k = (int) Math.max(1, Math.min(n, Math.ceil(fraction * n - 1e-9)));
        long top = 0;
        for (int i = n - k; i < n; i++) {
            top += sorted[i];
        }
        return top / (double) total;
    }
}
