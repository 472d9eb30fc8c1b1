package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LengthBucketsTest {
    /** 50 rows of lengths 2..41 and a few repeats, in a fixed shuffled order. */
    private static int[][] rows() {
        SplittableRandom rng = new SplittableRandom(3);
        int[][] rows = new int[50][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new int[2 + rng.nextInt(40)];
            rows[i][0] = i; // identity, to check the permutation
        }
        return rows;
    }

    /** The rows' identities, sorted. */
    private static int[] ids(int[][] rows) {
        return Arrays.stream(rows).mapToInt(r -> r[0]).sorted().toArray();
    }

    /** Cells a loop padding each batch to its longest row computes. */
    private static long paddedCells(int[][] rows, int batch) {
        long cells = 0;
        for (int from = 0; from < rows.length; from += batch) {
            int to = Math.min(rows.length, from + batch);
            int longest = Arrays.stream(rows, from, to).mapToInt(r -> r.length).max().orElse(0);
            cells += (long) longest * (to - from);
        }
        return cells;
    }

    @Test
    void offLeavesTheShuffledOrder() {
        int[][] rows = rows();
        assertThat(LengthBuckets.OFF.arrange(rows, 8, new SplittableRandom(1))).isSameAs(rows);
    }

    @Test
    void poolsAreSortedIntoBatchesOfSimilarLengthAndEveryRowStays() {
        int[][] rows = rows();
        int[][] out = new LengthBuckets(3).arrange(rows, 8, new SplittableRandom(1));
        // a permutation of the same arrays
        assertThat(ids(out)).isEqualTo(ids(rows));
        // pools of 24 rows: each pool holds the same rows as before, its batches cover disjoint length bands
        for (int pool = 0; pool < 50; pool += 24) {
            int end = Math.min(50, pool + 24);
            assertThat(ids(Arrays.copyOfRange(out, pool, end))).isEqualTo(ids(Arrays.copyOfRange(rows, pool, end)));
            for (int a = pool; a < end; a += 8) {
                for (int b = pool; b < end; b += 8) {
                    int aMax = Arrays.stream(out, a, Math.min(end, a + 8)).mapToInt(r -> r.length).max().orElseThrow();
                    int bMin = Arrays.stream(out, b, Math.min(end, b + 8)).mapToInt(r -> r.length).min().orElseThrow();
                    int bMax = Arrays.stream(out, b, Math.min(end, b + 8)).mapToInt(r -> r.length).max().orElseThrow();
                    int aMin = Arrays.stream(out, a, Math.min(end, a + 8)).mapToInt(r -> r.length).min().orElseThrow();
                    if (a != b) {
                        assertThat(aMax <= bMin || bMax <= aMin).as("batches at %d and %d overlap", a, b).isTrue();
                    }
                }
            }
        }
        // a pool ending in a short batch (20 = 2 x 8 + 4) keeps it last: the pool's four shortest rows
        int[][] twenty = Arrays.copyOf(rows, 20);
        int[][] arranged = new LengthBuckets(10).arrange(twenty, 8, new SplittableRandom(1));
        int[] shortest = Arrays.stream(twenty).mapToInt(r -> r.length).sorted().limit(4).toArray();
        assertThat(Arrays.stream(arranged, 16, 20).mapToInt(r -> r.length).sorted().toArray()).isEqualTo(shortest);
        assertThat(paddedCells(out, 8)).isLessThan(paddedCells(rows, 8));
    }

    @Test
    void sameSeedSameBatchesAndBatchOrderIsDrawn() {
        int[][] rows = rows();
        LengthBuckets b = new LengthBuckets(10);
        assertThat(b.arrange(rows, 5, new SplittableRandom(7))).isEqualTo(b.arrange(rows, 5, new SplittableRandom(7)));
        int[][] sortedOrder = rows.clone();
        Arrays.sort(sortedOrder, Comparator.comparingInt((int[] r) -> r.length).reversed());
        assertThat(b.arrange(rows, 5, new SplittableRandom(7))).isNotEqualTo(sortedOrder);
    }

    @Test
    void aBatchWeighsItsCellsAgainstTheMeanBatch() {
        int[][] rows = {{1, 2, 3}, {1, 2}, {1, 2, 3, 4, 5, 6, 7}};
        assertThat(LengthBuckets.cells(rows, 0, 3, 4)).isEqualTo(2 + 1 + 4); // the last row capped at the window
        assertThat(new LengthBuckets(4).weight(rows, 0, 2, 4, 6.0)).isEqualTo(0.5f);
        assertThat(LengthBuckets.OFF.weight(rows, 0, 2, 4, 6.0)).isEqualTo(1f);
    }

    @Test
    void negativePoolIsRefused() {
        assertThatThrownBy(() -> new LengthBuckets(-1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("length-buckets");
    }
}
