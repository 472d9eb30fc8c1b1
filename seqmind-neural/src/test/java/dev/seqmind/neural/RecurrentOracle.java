package dev.seqmind.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.train.SequenceNetwork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the recurrent networks' oracle tests share: random weights everywhere (biases included, so a swapped gate or
 * a dropped bias cannot go unnoticed), a batch of unequal lengths with one history longer than the window, the
 * engine's scores compared with a plain-Java forward, and the plain-Java readout both networks end with (projection
 * of the last hidden state to the item space, dot product with the tied item table).
 */
public final class RecurrentOracle {
    /** Right padding, a repeat, and one history longer than any window the tests use. */
    public static final int[][] HISTORIES = {{3}, {0, 8, 2, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 0, 1}, {6, 6}};

    private RecurrentOracle() {
    }

    /**
     * Builds the network on fresh parameters, fills them with values from {@code seed}, and asserts that the engine's
     * scores for {@link #HISTORIES} equal {@code reference(weights, history)} for every item.
     */
    public static void assertEngineMatchesReference(Function<ParameterStore, SequenceNetwork> network, int items,
                                                    long seed, BiFunction<Map<String, float[]>, int[], float[]> reference) {
        Engine e = NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        try (NDManager m = e.newBaseManager()) {
            ParameterStore params = new ParameterStore(m);
            SequenceNetwork net = network.apply(params);
            SplittableRandom rnd = new SplittableRandom(seed);
            Map<String, float[]> w = new LinkedHashMap<>();
            params.snapshot().forEach((name, v) -> {
                float[] r = new float[v.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = (float) rnd.nextDouble(-0.8, 0.8);
                }
                w.put(name, r);
            });
            params.restore(w);
            float[] engine;
            try (NDScope scope = new NDScope(); NDManager sub = m.newSubManager()) {
                scope.suppressNotUsedWarning();
                engine = net.scores(sub, HISTORIES, 0, HISTORIES.length);
            }
            for (int h = 0; h < HISTORIES.length; h++) {
                float[] expected = reference.apply(w, HISTORIES[h]);
                for (int i = 0; i < items; i++) {
                    assertThat(engine[h * items + i]).as("history %d item %d", h, i)
                            .isCloseTo(expected[i], within(1e-4f));
                }
            }
        }
    }

    /** Scores of every item from the last hidden state: {@code proj.w h + proj.b}, then item i is embedding row i + 1. */
    public static float[] tiedReadout(Map<String, float[]> w, double[] h, int dim, int items) {
        float[] emb = w.get("item_emb");
        float[] pw = w.get("proj.w");
        float[] pb = w.get("proj.b");
        double[] o = new double[dim];
        for (int d = 0; d < dim; d++) {
            double s = pb[d];
            for (int k = 0; k < h.length; k++) {
                s += pw[d * h.length + k] * h[k];
            }
            o[d] = s;
        }
        float[] scores = new float[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                s += o[d] * emb[(i + 1) * dim + d];
            }
            scores[i] = (float) s;
        }
        return scores;
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
