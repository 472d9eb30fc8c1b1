package dev.seqmind.neural.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PaddedBatchTest {
    private static final int[][] ROWS = {{9, 9}, {4, 5, 6, 7}, {8}, {1, 2}};

    @Test
    void leftPaddingKeepsTheMostRecentItemsAtTheRightEnd() {
        PaddedBatch b = PaddedBatch.ofItems(ROWS, 1, 4, 3);
        assertEquals(3, b.batch());
        assertEquals(3, b.length());
        assertArrayEquals(new long[] {6, 7, 8, 0, 0, 9, 0, 2, 3}, b.tokens());
        assertArrayEquals(new long[] {0, 1, 2, 5, 7, 8}, b.nonPadIndices());
        assertArrayEquals(new long[] {2, 5, 8}, b.lastIndices());
    }

    @Test
    void rightPaddingStartsEveryRowAtColumnZero() {
        PaddedBatch b = PaddedBatch.ofItemsRightPadded(ROWS, 1, 4, 3);
        assertEquals(3, b.length());
        assertArrayEquals(new long[] {6, 7, 8, 9, 0, 0, 2, 3, 0}, b.tokens());
        assertArrayEquals(new long[] {0, 1, 2, 3, 6, 7}, b.nonPadIndices());
        assertArrayEquals(new long[] {2, 3, 7}, b.lastIndices());
    }

    @Test
    void widthIsTheLongestRowAndAtLeastOne() {
        assertEquals(2, PaddedBatch.ofItems(ROWS, 2, 4, 50).length());
        PaddedBatch empty = PaddedBatch.ofItemsRightPadded(new int[][] {{}}, 0, 1, 5);
        assertEquals(1, empty.length());
        assertArrayEquals(new long[] {0}, empty.tokens());
        assertArrayEquals(new long[] {0}, empty.lastIndices());
    }
}
