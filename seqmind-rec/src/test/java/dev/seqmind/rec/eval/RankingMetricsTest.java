package dev.seqmind.rec.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected values computed by hand (log2(3) = 1.5849625, log2(4) = 2, log2(5) = 2.3219281). */
class RankingMetricsTest {
    private static final double EPS = 1e-6;

    private static double m(double[] v, Metric metric) {
        return v[metric.ordinal()];
    }

    @Test
    void singleTargetAtRankThree() {
        int[] list = {7, 8, 9, 10, 11};
        double[] at1 = RankingMetrics.compute(list, new int[] {9}, 1);
        assertThat(at1).containsOnly(0.0);
        double[] at5 = RankingMetrics.compute(list, new int[] {9}, 5);
        assertThat(m(at5, Metric.HR)).isEqualTo(1.0);
        assertThat(m(at5, Metric.RECALL)).isEqualTo(1.0);
        assertThat(m(at5, Metric.PRECISION)).isCloseTo(0.2, within(EPS));
        assertThat(m(at5, Metric.F1)).isCloseTo(1.0 / 3, within(EPS)); // 2*0.2*1/1.2
        assertThat(m(at5, Metric.NDCG)).isCloseTo(0.5, within(EPS)); // 1/log2(4)
        assertThat(m(at5, Metric.MRR)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(m(at5, Metric.MAP)).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void twoTargetsAtRanksOneAndFour() {
        int[] list = {3, 1, 2, 4, 5};
        int[] targets = {4, 3};
        double[] at5 = RankingMetrics.compute(list, targets, 5);
        assertThat(m(at5, Metric.HR)).isEqualTo(1.0);
        assertThat(m(at5, Metric.RECALL)).isEqualTo(1.0);
        assertThat(m(at5, Metric.PRECISION)).isCloseTo(0.4, within(EPS));
        assertThat(m(at5, Metric.F1)).isCloseTo(0.8 / 1.4, within(EPS));
        // DCG = 1 + 1/log2(5) = 1.4306766; IDCG = 1 + 1/log2(3) = 1.6309298
        assertThat(m(at5, Metric.NDCG)).isCloseTo(1.4306766 / 1.6309298, within(EPS));
        assertThat(m(at5, Metric.MRR)).isEqualTo(1.0);
        assertThat(m(at5, Metric.MAP)).isCloseTo((1.0 + 2.0 / 4) / 2, within(EPS));

        double[] at2 = RankingMetrics.compute(list, targets, 2);
        assertThat(m(at2, Metric.RECALL)).isCloseTo(0.5, within(EPS));
        assertThat(m(at2, Metric.PRECISION)).isCloseTo(0.5, within(EPS));
        assertThat(m(at2, Metric.F1)).isCloseTo(0.5, within(EPS));
        assertThat(m(at2, Metric.NDCG)).isCloseTo(1 / 1.6309298, within(EPS));
        assertThat(m(at2, Metric.MAP)).isCloseTo(0.5, within(EPS)); // (1/1) / min(2, 2)
    }

    @Test
    void kLargerThanTheListDividesPrecisionByK() {
        double[] v = RankingMetrics.compute(new int[] {5, 6}, new int[] {6}, 20);
        assertThat(m(v, Metric.HR)).isEqualTo(1.0);
        assertThat(m(v, Metric.PRECISION)).isCloseTo(0.05, within(EPS));
        assertThat(m(v, Metric.F1)).isCloseTo(2 * 0.05 / 1.05, within(EPS));
        assertThat(m(v, Metric.NDCG)).isCloseTo(1 / 1.5849625, within(EPS));
        assertThat(m(v, Metric.MRR)).isCloseTo(0.5, within(EPS));
        assertThat(m(v, Metric.MAP)).isCloseTo(0.5, within(EPS));
        // More targets than K: the ideal list is capped at K.
        double[] capped = RankingMetrics.compute(new int[] {1}, new int[] {1, 2, 3}, 1);
        assertThat(m(capped, Metric.NDCG)).isEqualTo(1.0);
        assertThat(m(capped, Metric.MAP)).isEqualTo(1.0);
        assertThat(m(capped, Metric.RECALL)).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void aMissScoresZeroEverywhere() {
        assertThat(RankingMetrics.compute(new int[] {1, 2, 3}, new int[] {4}, 10)).containsOnly(0.0);
        assertThat(RankingMetrics.compute(new int[0], new int[] {4}, 10)).containsOnly(0.0);
    }

    @Test
    void giniOfEvenAndConcentratedCounts() {
        assertThat(BeyondAccuracy.gini(new int[] {3, 3, 3})).isCloseTo(0, within(EPS));
        // sorted 0,0,0,4: sum (2i-n-1) x_i = 3*4 = 12; / (n * total) = 12 / 16
        assertThat(BeyondAccuracy.gini(new int[] {4, 0, 0, 0})).isCloseTo(0.75, within(EPS));
        assertThat(BeyondAccuracy.gini(new int[] {0, 0})).isZero();
    }
}
