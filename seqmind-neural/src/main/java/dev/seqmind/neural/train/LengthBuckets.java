package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Batches of similar length. A batch is padded only to its longest row ({@code PaddedBatch}), so a shuffled batch
 * of ML-1M histories (mean 107 training positions, most batches holding one of 200) computes about half padding.
 * Here the shuffled rows are cut into pools of {@code poolBatches} batches; each pool is sorted by length, longest
 * first (ties keep the shuffled order), cut into batches, and the pool's batches are put in a random order. Every
 * row is still trained on once an epoch and batches still mix users at random within a length band; the padded
 * cells (and the attention's quadratic cost over them) mostly disappear.
 *
 * <p>What a row contributes does not depend on the padding around it (padded keys are masked and padded cells carry
 * no target), so only the batch composition changes, not what a batch computes. One thing does change: a batch's
 * loss is the mean over its cells, so in a batch of short rows each cell would weigh several times what it weighs in
 * a shuffled batch, and short histories would dominate training. The loop therefore scales each bucketed batch's
 * loss by {@link #weight}: its cells over the epoch's mean cells a batch.
 *
 * @param poolBatches batches per sorted pool; 0 = off (batches in shuffled order, as before)
 */
public record LengthBuckets(int poolBatches) {
    /** Batches taken in shuffled order. */
    public static final LengthBuckets OFF = new LengthBuckets(0);

    public LengthBuckets {
        InvalidParameterException.requireInRange("length-buckets", poolBatches, 0, 1_000_000);
    }

    public boolean enabled() {
        return poolBatches > 0;
    }

    /**
     * {@code rows} (already shuffled) rearranged into length-sorted batches of {@code batchSize}; {@code rows} itself
     * when off. The result is a permutation of {@code rows}; batch order within a pool is drawn from {@code rng}.
     */
    public int[][] arrange(int[][] rows, int batchSize, SplittableRandom rng) {
        return arrange(rows, batchSize, Integer.MAX_VALUE, rng);
    }

    /**
     * {@link #arrange} by each row's length capped at {@code rowCap} items (a network's window plus its target):
     * rows that also carry older events sort as their windows do, so the batches are the ones the cut rows form.
     */
    public int[][] arrange(int[][] rows, int batchSize, int rowCap, SplittableRandom rng) {
        if (!enabled() || rows.length <= batchSize) {
            return rows;
        }
        int[][] out = new int[rows.length][];
        int pool = (int) Math.min(Integer.MAX_VALUE, (long) poolBatches * batchSize);
        for (int from = 0; from < rows.length; from += pool) {
            int to = Math.min(rows.length, from + pool);
            int[][] sorted = Arrays.copyOfRange(rows, from, to);
            Arrays.sort(sorted, Comparator.comparingInt((int[] r) -> Math.min(rowCap, r.length)).reversed()); // stable
            // only the last pool can end in a short batch; it stays last so the loop's batch boundaries hold
            int full = (to - from) / batchSize;
            int dst = from;
            for (int b : TrainingLoop.shuffled(full, rng)) {
                System.arraycopy(sorted, b * batchSize, out, dst, batchSize);
                dst += batchSize;
            }
            System.arraycopy(sorted, full * batchSize, out, dst, sorted.length - full * batchSize);
        }
        return out;
    }

    /** Target cells of {@code rows[from, to)}: each row's length less one, capped at {@code window}. */
    public static long cells(int[][] rows, int from, int to, int window) {
        long n = 0;
        for (int r = from; r < to; r++) {
            n += Math.max(0, Math.min(window, rows[r].length - 1));
        }
        return n;
    }

    /**
     * The factor on the mean loss of {@code rows[from, to)} that gives its cells the weight a cell has in a batch of
     * {@code meanCells} cells; 1 when off.
     */
    public float weight(int[][] rows, int from, int to, int window, double meanCells) {
        return enabled() && meanCells > 0 ? (float) (cells(rows, from, to, window) / meanCells) : 1f;
    }
}
