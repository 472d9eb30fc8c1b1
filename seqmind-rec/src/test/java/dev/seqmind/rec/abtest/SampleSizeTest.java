package dev.seqmind.rec.abtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleSizeTest {
    @Test
    void matchesTheHandComputedSizes() {
        // p1 = 0.05, p2 = 0.055, pbar = 0.0525: 1.959964 * sqrt(2 * 0.0525 * 0.9475) = 0.618203,
        // 0.841621 * sqrt(0.0475 + 0.051975) = 0.265445; (0.883648)^2 / 0.005^2 = 31233.44 -> 31234 per arm
        assertThat(new SampleSize(0.05, 0.1, 0.05, 0.8).perArm()).isEqualTo(31_234);
        // p1 = 0.1, p2 = 0.12, power 0.9 (z = 1.281552): (1.959964 * sqrt(2 * 0.11 * 0.89)
        // + 1.281552 * sqrt(0.09 + 0.1056))^2 / 0.02^2 = 5141.31 -> 5142
        assertThat(new SampleSize(0.1, 0.2, 0.05, 0.9).perArm()).isEqualTo(5_142);
    }

    @Test
    void refusesImpossibleInputs() {
        assertThatThrownBy(() -> new SampleSize(0, 0.1, 0.05, 0.8)).hasMessageContaining("baseline");
        assertThatThrownBy(() -> new SampleSize(0.6, 1, 0.05, 0.8)).hasMessageContaining("lift");
        assertThatThrownBy(() -> new SampleSize(0.05, 0.1, 1.5, 0.8)).hasMessageContaining("alpha");
    }
}
