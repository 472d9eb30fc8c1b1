package dev.seqmind.neural.nn;

/**
 * Sequences of item tokens left-padded into one {@code [batch, length]} block (row-major), the layout every network
 * here consumes. Token 0 is padding; item {@code i} (dense id) is token {@code i + 1}. Sequences longer than
 * {@code length} keep their most recent {@code length} tokens. Arrays are owned by the batch; not thread-safe.
 *
 * @param tokens  {@code batch * length} tokens, padding on the left
 * @param batch   number of rows
 * @param length  columns, the longest (truncated) sequence of the batch
 */
public record PaddedBatch(long[] tokens, int batch, int length) {
    /** Token 0 stands for "no item". */
    public static final int PAD = 0;

    /**
     * Left-pads {@code rows[from, to)}, each a dense-id sequence, to the longest of them capped at {@code maxLength}
     * (and at least 1 column), shifting ids by one so that 0 is free for padding.
     */
    public static PaddedBatch ofItems(int[][] rows, int from, int to, int maxLength) {
        return pad(rows, from, to, maxLength, true);
    }

    /**
     * Right-pads {@code rows[from, to)} (each truncated to its most recent {@code maxLength} items): sequences start
     * at column 0, as a recurrent network wants them.
     */
    public static PaddedBatch ofItemsRightPadded(int[][] rows, int from, int to, int maxLength) {
        return pad(rows, from, to, maxLength, false);
    }

    /** Shared by both layouts: width, truncation and the id shift are the same, only the row offset differs. */
    private static PaddedBatch pad(int[][] rows, int from, int to, int maxLength, boolean padLeft) {
        int len = 1;
        for (int r = from; r < to; r++) {
            len = Math.max(len, Math.min(maxLength, rows[r].length));
        }
        int b = to - from;
        long[] tokens = new long[b * len];
        for (int r = 0; r < b; r++) {
            int[] seq = rows[from + r];
            int n = Math.min(len, seq.length);
            int base = r * len + (padLeft ? len - n : 0);
            int src = seq.length - n;
            for (int j = 0; j < n; j++) {
                tokens[base + j] = seq[src + j] + 1L;
            }
        }
        return new PaddedBatch(tokens, b, len);
    }

    /** Flat index of each row's last non-padding cell (the row's first cell when it is all padding). */
    public long[] lastIndices() {
        long[] idx = new long[batch];
        for (int r = 0; r < batch; r++) {
            int last = 0;
            for (int j = 0; j < length; j++) {
                if (tokens[r * length + j] != PAD) {
                    last = j;
                }
            }
            idx[r] = (long) r * length + last;
        }
        return idx;
    }

    /** Flat indices of the non-padding cells, in row-major order. */
    public long[] nonPadIndices() {
        int n = 0;
        for (long t : tokens) {
            if (t != PAD) {
                n++;
            }
        }
        long[] idx = new long[n];
        int k = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != PAD) {
                idx[k++] = i;
            }
        }
        return idx;
    }
}
