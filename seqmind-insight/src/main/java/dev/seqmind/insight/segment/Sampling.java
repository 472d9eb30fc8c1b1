package dev.seqmind.insight.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded uniform sampling of row indices without replacement. Stateless. */
final class Sampling {
    private Sampling() {
    }

    /** {@code m} distinct indices of {@code [0, n)}, ascending (all of them when {@code m >= n}). */
    static int[] indices(int n, int m, SplittableRandom rnd) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (m >= n) {
            return all;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, m);
        Arrays.sort(out);
        return out;
    }
}
