package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AugmentationTest {
    private static final int[] SEQ = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};

    @Test
    void cropKeepsAContiguousRunOfTheShare() {
        for (int seed = 0; seed < 50; seed++) {
            int[] v = Augmentation.crop(SEQ, 0.6f, new SplittableRandom(seed));
            assertThat(v).hasSize(6);
            assertThat(v[5] - v[0]).isEqualTo(5); // contiguous, in order
        }
        assertThat(Augmentation.crop(new int[] {1, 2, 3}, 0.1f, new SplittableRandom(1))).hasSize(2);
    }

    @Test
    void reorderShufflesOneRunAndLeavesTheRestInPlace() {
        boolean changed = false;
        for (int seed = 0; seed < 50; seed++) {
            int[] v = Augmentation.reorder(SEQ, 0.3f, new SplittableRandom(seed));
            assertThat(v).containsExactlyInAnyOrder(SEQ);
            int differ = 0;
            int first = -1;
            int last = -1;
            for (int i = 0; i < v.length; i++) {
                if (v[i] != SEQ[i]) {
                    differ++;
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            assertThat(differ).isLessThanOrEqualTo(3);
            if (differ > 0) {
                assertThat(last - first).isLessThan(3);
                changed = true;
            }
        }
        assertThat(changed).isTrue();
    }

    @Test
    void dropRemovesTheShareKeepingOrderAndTwoItems() {
        int[] v = Augmentation.drop(SEQ, 0.3f, new SplittableRandom(4));
        assertThat(v).hasSize(7);
        int[] sorted = v.clone();
        Arrays.sort(sorted);
        assertThat(v).containsExactly(sorted);
        assertThat(Augmentation.drop(new int[] {1, 2, 3}, 0.9f, new SplittableRandom(4))).hasSize(2);
    }

    @Test
    void applyChangesAboutTheChosenShareAndNeverTheInput() {
        int[][] rows = new int[1000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = SEQ.clone();
        }
        Augmentation a = Augmentation.parse("crop:0.5", 0.3f);
        int[][] out = a.apply(rows, 0, rows.length, new SplittableRandom(7));
        long cropped = Arrays.stream(out).filter(r -> r.length == 5).count();
        assertThat(cropped).isBetween(240L, 360L);
        for (int[] r : rows) {
            assertThat(r).containsExactly(SEQ);
        }
        // none: the very rows, and the same rows for the same seed
        assertThat(Augmentation.parse("none", 0.5f).apply(rows, 3, 5, new SplittableRandom(1))[0]).isSameAs(rows[3]);
        assertThat(a.apply(rows, 0, 20, new SplittableRandom(9))).isDeepEqualTo(a.apply(rows, 0, 20,
                new SplittableRandom(9)));
    }

    @Test
    void badSpecsNameTheOption() {
        assertThatThrownBy(() -> Augmentation.parse("mask:0.2", 0.5f)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("--augment");
        assertThatThrownBy(() -> Augmentation.parse("crop", 0.5f)).hasMessageContaining("OPERATOR:RATE");
        assertThatThrownBy(() -> Augmentation.parse("crop:1.5", 0.5f)).hasMessageContaining("crop");
    }
}
