package dev.seqmind.data.privacy;

import org.junit.jupiter.api.Test;

import static dev.seqmind.data.privacy.RdpAccountant.Conversion.CLASSIC;
import static dev.seqmind.data.privacy.RdpAccountant.Conversion.IMPROVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RdpAccountantTest {
    private static final double Q = 256 / 60_000.0;

    /**
     * The published DP-SGD MNIST settings of TensorFlow Privacy's tutorial table (tutorials/README.md: batch 256 of
     * 60,000, delta 1e-5, steps = epochs * 60000 // 256, their RDP accountant with the classic conversion; we match to 0.015, the
     * table rounds and its step count may differ by a fraction): noise 1.12
     * for 60 epochs gives 2.92; 0.6 for 30 epochs 9.74; 1.2 for 10 epochs 1.20.
     */
    @Test
    void matchesPublishedDpSgdEpsilons() {
        assertThat(RdpAccountant.epsilon(Q, 1.12, 60 * 60_000 / 256, 1e-5, CLASSIC)).isCloseTo(2.92, within(0.015));
        assertThat(RdpAccountant.epsilon(Q, 0.6, 30 * 60_000 / 256, 1e-5, CLASSIC)).isCloseTo(9.74, within(0.015));
        assertThat(RdpAccountant.epsilon(Q, 1.2, 10 * 60_000 / 256, 1e-5, CLASSIC)).isCloseTo(1.20, within(0.015));
    }

    @Test
    void improvedConversionIsNeverWorseAndEpsilonGrowsWithSteps() {
        double classic = RdpAccountant.epsilon(Q, 1.1, 5000, 1e-6, CLASSIC);
        double improved = RdpAccountant.epsilon(Q, 1.1, 5000, 1e-6, IMPROVED);
        assertThat(improved).isLessThan(classic).isGreaterThan(0.7 * classic);
        assertThat(RdpAccountant.epsilon(Q, 1.1, 10_000, 1e-6, IMPROVED)).isGreaterThan(improved);
        assertThat(RdpAccountant.epsilon(Q, 2.0, 5000, 1e-6, IMPROVED)).isLessThan(improved);
    }

    @Test
    void withoutSamplingItIsTheGaussianMechanismsRdp() {
        // q = 1: RDP alpha / (2 sigma^2) per step, exactly
        assertThat(RdpAccountant.rdp(1, 2, 5)).isEqualTo(5 / 8.0);
        // the integer and fractional forms agree at integer orders
        for (int a : new int[] {2, 3, 8, 20}) {
            assertThat(RdpAccountant.logAFrac(0.01, 1.3, a)).isCloseTo(RdpAccountant.logAInt(0.01, 1.3, a),
                    within(1e-9 + 1e-7 * Math.abs(RdpAccountant.logAInt(0.01, 1.3, a))));
        }
    }

    @Test
    void noiseMultiplierForReachesTheTarget() {
        double sigma = RdpAccountant.noiseMultiplierFor(Q, 14_062, 2.92, 1e-5, CLASSIC);
        assertThat(sigma).isCloseTo(1.12, within(0.01));
        assertThat(RdpAccountant.epsilon(Q, sigma, 14_062, 1e-5, CLASSIC)).isLessThanOrEqualTo(2.92);
    }
}
