package dev.seqmind.rec.model.markov;

import dev.seqmind.data.model.LongDenseIds;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.model.ActionWeights;

import java.util.Arrays;

/**
 * Counts of "context of {@code order} items, then item" over training sequences, in CSR layout: row {@code r} (one
 * per distinct context, key {@code rowKeys[r]}) holds next items {@code next[rowStart[r], rowStart[r+1])} with their
 * {@code counts}; {@code totals[r]} is their sum. Next items within a row are in increasing id order. When the
 * dataset weighs actions ({@code ingest --action-weight}), {@code weights} holds each entry's summed weight of the
 * next events and {@code weightTotals} their row sums; otherwise both are null and the counts are the weights.
 *
 * <p>A context is packed into a long, 21 bits per item (oldest item in the highest bits), so orders up to 3 and
 * item ids below 2^21 fit. Immutable and thread-safe once built; arrays are adopted and never exposed outside the
 * package (other packages read through the accessors, e.g. to turn counts into rules).
 */
public final class TransitionTable {
    static final int BITS = 21;
    static final int MAX_ITEMS = 1 << BITS;

    final int order;
    final long[] rowKeys;
    final int[] rowStart;
    final int[] next;
    final int[] counts;
    final int[] totals;
    final float[] weights;
    final float[] weightTotals;
    private final LongDenseIds index;

    TransitionTable(int order, long[] rowKeys, int[] rowStart, int[] next, int[] counts, float[] weights) {
        if (weights != null && weights.length != counts.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + counts.length + " transitions");
        }
        this.order = order;
        this.weights = weights;
        this.rowKeys = rowKeys;
        this.rowStart = rowStart;
        this.next = next;
        this.counts = counts;
        this.totals = new int[rowKeys.length];
        for (int r = 0; r < rowKeys.length; r++) {
            int t = 0;
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                t += counts[i];
            }
            totals[r] = t;
        }
        this.weightTotals = weights == null ? null : rowSums(rowStart, weights);
        this.index = LongDenseIds.of(rowKeys);
    }

    private static float[] rowSums(int[] rowStart, float[] weights) {
        float[] out = new float[rowStart.length - 1];
        for (int r = 0; r < out.length; r++) {
            double t = 0;
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                t += weights[i];
            }
            out[r] = (float) t;
        }
        return out;
    }

    /** The weight of successor entry {@code i}: its count, or its summed action weight in a weighted table. */
    float weight(int i) {
        return weights == null ? counts[i] : weights[i];
    }

    /** The summed weight of row {@code row}'s successors. */
    float weightTotal(int row) {
        return weightTotals == null ? totals[row] : weightTotals[row];
    }

    /**
     * A table from counts made elsewhere (a cluster job): row {@code r} is context {@code rowKeys[r]} (packed as
     * {@link #contextKey}), its successors {@code next[rowStart[r], rowStart[r+1])} in increasing id order with their
     * {@code counts} and, for an action-weighted table, their summed {@code weights} (null otherwise). Adopts the
     * arrays.
     */
    public static TransitionTable of(int order, long[] rowKeys, int[] rowStart, int[] next, int[] counts,
                                     float[] weights) {
        if (order < 1 || order > MarkovTrainer.MAX_ORDER || rowStart.length != rowKeys.length + 1
                || next.length != counts.length || rowStart[rowKeys.length] != next.length) {
            throw new IllegalArgumentException("inconsistent transition table of order " + order);
        }
        return new TransitionTable(order, rowKeys, rowStart, next, counts, weights);
    }

    /** The key of the context {@code items[to - order, to)} as tables store it; needs {@code to >= order}. */
    public static long contextKey(int[] items, int to, int order) {
        return pack(items, to, order);
    }

    /** Packs {@code items[to - order, to)}; the caller guarantees {@code to >= order}. */
    static long pack(int[] items, int to, int order) {
        long key = 0;
        for (int i = to - order; i < to; i++) {
            key = (key << BITS) | items[i];
        }
        return key;
    }

    /** The row of the context ending at {@code history[to - 1]}, or -1 when unknown or too short. */
    int row(int[] history, int to) {
        return to < order ? -1 : index.get(pack(history, to, order));
    }

    public int numContexts() {
        return rowKeys.length;
    }

    /** The context length in items. */
    public int order() {
        return order;
    }

    /** The items of context {@code row}, oldest first. */
    public int[] context(int row) {
        int[] c = new int[order];
        long key = rowKeys[row];
        for (int i = order - 1; i >= 0; i--) {
            c[i] = (int) (key & (MAX_ITEMS - 1));
            key >>>= BITS;
        }
        return c;
    }

    /** How often context {@code row} was followed by any item. */
    public int total(int row) {
        return totals[row];
    }

    /** Index of the first successor entry of {@code row}; entries run to {@link #successorsEnd(int)}. */
    public int successorsStart(int row) {
        return rowStart[row];
    }

    public int successorsEnd(int row) {
        return rowStart[row + 1];
    }

    /** The item of successor entry {@code i}. */
    public int successor(int i) {
        return next[i];
    }

    /** How often successor entry {@code i} followed its context. */
    public int count(int i) {
        return counts[i];
    }

    /** Counts every (context of {@code order} items, next item) pair of the training sequences. */
    public static TransitionTable count(SequenceDataset train, int order) {
        return count(train, order, null);
    }

    /**
     * As {@link #count(SequenceDataset, int)}, and when {@code actionWeights} is given and not uniform, also sums the
     * weight of each next event's action per entry (a bought successor counts as its weight of viewed ones).
     */
    public static TransitionTable count(SequenceDataset train, int order, ActionWeights actionWeights) {
        if (order < 1 || order > MarkovTrainer.MAX_ORDER) {
            throw new IllegalArgumentException("order " + order + " outside [1, " + MarkovTrainer.MAX_ORDER + "]");
        }
        if (order > 1 && train.numItems() > MAX_ITEMS) {
            throw new IllegalArgumentException(train.numItems() + " items do not fit contexts of order " + order);
        }
        int n = train.numInteractions();
        LongDenseIds idx = new LongDenseIds(Math.max(16, n / 4));
        long[] pairs = new long[n];
        boolean weighted = actionWeights != null && !actionWeights.uniform();
        float[] eventWeight = weighted ? new float[n] : null;
        int m = 0;
        int[] seq = new int[Math.max(1, train.maxLength())];
        for (int u = 0; u < train.numUsers(); u++) {
            int len = train.length(u);
            train.copyItems(train.start(u), train.end(u), seq, 0);
            for (int p = order; p < len; p++) {
                int row = idx.getOrAdd(pack(seq, p, order));
                if (weighted) {
                    eventWeight[m] = actionWeights.of(train, train.start(u) + p);
                }
                pairs[m++] = ((long) row << 32) | seq[p];
            }
        }
        if (weighted) {
            sortWithWeights(pairs, eventWeight, m);
        } else {
            Arrays.sort(pairs, 0, m);
        }
        int rows = idx.size();
        long[] rowKeys = new long[rows];
        int[] rowStart = new int[rows + 1];
        int[] nextBuf = new int[m];
        int[] countBuf = new int[m];
        float[] weightBuf = weighted ? new float[m] : null;
        int distinct = 0;
        for (int i = 0; i < m; ) {
            int row = (int) (pairs[i] >>> 32);
            int item = (int) pairs[i];
            int j = i;
            double w = 0;
            while (j < m && pairs[j] == pairs[i]) {
                w += weighted ? eventWeight[j] : 0;
                j++;
            }
            if (weighted) {
                weightBuf[distinct] = (float) w;
            }
            nextBuf[distinct] = item;
            countBuf[distinct] = j - i;
            rowStart[row + 1]++;
            distinct++;
            i = j;
        }
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        for (int r = 0; r < rows; r++) {
            rowKeys[r] = idx.key(r);
        }
        return new TransitionTable(order, rowKeys, rowStart, Arrays.copyOf(nextBuf, distinct),
                Arrays.copyOf(countBuf, distinct), weighted ? Arrays.copyOf(weightBuf, distinct) : null);
    }

    /** Sorts the first {@code m} pairs ascending and permutes their event weights alongside. */
    private static void sortWithWeights(long[] pairs, float[] eventWeight, int m) {
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(pairs[a], pairs[b]));
        long[] p = Arrays.copyOf(pairs, m);
        float[] w = Arrays.copyOf(eventWeight, m);
        for (int i = 0; i < m; i++) {
            pairs[i] = p[order[i]];
            eventWeight[i] = w[order[i]];
        }
    }
}
