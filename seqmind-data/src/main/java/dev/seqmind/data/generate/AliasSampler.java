package dev.seqmind.data.generate;

import java.util.SplittableRandom;

/**
 * Draws index {@code i} with probability {@code weights[i] / sum(weights)} in constant time (Vose's alias method):
 * one uniform picks a column, a second decides between the column and its alias. Memory: 12 bytes per index.
 * Immutable and thread-safe; callers bring their own random source.
 */
final class AliasSampler {
    private final double[] keep;
    private final int[] alias;

    /** @param weights non-negative with a positive sum; not retained */
    AliasSampler(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("no weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + w + " is not a finite non-negative number");
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to " + sum);
        }
        keep = new double[n];
        alias = new int[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[nl - 1];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1;
            if (scaled[l] < 1) {
                nl--;
                small[ns++] = l;
            }
        }
        // Whatever is left has probability 1 up to rounding error.
        while (nl > 0) {
            int l = large[--nl];
            keep[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            keep[s] = 1;
            alias[s] = s;
        }
    }

    int size() {
        return keep.length;
    }

    int sample(SplittableRandom rnd) {
        int i = rnd.nextInt(keep.length);
        return rnd.nextDouble() < keep[i] ? i : alias[i];
    }
}
