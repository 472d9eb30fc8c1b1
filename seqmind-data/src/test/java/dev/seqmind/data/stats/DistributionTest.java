package dev.seqmind.data.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected values computed by hand (shown in comments). */
class DistributionTest {
    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        long[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // h = 9 * 0.5 = 4.5 -> x[4] + 0.5 * (x[5] - x[4]) = 5.5
        assertThat(Distribution.quantile(x, 0.5)).isEqualTo(5.5);
        // h = 9 * 0.9 = 8.1 -> 9 + 0.1 * 1 = 9.1
        assertThat(Distribution.quantile(x, 0.9)).isCloseTo(9.1, within(1e-12));
        // h = 9 * 0.99 = 8.91 -> 9 + 0.91 = 9.91
        assertThat(Distribution.quantile(x, 0.99)).isCloseTo(9.91, within(1e-12));
        assertThat(Distribution.quantile(x, 0)).isEqualTo(1);
        assertThat(Distribution.quantile(x, 1)).isEqualTo(10);
        // odd count: the middle value; h = 2 * 0.25 = 0.5 -> 10 + 0.5 * (20 - 10) = 15
        assertThat(Distribution.quantile(new long[] {10, 20, 100}, 0.5)).isEqualTo(20);
        assertThat(Distribution.quantile(new long[] {10, 20, 100}, 0.25)).isEqualTo(15);
        assertThat(Distribution.quantile(new long[] {7}, 0.9)).isEqualTo(7);
        assertThat(Distribution.quantile(new long[0], 0.5)).isZero();
        assertThatThrownBy(() -> Distribution.quantile(x, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    @Test
    void giniMatchesHandComputedValues() {
        // sum |xi - xj| over ordered pairs = 20, 2 * n^2 * mean = 2 * 16 * 2.5 = 80 -> 0.25
        assertThat(Distribution.gini(new long[] {1, 2, 3, 4})).isCloseTo(0.25, within(1e-12));
        // all mass on one of four: 2 * 40 / 40 - 5 / 4 = 0.75 = (n - 1) / n
        assertThat(Distribution.gini(new long[] {0, 0, 0, 10})).isCloseTo(0.75, within(1e-12));
        assertThat(Distribution.gini(new long[] {5, 5, 5})).isCloseTo(0, within(1e-12));
        // {1, 1, 4}: pairs |0|,|3|,|3| -> 6, ordered 12; 2 * 9 * 2 = 36 -> 1/3
        assertThat(Distribution.gini(new long[] {1, 1, 4})).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Distribution.gini(new long[0])).isZero();
        assertThat(Distribution.gini(new long[] {0, 0})).isZero();
    }

    @Test
    void topShareTakesAtLeastOneItemAndRoundsUp() {
        long[] x = {1, 1, 1, 1, 1, 1, 1, 1, 2, 10}; // total 20
        assertThat(Distribution.topShare(x, 0.01)).isCloseTo(0.5, within(1e-12)); // 1 item: 10 / 20
        assertThat(Distribution.topShare(x, 0.10)).isCloseTo(0.5, within(1e-12)); // 1 item
        assertThat(Distribution.topShare(x, 0.20)).isCloseTo(0.6, within(1e-12)); // 2 items: 12 / 20
        assertThat(Distribution.topShare(x, 0.25)).isCloseTo(0.65, within(1e-12)); // ceil(2.5) = 3: 13 / 20
        assertThat(Distribution.topShare(new long[0], 0.1)).isZero();
    }
}
