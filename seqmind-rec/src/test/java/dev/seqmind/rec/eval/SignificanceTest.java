package dev.seqmind.rec.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SignificanceTest {
    @Test
    void bootstrapIntervalContainsTheMeanAndIsReproducible() {
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 4 == 0 ? 1 : 0;
        }
        var a = Significance.bootstrap(new float[][] {v}, 500, 0.95, 11)[0];
        var b = Significance.bootstrap(new float[][] {v}, 500, 0.95, 11)[0];
        assertThat(a).isEqualTo(b);
        assertThat(a.mean()).isEqualTo(0.25);
        assertThat(a.low()).isLessThan(0.25).isGreaterThan(0.15);
        assertThat(a.high()).isGreaterThan(0.25).isLessThan(0.35);
    }

    @Test
    void pairedTestsSeparateAClearDifferenceFromNone() {
        float[] a = new float[100];
        float[] b = new float[100];
        for (int i = 0; i < 100; i++) {
            a[i] = i % 2 == 0 ? 1 : 0;
            b[i] = i % 10 == 0 ? 1 : 0;
        }
        var c = Significance.compare(a, b);
        assertThat(c.meanDifference()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(c.significant(0.05)).isTrue();
        var same = Significance.compare(a, a.clone());
        assertThat(same.tTestP()).isEqualTo(1.0);
        assertThat(same.significant(0.05)).isFalse();
    }

    @Test
    void wilcoxonMatchesAnIndependentImplementationWithTiesAndZeros() {
        // expected p-values from SciPy 1.17.1: wilcoxon(x, y, zero_method='wilcox', correction=True, method='approx');
        // by hand: 7 non-zero differences, W+ 24, mean 14, variance 35 - 48/48 = 34, z = 9.5 / sqrt(34)
        float[] x = {0.5f, 0.25f, 0.875f, 0.375f, 0.375f, 0f, 0.75f, 0.25f, 0.625f, 0.125f};
        float[] y = {0.25f, 0.25f, 0.5f, 0.625f, 0.125f, 0f, 0.375f, 0.25f, 0.25f, 0.25f};
        assertThat(Significance.wilcoxonP(x, y)).isCloseTo(0.10326295042870087, within(1e-12));
        assertThat(Significance.wilcoxonP(y, x)).isCloseTo(0.10326295042870087, within(1e-12));
        // 990 unchanged cases must not make 6 wins against 4 losses look significant
        float[] a = new float[1000];
        float[] b = new float[1000];
        for (int i = 0; i < 6; i++) {
            a[i] = 0.5f;
        }
        for (int i = 6; i < 10; i++) {
            b[i] = 0.5f;
        }
        assertThat(Significance.wilcoxonP(a, b)).isCloseTo(0.5653186374272073, within(1e-12));
        assertThat(Significance.wilcoxonP(a, a.clone())).isEqualTo(1.0);
    }
}
