package dev.seqmind.insight.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean silhouette of a clustering (Rousseeuw 1987): for row {@code i}, {@code a} is its mean Euclidean distance
 * to the other rows of its segment and {@code b} the smallest mean distance to the rows of another segment;
 * {@code s(i) = (b - a) / max(a, b)}, and 0 for a row alone in its segment. The mean lies in [-1, 1]; higher means
 * tighter, better separated segments. Exact computation costs {@code O(n^2 d)}, so above {@code maxRows} rows it is
 * computed over a seeded uniform sample of rows (with their labels), the usual estimate. Stateless.
 */
public final class Silhouette {
    private Silhouette() {
    }

    /** The exact mean silhouette over all rows; NaN when there are fewer than 2 segments. */
    public static double mean(double[][] rows, int[] labels, int k) {
        if (k < 2) {
            return Double.NaN;
        }
        int n = rows.length;
        double[] sums = new double[k];
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[labels[j]] += Math.sqrt(KMeans.squaredDistance(rows[i], rows[j]));
                }
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue; // s(i) = 0
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (b == Double.POSITIVE_INFINITY) {
                continue;
            }
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }

    /** {@link #mean} over at most {@code maxRows} rows drawn without replacement with {@code seed}. */
    public static double sampled(double[][] rows, int[] labels, int k, int maxRows, long seed) {
        if (rows.length <= maxRows) {
            return mean(rows, labels, k);
        }
        int[] pick = Sampling.indices(rows.length, maxRows, new SplittableRandom(seed));
        double[][] r = new double[pick.length][];
        int[] l = new int[pick.length];
        for (int i = 0; i < pick.length; i++) {
            r[i] = rows[pick[i]];
            l[i] = labels[pick[i]];
        }
        return mean(r, l, k);
    }
}
