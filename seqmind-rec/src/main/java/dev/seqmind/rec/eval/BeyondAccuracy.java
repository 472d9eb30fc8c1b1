package dev.seqmind.rec.eval;

/**
 * Beyond-accuracy figures of the top-K lists at one K, over all evaluated users.
 *
 * @param k                  the cut-off
 * @param coverage           distinct items recommended / items in the catalogue
 * @param novelty            mean over users of the mean self-information {@code -log2((count(i) + 1) / (events +
 *                           items))} of recommended items, counts from training
 * @param intraListDiversity mean over users of the mean pairwise category distance (Jaccard) in the list; NaN when
 *                           no item has categories
 * @param averagePopularity  mean over users of the mean training event count of recommended items
 * @param gini               Gini coefficient of how often each catalogue item was recommended (0 = evenly, 1 = one
 *                           item only)
 */
public record BeyondAccuracy(int k, double coverage, double novelty, double intraListDiversity,
                             double averagePopularity, double gini) {
    /** Gini of non-negative counts over all items (zeros included). */
    public static double gini(int[] counts) {
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return total == 0 || n == 0 ? 0 : weighted / (n * total);
    }
}
