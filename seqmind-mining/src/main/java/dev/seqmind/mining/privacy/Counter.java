package dev.seqmind.mining.privacy;

import dev.seqmind.data.privacy.ContributionBound;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Weighted, contribution-bounded support counts over {@link UserRows} for {@link PrivatePatternMiner}. Each user
 * counts once per key they contain, with the weight that keeps their whole contribution within the bound. Not
 * thread-safe: owns scratch arrays sized to the item space.
 */
final class Counter {
    private final UserRows rows;
    private final PatternShape shape;
    private final NoiseKind norm;
    private final int bound;
    private final int[] lastPos;   // per item: last position of the item in the current user, or -1
    private final int[] firstPos;  // per item: first position in the current user, or -1 (for sets: presence)

    Counter(UserRows rows, PatternShape shape, NoiseKind norm, int bound) {
        this.rows = rows;
        this.shape = shape;
        this.norm = norm;
        this.bound = bound;
        this.lastPos = new int[rows.numItems()];
        this.firstPos = new int[rows.numItems()];
        Arrays.fill(lastPos, -1);
        Arrays.fill(firstPos, -1);
    }

    /** The weight of a user holding {@code n} keys. */
    double weight(int n) {
        if (n <= bound) {
            return 1;
        }
        return norm == NoiseKind.LAPLACE ? bound / (double) n : Math.sqrt(bound / (double) n);
    }

    /**
     * Weighted distinct-user counts of every item; a user holding more than {@code maxKeys} distinct items keeps a
     * uniform random {@code maxKeys} of them first (so the number of keys one user can make appear is bounded, which
     * the selection threshold needs), then weighs them as {@link #weight} says.
     */
    double[] countItems(int maxKeys, RandomGenerator rng) {
        ContributionBound cap = new ContributionBound(maxKeys);
        double[] counts = new double[rows.numItems()];
        int[] starts = rows.starts();
        int[] items = rows.items();
        int[] distinct = new int[64];
        for (int u = 0; u < rows.users(); u++) {
            int n = 0;
            for (int e = starts[u]; e < starts[u + 1]; e++) {
                int it = items[e];
                if (lastPos[it] == -1) {
                    lastPos[it] = 0;
                    if (n == distinct.length) {
                        distinct = Arrays.copyOf(distinct, 2 * n);
                    }
                    distinct[n++] = it;
                }
            }
            for (int i = 0; i < n; i++) {
                lastPos[distinct[i]] = -1;
            }
            n = cap.boundInPlace(distinct, n, rng);
            double w = weight(n);
            for (int i = 0; i < n; i++) {
                counts[distinct[i]] += w;
            }
        }
        return counts;
    }

    /**
     * Weighted counts of every (prefix, extension) pair, indexed {@code prefix * extensions.length + extension}: for
     * sequences, the extension must occur at a later position than the earliest complete match of the prefix; for
     * sets, the extension must be present (the caller skips pairs that are not candidates).
     */
    double[] countExtensions(List<int[]> prefixes, int[] extensions) {
        int e = extensions.length;
        double[] counts = new double[prefixes.size() * e];
        int[] starts = rows.starts();
        int[] items = rows.items();
        int[] pos = rows.positions();
        int[] hit = new int[counts.length];
        for (int u = 0; u < rows.users(); u++) {
            int from = starts[u];
            int to = starts[u + 1];
            for (int x = from; x < to; x++) {
                int it = items[x];
                if (firstPos[it] == -1) {
                    firstPos[it] = pos[x];
                }
                lastPos[it] = pos[x];
            }
            int n = 0;
            for (int p = 0; p < prefixes.size(); p++) {
                int[] prefix = prefixes.get(p);
                int end = shape == PatternShape.SEQUENCE ? matchEnd(prefix, items, pos, from, to) : setEnd(prefix);
                if (end == Integer.MIN_VALUE) {
                    continue;
                }
                for (int j = 0; j < e; j++) {
                    int ext = extensions[j];
                    boolean contained = shape == PatternShape.SEQUENCE ? lastPos[ext] > end
                            : lastPos[ext] != -1 && ext > prefix[prefix.length - 1];
                    if (contained) {
                        hit[n++] = p * e + j;
                    }
                }
            }
            double w = weight(n);
            for (int i = 0; i < n; i++) {
                counts[hit[i]] += w;
            }
            for (int x = from; x < to; x++) {
                firstPos[items[x]] = -1;
                lastPos[items[x]] = -1;
            }
        }
        return counts;
    }

    /** The position at which the earliest match of {@code prefix} ends, or MIN_VALUE when the user lacks it. */
    private int matchEnd(int[] prefix, int[] items, int[] pos, int from, int to) {
        if (firstPos[prefix[0]] == -1) {
            return Integer.MIN_VALUE;
        }
        int k = 0;
        int last = Integer.MIN_VALUE;
        for (int x = from; x < to && k < prefix.length; x++) {
            if (items[x] == prefix[k] && pos[x] > last) {
                last = pos[x];
                k++;
            }
        }
        return k == prefix.length ? last : Integer.MIN_VALUE;
    }

    private int setEnd(int[] prefix) {
        for (int it : prefix) {
            if (lastPos[it] == -1) {
                return Integer.MIN_VALUE;
            }
        }
        return 0;
    }
}
