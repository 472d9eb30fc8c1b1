package dev.seqmind.neural.gru4rec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine's GRU (PyTorch's fused kernel through DJL's {@code NDArrayEx.gru}) against nn.GRU's equations written
 * out in Java here, on the same random weights (biases included): gates reset, update, new in that order,
 * {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}, {@code h' = (1 - z) n + z h}; right padding in a batch of
 * unequal lengths and truncation to the most recent {@code maxLength} items.
 */
class Gru4RecNetworkTest {
    private static final int ITEMS = 9;
    private static final int DIM = 5;
    private static final int HIDDEN = 7;
    private static final int MAX_LEN = 6;

    @Test
    void engineScoresEqualAPureJavaGruForward() {
        Engine e = NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        try (NDManager m = e.newBaseManager()) {
            ParameterStore params = new ParameterStore(m);
            var net = new Gru4RecNetwork(new Gru4RecConfig(DIM, HIDDEN, 0.3f, MAX_LEN), ITEMS, params, 5);
            SplittableRandom rnd = new SplittableRandom(23);
            Map<String, float[]> w = new LinkedHashMap<>();
            params.snapshot().forEach((name, v) -> {
                float[] r = new float[v.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = (float) rnd.nextDouble(-0.8, 0.8);
                }
                w.put(name, r);
            });
            params.restore(w);
            int[][] histories = {{3}, {0, 8, 2, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 0, 1}, {6, 6}};
            float[] engine;
            try (NDScope scope = new NDScope(); NDManager sub = m.newSubManager()) {
                scope.suppressNotUsedWarning();
                engine = net.scores(sub, histories, 0, histories.length);
            }
            for (int h = 0; h < histories.length; h++) {
                float[] expected = reference(w, histories[h]);
                for (int i = 0; i < ITEMS; i++) {
                    assertThat(engine[h * ITEMS + i]).as("history %d item %d", h, i)
                            .isCloseTo(expected[i], within(1e-4f));
                }
            }
        }
    }

    /** Scores of every item after {@code history}, dropout off. Item i is row i + 1 of the embedding table. */
    private static float[] reference(Map<String, float[]> w, int[] history) {
        float[] emb = w.get("item_emb");
        float[] wih = w.get("gru.w_ih");
        float[] whh = w.get("gru.w_hh");
        float[] bih = w.get("gru.b_ih");
        float[] bhh = w.get("gru.b_hh");
        double[] h = new double[HIDDEN];
        for (int t = Math.max(0, history.length - MAX_LEN); t < history.length; t++) {
            int row = history[t] + 1;
            double[] gi = new double[3 * HIDDEN];
            double[] gh = new double[3 * HIDDEN];
            for (int r = 0; r < 3 * HIDDEN; r++) {
                double si = bih[r];
                for (int d = 0; d < DIM; d++) {
                    si += wih[r * DIM + d] * emb[row * DIM + d];
                }
                double sh = bhh[r];
                for (int k = 0; k < HIDDEN; k++) {
                    sh += whh[r * HIDDEN + k] * h[k];
                }
                gi[r] = si;
                gh[r] = sh;
            }
            double[] next = new double[HIDDEN];
            for (int k = 0; k < HIDDEN; k++) {
                double reset = sigmoid(gi[k] + gh[k]);
                double update = sigmoid(gi[HIDDEN + k] + gh[HIDDEN + k]);
                double fresh = Math.tanh(gi[2 * HIDDEN + k] + reset * gh[2 * HIDDEN + k]);
                next[k] = (1 - update) * fresh + update * h[k];
            }
            h = next;
        }
        float[] pw = w.get("proj.w");
        float[] pb = w.get("proj.b");
        double[] o = new double[DIM];
        for (int d = 0; d < DIM; d++) {
            double s = pb[d];
            for (int k = 0; k < HIDDEN; k++) {
                s += pw[d * HIDDEN + k] * h[k];
            }
            o[d] = s;
        }
        float[] scores = new float[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            double s = 0;
            for (int d = 0; d < DIM; d++) {
                s += o[d] * emb[(i + 1) * DIM + d];
            }
            scores[i] = (float) s;
        }
        return scores;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
