package dev.seqmind.data.generate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AliasSamplerTest {
    @Test
    void drawsInProportionToWeights() {
        double[] w = {1, 0, 3, 6};
        AliasSampler s = new AliasSampler(w);
        SplittableRandom rnd = new SplittableRandom(1);
        int[] counts = new int[4];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[s.sample(rnd)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0] / (double) n).isCloseTo(0.1, within(0.005));
        assertThat(counts[2] / (double) n).isCloseTo(0.3, within(0.005));
        assertThat(counts[3] / (double) n).isCloseTo(0.6, within(0.005));
    }

    @Test
    void rejectsWeightsThatAreNotADistribution() {
        assertThatThrownBy(() -> new AliasSampler(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasSampler(new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasSampler(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
