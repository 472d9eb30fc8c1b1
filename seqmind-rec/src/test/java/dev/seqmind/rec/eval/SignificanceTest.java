package dev.seqmind.rec.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
