package dev.seqmind.insight.similar;

/**
 * Order-respecting similarity of two item sequences. Both measures treat a sequence as a string of item ids:
 * <ul>
 *   <li>{@link #lcsSimilarity}: the length of the longest common subsequence divided by the longer length (1 for
 *       equal sequences, 0 when no item is shared; "A B C" vs "A C B" shares "A B" or "A C", so 2/3);</li>
 *   <li>{@link #editSimilarity}: 1 minus the Levenshtein distance (insertions, deletions, substitutions, each cost
 *       1) divided by the longer length.</li>
 * </ul>
 * Two empty sequences are identical (similarity 1). Both run in {@code O(|a| * |b|)} time and {@code O(min)}
 * memory. Stateless.
 */
public final class SequenceSimilarity {
    private SequenceSimilarity() {
    }

    /** Length of the longest common subsequence of {@code a} and {@code b}. */
    public static int lcsLength(int[] a, int[] b) {
        if (a.length < b.length) {
            int[] t = a;
            a = b;
            b = t;
        }
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** Levenshtein distance between {@code a} and {@code b}. */
    public static int editDistance(int[] a, int[] b) {
        if (a.length < b.length) {
            int[] t = a;
            a = b;
            b = t;
        }
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** {@code lcsLength / max(|a|, |b|)}, in [0, 1]. */
    public static double lcsSimilarity(int[] a, int[] b) {
        int max = Math.max(a.length, b.length);
        return max == 0 ? 1 : lcsLength(a, b) / (double) max;
    }

    /** {@code 1 - editDistance / max(|a|, |b|)}, in [0, 1]. */
    public static double editSimilarity(int[] a, int[] b) {
        int max = Math.max(a.length, b.length);
        return max == 0 ? 1 : 1 - editDistance(a, b) / (double) max;
    }
}
