package dev.seqmind.neural.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class NextItemBatchTest {
    private static final int[][] SEQS = {{7}, {1, 2, 3}, {4, 5}};

    @Test
    void leftPaddedCellsPointAtEachInputPositionAndItsSuccessor() {
        NextItemBatch b = NextItemBatch.leftPadded(SEQS, 1, 3, 10);
        assertArrayEquals(new long[] {2, 3, 0, 5}, b.inputs().tokens());
        assertArrayEquals(new long[] {0, 1, 3}, b.cells());
        assertArrayEquals(new long[] {2, 3, 5}, b.targets());
    }

    @Test
    void rightPaddedCellsStartAtColumnZero() {
        NextItemBatch b = NextItemBatch.rightPadded(SEQS, 1, 3, 10);
        assertArrayEquals(new long[] {2, 3, 5, 0}, b.inputs().tokens());
        assertArrayEquals(new long[] {0, 1, 2}, b.cells());
        assertArrayEquals(new long[] {2, 3, 5}, b.targets());
    }

    @Test
    void truncationKeepsTheMostRecentPairs() {
        NextItemBatch b = NextItemBatch.leftPadded(new int[][] {{1, 2, 3, 4, 5}}, 0, 1, 2);
        assertArrayEquals(new long[] {4, 5}, b.inputs().tokens());
        assertArrayEquals(new long[] {4, 5}, b.targets());
    }
}
