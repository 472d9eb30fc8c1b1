package dev.seqmind.neural.sasrec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a batch's memory tokens come from: each row's events older than the window (oldest first) cut into at most
 * {@code slots} contiguous chunks of near-equal size (chunk {@code j} of {@code c} covers
 * {@code [j n / c, (j + 1) n / c)}; {@code c = min(slots, n)}), right-aligned, so the newest chunk always sits in the
 * last slot and a row with fewer older events than slots leaves its first slots empty. A slot's token is built from
 * the mean embedding of its chunk's items: {@link #weights} is the averaging matrix over the batch's distinct older
 * items, so {@code weights x table[tokens]} gives every slot's mean in one product (and its gradient reaches the
 * item table).
 *
 * <p>Immutable; arrays are owned by the instance.
 *
 * @param rows     rows of the batch
 * @param slots    memory slots per row
 * @param tokens   the distinct older items of the batch as tokens (dense id + 1), in first-seen order
 * @param weights  {@code [rows * slots, tokens.length]} row-major: 1 / chunk size for each occurrence of an item in
 *                 the slot's chunk (repeats add up), 0 elsewhere; an empty slot's row is all 0
 * @param valid    {@code [rows * slots]}: 1 where the slot holds a chunk, 0 where it is empty
 */
public record HistoryMemory(int rows, int slots, long[] tokens, float[] weights, float[] valid) {
    /** Whether no row has an older event (the network then runs exactly as without a memory). */
    public boolean empty() {
        return tokens.length == 0;
    }

    /**
     * The memory layout of {@code older[r]} (each row's events older than its window, dense ids, oldest first; an
     * empty array for a row without any).
     */
    public static HistoryMemory of(int[][] older, int slots) {
        int b = older.length;
        Map<Integer, Integer> column = new HashMap<>();
        for (int[] o : older) {
            for (int item : o) {
                column.putIfAbsent(item, column.size());
            }
        }
        int u = column.size();
        long[] tokens = new long[u];
        column.forEach((item, c) -> tokens[c] = item + 1L);
        float[] weights = new float[Math.multiplyExact(b * slots, u)];
        float[] valid = new float[b * slots];
        for (int r = 0; r < b; r++) {
            int n = older[r].length;
            int chunks = Math.min(slots, n);
            for (int j = 0; j < chunks; j++) {
                int from = (int) ((long) j * n / chunks);
                int to = (int) ((long) (j + 1) * n / chunks);
                int slot = slots - chunks + j;
                int row = (r * slots + slot) * u;
                float w = 1f / (to - from);
                for (int i = from; i < to; i++) {
                    weights[row + column.get(older[r][i])] += w;
                }
                valid[r * slots + slot] = 1f;
            }
        }
        return new HistoryMemory(b, slots, tokens, weights, valid);
    }

    /**
     * The events of {@code sequences[from, to)} older than a window of {@code window} items that ends
     * {@code trailing} items before each sequence's end ({@code trailing} = 1 for training rows, whose last item is
     * only a target; 0 for histories to score).
     */
    public static int[][] olderParts(int[][] sequences, int from, int to, int window, int trailing) {
        int[][] out = new int[to - from][];
        for (int r = from; r < to; r++) {
            int[] s = sequences[r];
            int n = Math.max(0, s.length - trailing - window);
            out[r - from] = n == 0 ? new int[0] : java.util.Arrays.copyOf(s, n);
        }
        return out;
    }
}
