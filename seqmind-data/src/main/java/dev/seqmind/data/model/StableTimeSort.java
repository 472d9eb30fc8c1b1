package dev.seqmind.data.model;

/** Stable merge sort of event indices by their time, without boxing. Package-private helper of the builder. */
final class StableTimeSort {
    private StableTimeSort() {
    }

    /** Sorts {@code idx[from, to)} by {@code times[idx[i]]}, keeping equal times in their current order. */
    static void sort(int[] idx, int from, int to, long[] times, int[] scratch) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        if (n <= 32) {
            insertion(idx, from, to, times);
            return;
        }
        int mid = (from + to) >>> 1;
        sort(idx, from, mid, times, scratch);
        sort(idx, mid, to, times, scratch);
        if (times[idx[mid - 1]] <= times[idx[mid]]) {
            return;
        }
        System.arraycopy(idx, from, scratch, 0, n);
        int i = 0;
        int iEnd = mid - from;
        int j = iEnd;
        int jEnd = n;
        int k = from;
        while (i < iEnd && j < jEnd) {
            idx[k++] = times[scratch[j]] < times[scratch[i]] ? scratch[j++] : scratch[i++];
        }
        while (i < iEnd) {
            idx[k++] = scratch[i++];
        }
        while (j < jEnd) {
            idx[k++] = scratch[j++];
        }
    }

    private static void insertion(int[] idx, int from, int to, long[] times) {
        for (int i = from + 1; i < to; i++) {
            int v = idx[i];
            long t = times[v];
            int j = i - 1;
            while (j >= from && times[idx[j]] > t) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }
}
