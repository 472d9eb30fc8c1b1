package dev.seqmind.insight.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PcaTest {
    @Test
    void pointsOnTheDiagonalHaveOneComponentAlongIt() {
        Pca p = Pca.fit(new double[][] {{-1, -1}, {0, 0}, {1, 1}}, 2);
        double r = Math.sqrt(0.5);
        assertThat(p.components()[0]).containsExactly(new double[] {r, r}, within(1e-12));
        assertThat(p.explained()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(p.project(new double[] {1, 1})[0]).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(p.project(new double[] {1, 1})[1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void axisAlignedCrossWorkedOutByHand() {
        // (2,0) (-2,0) (0,1) (0,-1): sample covariance diag(8/3, 2/3): PC1 = x with 80% of the variance
        Pca p = Pca.fit(new double[][] {{2, 0}, {-2, 0}, {0, 1}, {0, -1}}, 2);
        assertThat(p.variances()).containsExactly(new double[] {8.0 / 3, 2.0 / 3}, within(1e-12));
        assertThat(p.explained()).containsExactly(new double[] {0.8, 0.2}, within(1e-12));
        assertThat(p.components()[0]).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(p.components()[1]).containsExactly(new double[] {0, 1}, within(1e-12));
        assertThat(p.project(new double[] {-2, 0})).containsExactly(new double[] {-2, 0}, within(1e-12));
    }
}
