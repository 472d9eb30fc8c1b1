package dev.seqmind.rec.rank;

import java.util.Arrays;

/**
 * Picks the {@code k} best items of a score array with a bounded min-heap on primitive arrays: O(n log k) time,
 * O(k) memory, no allocation per item.
 *
 * <p>Order: higher score first; among equal scores the lower item id wins, so results are deterministic. Items whose
 * score is {@link Float#NEGATIVE_INFINITY} or NaN (the model cannot score them) and excluded items are never
 * returned, so a result may hold fewer than {@code k} items.
 *
 * <p>Not thread-safe: an instance owns its scratch buffers (heap and exclusion mask); use one per thread.
 */
public final class TopKSelector {
    private int[] heapItems = new int[16];
    private float[] heapScores = new float[16];
    private boolean[] excludedMask = new boolean[0];
    private int size;

    /** A selection result: {@code items[i]} with {@code scores[i]}, best first. Arrays are owned by the result. */
    public record Result(int[] items, float[] scores) {
        public int size() {
            return items.length;
        }
    }

    /** The best {@code k} of {@code scores[0, n)}. */
    public Result select(float[] scores, int n, int k) {
        return select(scores, n, k, null, 0);
    }

    /**
     * The best {@code k} of {@code scores[0, n)} that are not in {@code exclude[0, excludeLength)} (ids outside
     * {@code [0, n)} in the exclusion list are ignored; duplicates are fine).
     *
     * @param exclude item ids never to return, or null for none
     */
    public Result select(float[] scores, int n, int k, int[] exclude, int excludeLength) {
        checkArgs(scores, n, k);
        boolean[] mask = markExcluded(n, exclude, excludeLength);
        reset(k);
        final int[] hi = heapItems;
        final float[] hs = heapScores;
        for (int i = 0; i < n; i++) {
            float s = scores[i];
            if (!(s > Float.NEGATIVE_INFINITY) || (mask != null && mask[i])) {
                continue; // NaN, -inf or excluded
            }
            if (size < k) {
                hi[size] = i;
                hs[size] = s;
                siftUp(size++);
            } else if (k > 0 && s > hs[0]) {
                // Items arrive in increasing id order, so an equal score never beats the root (lower id wins).
                hi[0] = i;
                hs[0] = s;
                siftDown(0);
            }
        }
        clearExcluded(mask, n, exclude, excludeLength);
        return drain();
    }

    /**
     * The best {@code k} among the given candidate ids only (e.g. a target plus sampled negatives). Candidates
     * should be distinct; a duplicate may appear twice in the result.
     */
    public Result selectAmong(float[] scores, int[] candidates, int k) {
        return selectAmong(scores, candidates, candidates.length, k);
    }

    /** Like {@link #selectAmong(float[], int[], int)} over {@code candidates[0, length)}. */
    public Result selectAmong(float[] scores, int[] candidates, int length, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, but got " + k);
        }
        reset(k);
        for (int c = 0; c < length; c++) {
            int item = candidates[c];
            float s = scores[item];
            if (!(s > Float.NEGATIVE_INFINITY)) {
                continue;
            }
            if (size < k) {
                heapItems[size] = item;
                heapScores[size] = s;
                siftUp(size++);
            } else if (k > 0 && better(s, item, heapScores[0], heapItems[0])) {
                heapItems[0] = item;
                heapScores[0] = s;
                siftDown(0);
            }
        }
        return drain();
    }

    private static void checkArgs(float[] scores, int n, int k) {
        if (n < 0 || n > scores.length) {
            throw new IllegalArgumentException("n " + n + " for a score array of length " + scores.length);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, but got " + k);
        }
    }

    private boolean[] markExcluded(int n, int[] exclude, int excludeLength) {
        if (exclude == null || excludeLength == 0) {
            return null;
        }
        if (excludedMask.length < n) {
            excludedMask = new boolean[n];
        }
        for (int j = 0; j < excludeLength; j++) {
            int e = exclude[j];
            if (e >= 0 && e < n) {
                excludedMask[e] = true;
            }
        }
        return excludedMask;
    }

    private static void clearExcluded(boolean[] mask, int n, int[] exclude, int excludeLength) {
        if (mask == null) {
            return;
        }
        for (int j = 0; j < excludeLength; j++) {
            int e = exclude[j];
            if (e >= 0 && e < n) {
                mask[e] = false;
            }
        }
    }

    private void reset(int k) {
        if (heapItems.length < k) {
            heapItems = new int[k];
            heapScores = new float[k];
        }
        size = 0;
    }

    /** True when (s1, i1) ranks above (s2, i2). */
    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private void siftUp(int pos) {
        final int[] hi = heapItems;
        final float[] hs = heapScores;
        int item = hi[pos];
        float s = hs[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            // The root holds the worst entry: move up while we are worse than the parent.
            if (!better(hs[parent], hi[parent], s, item)) {
                break;
            }
            hi[pos] = hi[parent];
            hs[pos] = hs[parent];
            pos = parent;
        }
        hi[pos] = item;
        hs[pos] = s;
    }

    private void siftDown(int pos) {
        final int[] hi = heapItems;
        final float[] hs = heapScores;
        final int n = size;
        int item = hi[pos];
        float s = hs[pos];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= n) {
                break;
            }
            int right = child + 1;
            if (right < n && better(hs[child], hi[child], hs[right], hi[right])) {
                child = right; // the worse of the two children
            }
            if (!better(s, item, hs[child], hi[child])) {
                break;
            }
            hi[pos] = hi[child];
            hs[pos] = hs[child];
            pos = child;
        }
        hi[pos] = item;
        hs[pos] = s;
    }

    private Result drain() {
        int n = size;
        int[] items = new int[n];
        float[] scores = new float[n];
        // Pop the worst repeatedly and fill from the back.
        for (int pos = n - 1; pos >= 0; pos--) {
            items[pos] = heapItems[0];
            scores[pos] = heapScores[0];
            size--;
            if (size > 0) {
                heapItems[0] = heapItems[size];
                heapScores[0] = heapScores[size];
                siftDown(0);
            }
        }
        return new Result(items, scores);
    }

    @Override
    public String toString() {
        return "TopKSelector[capacity=" + heapItems.length + ", mask=" + excludedMask.length + "]"
                + (size == 0 ? "" : Arrays.toString(Arrays.copyOf(heapItems, size)));
    }
}
