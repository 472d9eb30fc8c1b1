package dev.seqmind.insight.segment;

import java.util.Arrays;

/**
 * The adjusted Rand index of two labellings of the same rows (Hubert and Arabie 1985): the share of row pairs on
 * which they agree, corrected for chance, so that 1 means the same partition (whatever the label numbers) and about
 * 0 means no better than random. Labels are non-negative ints (a contingency table of {@code maxA x maxB} cells is
 * counted). Stateless.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    /** @throws IllegalArgumentException if the lengths differ or a label is negative */
    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labellings of " + a.length + " and " + b.length + " rows");
        }
        int ka = Arrays.stream(a).max().orElse(0) + 1;
        int kb = Arrays.stream(b).max().orElse(0) + 1;
        if (Arrays.stream(a).anyMatch(x -> x < 0) || Arrays.stream(b).anyMatch(x -> x < 0)) {
            throw new IllegalArgumentException("labels must be >= 0");
        }
        long[] cells = new long[ka * kb];
        long[] rowsA = new long[ka];
        long[] rowsB = new long[kb];
        for (int i = 0; i < a.length; i++) {
            cells[a[i] * kb + b[i]]++;
            rowsA[a[i]]++;
            rowsB[b[i]]++;
        }
        double index = sumPairs(cells);
        double sumA = sumPairs(rowsA);
        double sumB = sumPairs(rowsB);
        double expected = sumA * sumB / pairs(a.length);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            return 1.0; // both labellings put everything in one group, or every row alone
        }
        return (index - expected) / (max - expected);
    }

    private static double sumPairs(long[] counts) {
        double s = 0;
        for (long c : counts) {
            s += pairs(c);
        }
        return s;
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
