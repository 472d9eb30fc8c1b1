package dev.seqmind.neural.nn;

/**
 * Next-item training pairs of a batch of sequences (each of length >= 2): the input row is the sequence without its
 * last item, and the item to predict at each input position is the one that follows it. Arrays are owned by the
 * batch; not thread-safe.
 *
 * @param inputs   the sequences without their last item, padded
 * @param cells    flat indices into the {@code [batch, length]} block of {@code inputs} of the positions that have a
 *                 target (every non-padding position), row-major
 * @param targets  the dense item id to predict at each of {@code cells}
 */
public record NextItemBatch(PaddedBatch inputs, long[] cells, long[] targets) {
    /** Pairs of {@code sequences[from, to)} in the left-padded layout of {@link PaddedBatch#ofItems}. */
    public static NextItemBatch leftPadded(int[][] sequences, int from, int to, int maxLength) {
        return of(sequences, from, to, maxLength, true);
    }

    /** Pairs of {@code sequences[from, to)} in the right-padded layout of {@link PaddedBatch#ofItemsRightPadded}. */
    public static NextItemBatch rightPadded(int[][] sequences, int from, int to, int maxLength) {
        return of(sequences, from, to, maxLength, false);
    }

    private static NextItemBatch of(int[][] sequences, int from, int to, int maxLength, boolean padLeft) {
        int b = to - from;
        int[][] inputs = new int[b][];
        int[][] targets = new int[b][];
        for (int r = 0; r < b; r++) {
            int[] s = sequences[from + r];
            inputs[r] = java.util.Arrays.copyOf(s, s.length - 1);
            targets[r] = java.util.Arrays.copyOfRange(s, 1, s.length);
        }
        PaddedBatch in = padLeft ? PaddedBatch.ofItems(inputs, 0, b, maxLength)
                : PaddedBatch.ofItemsRightPadded(inputs, 0, b, maxLength);
        PaddedBatch out = padLeft ? PaddedBatch.ofItems(targets, 0, b, maxLength)
                : PaddedBatch.ofItemsRightPadded(targets, 0, b, maxLength);
        long[] cells = out.nonPadIndices();
        long[] tgt = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            tgt[i] = out.tokens()[(int) cells[i]] - 1;
        }
        return new NextItemBatch(in, cells, tgt);
    }
}
