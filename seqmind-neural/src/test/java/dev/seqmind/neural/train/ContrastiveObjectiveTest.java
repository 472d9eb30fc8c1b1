package dev.seqmind.neural.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ContrastiveObjectiveTest {
    private static final Engine ENGINE = NeuralEngine.start(EngineOptions.defaults().withThreads(1));

    /** NT-Xent written out: row i of [z1; z2] against every other row, its partner the target. */
    private static double expected(float[][] z, int n, float tau) {
        double sum = 0;
        for (int i = 0; i < 2 * n; i++) {
            int partner = i < n ? i + n : i - n;
            double max = Double.NEGATIVE_INFINITY;
            double[] s = new double[2 * n];
            for (int j = 0; j < 2 * n; j++) {
                double dot = 0;
                for (int k = 0; k < z[i].length; k++) {
                    dot += z[i][k] * z[j][k];
                }
                s[j] = dot / tau;
                if (j != i) {
                    max = Math.max(max, s[j]);
                }
            }
            double denom = 0;
            for (int j = 0; j < 2 * n; j++) {
                if (j != i) {
                    denom += Math.exp(s[j] - max);
                }
            }
            sum += -(s[partner] - max - Math.log(denom));
        }
        return sum / (2 * n);
    }

    @Test
    void infoNceMatchesTheEquationsWrittenOut() {
        int n = 3;
        SplittableRandom rng = new SplittableRandom(4);
        float[][] z = new float[2 * n][4];
        float[] flat1 = new float[n * 4];
        float[] flat2 = new float[n * 4];
        for (int i = 0; i < 2 * n; i++) {
            for (int k = 0; k < 4; k++) {
                z[i][k] = (float) rng.nextGaussian();
                (i < n ? flat1 : flat2)[(i % n) * 4 + k] = z[i][k];
            }
        }
        try (NDManager m = ENGINE.newBaseManager()) {
            for (float tau : new float[] {1f, 0.5f}) {
                float got = ContrastiveObjective.infoNce(m, m.create(flat1, new Shape(n, 4)),
                        m.create(flat2, new Shape(n, 4)), tau).getFloat();
                assertThat((double) got).as("tau %s", tau).isCloseTo(expected(z, n, tau), within(1e-4));
            }
        }
    }

    @Test
    void sasRecContrastiveTermIsPositiveAndReachesTheItemTable() {
        ContrastiveObjective c = new ContrastiveObjective(0.1f, 1f, Augmentation.parse("crop:0.6,reorder:0.3", 0));
        SasRecConfig cfg = new SasRecConfig(8, 1, 1, 0.1f, 10, SasRecLoss.FULL_SOFTMAX, 5,
                BlockStyle.sasRecPublished());
        try (ParameterStore params = new ParameterStore(ENGINE.newBaseManager())) {
            SasRecNetwork net = new SasRecNetwork(cfg, 30, params, 1);
            int[][] rows = new int[6][];
            SplittableRandom rng = new SplittableRandom(9);
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rng.ints(4 + rng.nextInt(10), 0, 30).toArray();
            }
            float value;
            try (NDScope s = new NDScope(); NDManager m = params.manager().newSubManager();
                 GradientCollector gc = ENGINE.newGradientCollector()) {
                s.suppressNotUsedWarning();
                NDArray loss = c.loss(m, net, rows, 0, rows.length, new SplittableRandom(3));
                value = loss.getFloat();
                gc.backward(loss);
            }
            // 12 views, each choosing among 11: a random encoder scores about 0.1 * log(11)
            assertThat(value).isBetween(0.01f, 1f);
            float[] g = params.get("item_emb").getGradient().toFloatArray();
            assertThat(g).isNotEqualTo(new float[g.length]);
        }
    }

    @Test
    void aWeightNeedsViewsAndSaneNumbers() {
        assertThat(ContrastiveObjective.OFF.enabled()).isFalse();
        assertThatThrownBy(() -> new ContrastiveObjective(0.1f, 1f, Augmentation.NONE))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("contrastive");
        assertThatThrownBy(() -> new ContrastiveObjective(0.1f, 0f, Augmentation.parse("crop:0.5", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("temperature");
    }
}
