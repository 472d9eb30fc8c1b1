package dev.seqmind.rec.abtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProportionsTest {
    @Test
    void wilsonIntervalMatchesTheHandComputedOne() {
        // 10 of 100, z = 1.959964: z^2 = 3.841459, denominator 1 + z^2/n = 1.0384146,
        // centre (0.1 + z^2/200) / 1.0384146 = 0.1147974, half-width z / 1.0384146 * sqrt(0.1*0.9/100 + z^2/40000)
        // = 1.887458 * 0.0315600 = 0.0595683 -> [0.0552291, 0.1743657]
        Interval w = Proportions.wilson(10, 100, 0.95);
        assertThat(w.lo()).isCloseTo(0.0552291, within(1e-6));
        assertThat(w.hi()).isCloseTo(0.1743657, within(1e-6));
        // 0 of 20: the interval still has width: [0, z^2/(n + z^2)] = [0, 3.841459/23.841459] = [0, 0.1611252]
        Interval zero = Proportions.wilson(0, 20, 0.95);
        assertThat(zero.lo()).isZero();
        assertThat(zero.hi()).isCloseTo(0.1611252, within(1e-6));
        assertThat(Proportions.wilson(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void newcombeDifferenceMatchesTheHandComputedOne() {
        // 100/1000 vs 130/1000: Wilson [0.0829, 0.1203] and [0.1102, 0.1528]; d = 0.03,
        // lo = d - sqrt((0.13 - lb)^2 + (ua - 0.1)^2) = 0.0020023, hi = d + sqrt((ub - 0.13)^2 + (0.1 - la)^2) = 0.0580705
        Interval d = Proportions.difference(100, 1000, 130, 1000, 0.95);
        assertThat(d.lo()).isCloseTo(0.0020023, within(1e-6));
        assertThat(d.hi()).isCloseTo(0.0580705, within(1e-6));
        // symmetric: swapping the arms mirrors the interval
        Interval back = Proportions.difference(130, 1000, 100, 1000, 0.95);
        assertThat(back.lo()).isCloseTo(-d.hi(), within(1e-12));
        assertThat(back.hi()).isCloseTo(-d.lo(), within(1e-12));
    }

    @Test
    void zIsTheNormalQuantile() {
        assertThat(Proportions.z(0.95)).isCloseTo(1.959964, within(1e-6));
        assertThat(Proportions.quantile(0.8)).isCloseTo(0.841621, within(1e-6));
    }
}
