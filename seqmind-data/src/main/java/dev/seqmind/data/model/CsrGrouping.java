package dev.seqmind.data.model;

import java.util.Arrays;

/**
 * Groups rows by user and orders each user's rows by time, stably (ties keep row order): the permutation from
 * which a {@link SequenceDataset}'s CSR arrays are gathered.
 *
 * @param offsets user {@code u}'s rows are {@code order[offsets[u], offsets[u+1])}
 * @param order   row indices in CSR order
 */
public record CsrGrouping(int[] offsets, int[] order) {
    /** Counting sort by user, then a stable time sort inside each user whose rows are not already in order. */
    public static CsrGrouping of(int numUsers, int[] userCol, long[] timeCol, int size) {
        int[] offsets = new int[numUsers + 1];
        for (int i = 0; i < size; i++) {
            offsets[userCol[i] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            offsets[u + 1] += offsets[u];
        }
        int[] cursor = Arrays.copyOf(offsets, numUsers);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[cursor[userCol[i]]++] = i;
        }
        int[] scratch = new int[16];
        for (int u = 0; u < numUsers; u++) {
            int from = offsets[u];
            int to = offsets[u + 1];
            if (!isSorted(order, from, to, timeCol)) {
                if (scratch.length < to - from) {
                    scratch = new int[to - from];
                }
                StableTimeSort.sort(order, from, to, timeCol, scratch);
            }
        }
        return new CsrGrouping(offsets, order);
    }

    private static boolean isSorted(int[] order, int from, int to, long[] times) {
        for (int i = from + 1; i < to; i++) {
            if (times[order[i]] < times[order[i - 1]]) {
                return false;
            }
        }
        return true;
    }

    public int[] gather(int[] column) {
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    public long[] gather(long[] column) {
        long[] out = new long[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    public byte[] gather(byte[] column) {
        byte[] out = new byte[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }
}
