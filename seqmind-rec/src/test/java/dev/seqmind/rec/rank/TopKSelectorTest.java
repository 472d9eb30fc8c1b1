package dev.seqmind.rec.rank;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TopKSelectorTest {
    @Test
    void picksHighestScoresBestFirst() {
        var r = new TopKSelector().select(new float[] {0.1f, 0.9f, 0.5f, 0.7f}, 4, 2);
        assertThat(r.items()).containsExactly(1, 3);
        assertThat(r.scores()).containsExactly(0.9f, 0.7f);
    }

    @Test
    void tiesGoToTheLowerItemId() {
        var r = new TopKSelector().select(new float[] {1, 2, 2, 2, 1}, 5, 2);
        assertThat(r.items()).containsExactly(1, 2);
        var all = new TopKSelector().select(new float[] {1, 1, 1, 1}, 4, 3);
        assertThat(all.items()).containsExactly(0, 1, 2);
    }

    @Test
    void exclusionAndUnscorableItemsAreNeverReturned() {
        float[] s = {5, 4, Float.NEGATIVE_INFINITY, Float.NaN, 3, 2};
        var sel = new TopKSelector();
        var r = sel.select(s, 6, 10, new int[] {0, 0, 99, -1}, 4);
        assertThat(r.items()).containsExactly(1, 4, 5);
        // The mask is cleared afterwards: item 0 is back next time.
        assertThat(sel.select(s, 6, 1).items()).containsExactly(0);
    }

    @Test
    void kOfZeroOrLargerThanTheArrayIsFine() {
        assertThat(new TopKSelector().select(new float[] {1, 2}, 2, 0).size()).isZero();
        assertThat(new TopKSelector().select(new float[] {1, 2}, 2, 5).items()).containsExactly(1, 0);
    }

    @Test
    void selectAmongRanksOnlyTheCandidates() {
        float[] s = {9, 1, 3, 3, 7};
        var r = new TopKSelector().selectAmong(s, new int[] {3, 1, 2}, 2);
        assertThat(r.items()).containsExactly(2, 3);
    }

    @Test
    void agreesWithAFullSortOnRandomScoresWithManyTies() {
        var rnd = new SplittableRandom(7);
        var sel = new TopKSelector();
        for (int round = 0; round < 300; round++) {
            int n = 1 + rnd.nextInt(200);
            int k = rnd.nextInt(30);
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = rnd.nextInt(10) == 0 ? Float.NEGATIVE_INFINITY : rnd.nextInt(8);
            }
            int[] excl = rnd.ints(rnd.nextInt(5), 0, n).toArray();
            int[] expected = IntStream.range(0, n)
                    .filter(i -> s[i] > Float.NEGATIVE_INFINITY && Arrays.stream(excl).noneMatch(e -> e == i))
                    .boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(sel.select(s, n, k, excl, excl.length).items()).containsExactly(expected);
        }
    }
}
