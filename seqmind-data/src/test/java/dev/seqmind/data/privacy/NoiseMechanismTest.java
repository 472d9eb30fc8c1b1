package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NoiseMechanismTest {
    private static final int N = 20_000;

    private static double[] draws(NoiseMechanism m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = m.sample(rng);
        }
        return x;
    }

    @Test
    void laplaceNoiseFollowsLaplaceOfScaleSensitivityOverEpsilon() {
        LaplaceMechanism m = new LaplaceMechanism(3, 0.5);
        assertThat(m.scale()).isEqualTo(6.0);
        double[] x = draws(m, 7);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertThat(ks.kolmogorovSmirnovTest(new LaplaceDistribution(0, 6), x)).isGreaterThan(0.01);
        // The same test has the power to reject a scale off by 10 %, and a Gaussian of the same variance.
        assertThat(ks.kolmogorovSmirnovTest(new LaplaceDistribution(0, 6.6), x)).isLessThan(1e-4);
        assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, m.stddev()), x)).isLessThan(1e-4);
    }

    @Test
    void gaussianNoiseFollowsNormalWithTheCalibratedSigma() {
        GaussianMechanism m = GaussianMechanism.of(2, 1, 1e-5);
        double[] x = draws(m, 11);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, m.sigma()), x)).isGreaterThan(0.01);
        assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, m.sigma() * 1.1), x)).isLessThan(1e-4);
    }

    @Test
    void sameSeedGivesSameNoise() {
        LaplaceMechanism m = new LaplaceMechanism(1, 1);
        assertThat(draws(m, 3)).containsExactly(draws(m, 3));
        assertThat(draws(m, 3)).isNotEqualTo(draws(m, 4));
    }

    @Test
    void analyticGaussianMeetsDeltaExactlyAndBeatsTheClassicBound() {
        for (double eps : new double[]{0.1, 0.5, 1, 4}) {
            GaussianMechanism m = GaussianMechanism.of(1, eps, 1e-5);
            assertThat(hockeyStick(1, m.sigma(), eps)).isCloseTo(1e-5, within(2e-8));
            assertThat(hockeyStick(1, m.sigma() * 0.98, eps)).isGreaterThan(1e-5);
            if (eps < 1) {
                assertThat(m.sigma()).isLessThan(Math.sqrt(2 * Math.log(1.25 / 1e-5)) / eps);
            }
        }
        // Sensitivity scales sigma linearly.
        assertThat(GaussianMechanism.of(3, 1, 1e-6).sigma())
                .isCloseTo(3 * GaussianMechanism.of(1, 1, 1e-6).sigma(), within(1e-6));
    }

    /**
     * The exact delta at epsilon of N(0, s) against N(d, s), integrated numerically as
     * {@code max(0, p(x) - e^eps q(x))}: an oracle independent of the closed form the mechanism uses.
     */
    private static double hockeyStick(double d, double s, double eps) {
        NormalDistribution p = new NormalDistribution(0, s);
        NormalDistribution q = new NormalDistribution(d, s);
        double lo = -12 * s - d;
        double hi = 12 * s + d;
        int steps = 400_000;
        double h = (hi - lo) / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double x = lo + (i + 0.5) * h;
            sum += Math.max(0, p.density(x) - Math.exp(eps) * q.density(x));
        }
        return sum * h;
    }

    @Test
    void tailsInvertEachOther() {
        NoiseMechanism[] ms = {new LaplaceMechanism(2, 0.7), GaussianMechanism.of(1.5, 0.7, 1e-6)};
        for (NoiseMechanism m : ms) {
            for (double p : new double[]{1e-9, 1e-3, 0.3, 0.7}) {
                assertThat(m.tail(m.tailInverse(p))).isCloseTo(p, within(p * 1e-6));
            }
        }
        assertThat(new LaplaceMechanism(1, 1).tail(0)).isEqualTo(0.5);
    }

    @Test
    void rejectsMeaninglessParameters() {
        assertThatThrownBy(() -> new LaplaceMechanism(1, 0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> GaussianMechanism.of(1, 1, 0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("delta");
        assertThatThrownBy(() -> new PrivacyCost(-1, 0)).isInstanceOf(InvalidParameterException.class);
    }
}
