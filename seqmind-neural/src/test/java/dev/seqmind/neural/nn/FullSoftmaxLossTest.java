package dev.seqmind.neural.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seqmind.neural.engine.NeuralEngine;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FullSoftmaxLossTest {
    @Test
    void matchesAutogradCrossEntropyAcrossChunks() {
        Engine e = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        SplittableRandom rng = new SplittableRandom(3);
        int n = 1000;
        int c = 300;
        int d = 16;
        long[] tg = rng.longs(n, 0, c).toArray();
        float[][] grads = new float[4][];
        float[] losses = new float[2];
        for (int variant = 0; variant < 2; variant++) {
            try (NDManager m = e.newBaseManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                m.getEngine().setRandomSeed(5);
                NDArray h = m.randomNormal(new Shape(n, d));
                NDArray w = m.randomNormal(new Shape(c, d));
                h.setRequiresGradient(true);
                w.setRequiresGradient(true);
                try (GradientCollector gc = e.newGradientCollector()) {
                    NDArray l = variant == 0 ? Layers.crossEntropy(h.matMul(w.transpose()), m.create(tg))
                            : FullSoftmaxLoss.objective(m, h, w, tg, 256);
                    losses[variant] = l.getFloat();
                    gc.backward(l);
                }
                grads[2 * variant] = h.getGradient().toFloatArray();
                grads[2 * variant + 1] = w.getGradient().toFloatArray();
            }
        }
        assertThat(losses[1]).isCloseTo(losses[0], within(1e-3f));
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < grads[k].length; i++) {
                assertThat(grads[2 + k][i]).as("grad %d[%d]", k, i).isCloseTo(grads[k][i], within(1e-5f));
            }
        }
    }
}
