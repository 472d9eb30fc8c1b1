package dev.seqmind.data.privacy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SelectionTest {
    @Test
    void contributionBoundKeepsDistinctKeysUpToTheBoundUniformly() {
        ContributionBound b = new ContributionBound(2);
        int[] keys = {5, 3, 5, 3};
        assertThat(b.boundInPlace(keys, 4, new SplittableRandom(1))).isEqualTo(2);
        assertThat(Arrays.copyOf(keys, 2)).containsExactly(3, 5);
        int[] hits = new int[4];
        SplittableRandom rng = new SplittableRandom(2);
        int trials = 40_000;
        for (int t = 0; t < trials; t++) {
            int[] k = {0, 1, 2, 3, 3};
            int kept = b.boundInPlace(k, 5, rng);
            assertThat(kept).isEqualTo(2);
            assertThat(k[0]).isNotEqualTo(k[1]);
            hits[k[0]]++;
            hits[k[1]]++;
        }
        for (int h : hits) {
            assertThat(h / (double) trials).isCloseTo(0.5, within(0.02)); // each of 4 keys kept with p = 2/4
        }
    }

    @Test
    void thresholdLetsASingleUsersKeyThroughWithProbabilityDeltaOverM() {
        LaplaceMechanism noise = new LaplaceMechanism(4, 1);
        PartitionSelection sel = new PartitionSelection(noise, 4, 1e-6);
        double t = sel.threshold();
        assertThat(noise.tail(t - 1)).isCloseTo(1e-6 / 4, within(1e-12));
        // closed form of Korolova et al.: 1 + (m / eps) ln(m / (2 delta))
        assertThat(t).isCloseTo(1 + 4 * Math.log(4 / (2 * 1e-6)), within(1e-9));
        assertThat(sel.cost()).isEqualTo(new PrivacyCost(1, 1e-6));
        // Empirically with a large delta: a count of 1 crosses the threshold with about delta / m.
        PartitionSelection loose = new PartitionSelection(noise, 4, 0.4);
        SplittableRandom rng = new SplittableRandom(5);
        int n = 200_000;
        int passed = 0;
        for (int i = 0; i < n; i++) {
            passed += noise.release(1, rng) > loose.threshold() ? 1 : 0;
        }
        assertThat(passed / (double) n).isCloseTo(0.1, within(0.005));
    }

    @Test
    void noisyTopKFollowsTheExponentialMechanism() {
        // k = 1: P(i) is proportional to exp(eps * s_i / (2 * sensitivity)).
        double[] scores = {0, 1, 2, 3};
        double eps = 1;
        NoisyTopK top = new NoisyTopK(1, eps, 1, false);
        int[] hits = new int[4];
        SplittableRandom rng = new SplittableRandom(9);
        int n = 100_000;
        for (int t = 0; t < n; t++) {
            hits[top.select(scores, rng)[0]]++;
        }
        double z = 0;
        for (double s : scores) {
            z += Math.exp(eps * s / 2);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(hits[i] / (double) n).isCloseTo(Math.exp(eps * scores[i] / 2) / z, within(0.006));
        }
    }

    @Test
    void noisyTopKWithLargeEpsilonFindsTheTrueTopK() {
        double[] scores = new double[50];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (i * 37) % 50 * 100;
        }
        int[] chosen = new NoisyTopK(3, 1e4, 1, true).select(scores, new SplittableRandom(1));
        assertThat(chosen).hasSize(3);
        for (int c : chosen) {
            assertThat(scores[c]).isGreaterThanOrEqualTo(4700);
        }
        assertThat(new NoisyTopK(3, 6, 2, true).gumbelScale()).isEqualTo(1.0);
        assertThat(new NoisyTopK(3, 6, 2, false).gumbelScale()).isEqualTo(2.0);
    }
}
