package dev.seqmind.insight.segment;

import dev.seqmind.data.progress.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentMathTest {
    @Test
    void silhouetteOfTwoPairsWorkedOutByHand() {
        // 1-D points 0, 1 | 5, 6. Point 0: a = 1, b = (5 + 6) / 2 = 5.5, s = 4.5 / 5.5; point 1: a = 1, b = 4.5,
        // s = 3.5 / 4.5; the other pair mirrors them. Mean = (9/11 + 7/9) / 2.
        double[][] rows = {{0}, {1}, {5}, {6}};
        double s = Silhouette.mean(rows, new int[] {0, 0, 1, 1}, 2);
        assertThat(s).isCloseTo((9.0 / 11 + 7.0 / 9) / 2, within(1e-12));
    }

    @Test
    void silhouetteCountsASingletonAsZeroAndPunishesABadSplit() {
        // {0} alone: s = 0. {4, 5}: point 4: a = 1, b = 4, s = 3/4; point 5: a = 1, b = 5, s = 4/5.
        double[][] rows = {{0}, {4}, {5}};
        assertThat(Silhouette.mean(rows, new int[] {0, 1, 1}, 2)).isCloseTo((0.75 + 0.8) / 3, within(1e-12));
        // putting 1 with 5 and 6 with 0 makes every point closer to the other segment: negative
        assertThat(Silhouette.mean(new double[][] {{0}, {1}, {5}, {6}}, new int[] {0, 1, 1, 0}, 2)).isNegative();
    }

    @Test
    void adjustedRandIndexWorkedOutByHand() {
        // contingency of [0 0 1 1] vs [0 0 1 2]: cells 2,1,1 -> index 1; rows 2,2 -> 2; columns 2,1,1 -> 1;
        // expected 2 * 1 / 6 = 1/3; max 3/2; ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isCloseTo(4.0 / 7, within(1e-12));
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(-0.5,
                within(1e-12));
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 0})).isEqualTo(1.0);
    }

    @Test
    void kMeansFindsThreeSeparatedBlobsAndSilhouettePicksThree() {
        SplittableRandom rnd = new SplittableRandom(1);
        double[][] rows = new double[300][2];
        int[] truth = new int[300];
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        for (int i = 0; i < rows.length; i++) {
            truth[i] = i % 3;
            rows[i][0] = centres[truth[i]][0] + rnd.nextGaussian();
            rows[i][1] = centres[truth[i]][1] + rnd.nextGaussian();
        }
        Segmenter.Result r = Segmenter.defaults(42).withK(2, 6, 0).segment(rows,
                Progress.NONE);
        assertThat(r.choice().bySilhouette()).isEqualTo(3);
        assertThat(r.choice().byElbow()).isEqualTo(3);
        assertThat(r.clustering().k()).isEqualTo(3);
        assertThat(AdjustedRandIndex.of(truth, r.clustering().labels())).isGreaterThan(0.99);
        assertThat(r.clustering().sizes()).containsExactly(100, 100, 100);
        // the same seed gives the same labels
        Segmenter.Result again = Segmenter.defaults(42).withK(2, 6, 0).segment(rows,
                Progress.NONE);
        assertThat(again.clustering().labels()).isEqualTo(r.clustering().labels());
        // inertia never rises with k on these blobs
        List<KScore> s = r.choice().scores();
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).inertia()).isLessThanOrEqualTo(s.get(i - 1).inertia());
        }
    }

    @Test
    void elbowIsThePointFarthestBelowTheChord() {
        List<KScore> s = List.of(new KScore(2, 100, 0), new KScore(3, 30, 0), new KScore(4, 20, 0),
                new KScore(5, 10, 0));
        // drops achieved: k=3 70/90 vs x 1/3; k=4 80/90 vs 2/3 -> k=3 is farthest
        assertThat(KChoice.elbow(s)).isEqualTo(3);
    }
}
