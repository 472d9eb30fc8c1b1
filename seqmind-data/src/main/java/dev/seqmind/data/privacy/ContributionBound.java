package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Bounds what one user contributes to a set of counts: at most {@code maxKeys} distinct keys, each counted once. With
 * this bound a vector of counts changes by at most {@code maxKeys} in L1 norm, {@code sqrt(maxKeys)} in L2 norm and 1
 * in every coordinate when one user is added or removed, which is what the noise is calibrated to.
 *
 * <p>Which keys a user keeps, when they have more, is a uniform random choice (a partial Fisher-Yates shuffle driven
 * by the caller's generator), so that no key is favoured systematically. Stateless.
 *
 * @param maxKeys the most distinct keys one user may contribute to, {@code >= 1}
 */
public record ContributionBound(int maxKeys) {
    public ContributionBound {
        InvalidParameterException.requireInRange("maxKeys", maxKeys, 1, Integer.MAX_VALUE);
    }

    public double l1Sensitivity() {
        return maxKeys;
    }

    public double l2Sensitivity() {
        return Math.sqrt(maxKeys);
    }

    /**
     * The user's distinct keys among {@code keys[0..n)}, reduced to at most {@link #maxKeys} by a uniform random
     * choice. Sorts and deduplicates {@code keys[0..n)} in place; returns the number kept, which are then in
     * {@code keys[0..kept)} (in random order when some were dropped, sorted otherwise).
     */
    public int boundInPlace(int[] keys, int n, RandomGenerator rng) {
        Arrays.sort(keys, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || keys[distinct - 1] != keys[i]) {
                keys[distinct++] = keys[i];
            }
        }
        if (distinct <= maxKeys) {
            return distinct;
        }
        for (int i = 0; i < maxKeys; i++) {
            int j = i + rng.nextInt(distinct - i);
            int t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        return maxKeys;
    }
}
