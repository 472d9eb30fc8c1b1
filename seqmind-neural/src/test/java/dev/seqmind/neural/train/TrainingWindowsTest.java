package dev.seqmind.neural.train;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingWindowsTest {
    private static final int[][] HISTORIES = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {4, 5, 6}, {9}};

    @Test
    void lastKeepsTheMostRecentWindowOfEachUsableHistory() {
        int[][] rows = TrainingWindows.LAST.rows(HISTORIES, 4);
        assertThat(rows).isDeepEqualTo(new int[][] {{6, 7, 8, 9, 10}, {4, 5, 6}});
        assertThat(rows[1]).isSameAs(HISTORIES[1]);
    }

    @Test
    void allCutsWindowsThatMakeEveryTransitionATargetOnce() {
        int[][] rows = TrainingWindows.ALL.rows(HISTORIES, 4);
        // window 4: rows of up to 5 items, consecutive rows overlap by one (the earlier row's last target is the
        // later row's first input)
        assertThat(rows).isDeepEqualTo(new int[][] {{6, 7, 8, 9, 10}, {2, 3, 4, 5, 6}, {1, 2}, {4, 5, 6}});
        long targets = Arrays.stream(rows).mapToLong(r -> r.length - 1).sum();
        assertThat(targets).isEqualTo(9 + 2);
    }
}
