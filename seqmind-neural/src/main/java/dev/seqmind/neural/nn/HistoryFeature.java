package dev.seqmind.neural.nn;

import java.util.List;

/**
 * A fixed vector describing a history as a whole, computed outside the network (e.g. the history rendered as a
 * sentence and embedded by a language model), which a network fuses into its user state ({@link UserStateFusion}).
 *
 * <p>Leakage: a training row's cell may only see a feature made from the items up to and including its own input
 * item. Because a feature can be expensive (one language-model call per distinct prefix), training rows use it only
 * at checkpoints: the cell whose prefix has {@code p} items gets the feature of the row's first
 * {@code floor(p / every) * every} items, and cells before the first checkpoint get none. At inference the feature
 * is made from the whole history being scored.
 *
 * <p>Implementations must be thread-safe: scoring may run concurrently.
 */
public interface HistoryFeature {
    /** The dimension of every vector. */
    int dimension();

    /** The spacing of a training row's checkpoints (>= 1). */
    int every();

    /**
     * The feature of each prefix, in order: {@code float[dimension()]}, or {@code null} when the prefix has none
     * (e.g. it is empty).
     */
    float[][] vectors(List<Prefix> prefixes);

    /**
     * Called once before training with every training row, so that all checkpoint features can be computed in one
     * pass (and cached) instead of step by step. The default does nothing.
     */
    default void prepare(List<Prefix> checkpoints) {
    }

    /**
     * The first {@code length} items of {@code items} (dense ids, oldest first). The array is not copied.
     */
    record Prefix(int[] items, int length) {
        public Prefix {
            if (length < 0 || length > items.length) {
                throw new IllegalArgumentException("prefix of " + length + " items of " + items.length);
            }
        }

        /** The whole of {@code items}. */
        public static Prefix of(int[] items) {
            return new Prefix(items, items.length);
        }

        /** The checkpoint prefix a training cell with {@code seen} items may use (length 0 = none). */
        public static Prefix checkpoint(int[] row, int seen, int every) {
            return new Prefix(row, (seen / every) * every);
        }

        /** Every checkpoint prefix of {@code row} (lengths every, 2 * every, ... up to the last input item). */
        public static void checkpointsOf(int[] row, int every, List<Prefix> out) {
            for (int p = every; p <= row.length - 1; p += every) {
                out.add(new Prefix(row, p));
            }
        }
    }
}
