package dev.seqmind.neural.srgnn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine's SR-GNN scores against the network's equations written out in Java here (plain loops over the session
 * graph, no batching or padding), on the same random weights: a swapped gate, a transposed adjacency, a wrong
 * readout position or a padding leak shows as a different score.
 */
class SrGnnNetworkTest {
    private static final int ITEMS = 11;
    private static final int DIM = 6;
    private static final int MAX_LEN = 7;

    @Test
    void engineScoresEqualAPureJavaForward() {
        Engine e = NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        try (NDManager m = e.newBaseManager()) {
            ParameterStore params = new ParameterStore(m);
            var net = new SrGnnNetwork(new SrGnnConfig(DIM, 2, MAX_LEN, 4), ITEMS, params, 9);
            Map<String, float[]> w = params.snapshot();
            // unequal lengths, repeats, a self-loop and a history longer than the window, in one padded batch
            int[][] histories = {{3}, {0, 8, 2, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 10}, {6, 9, 6, 9, 4}};
            float[] engine;
            try (NDScope scope = new NDScope(); NDManager sub = m.newSubManager()) {
                scope.suppressNotUsedWarning();
                engine = net.scores(sub, histories, 0, histories.length);
            }
            for (int h = 0; h < histories.length; h++) {
                float[] expected = reference(w, histories[h], 2);
                for (int i = 0; i < ITEMS; i++) {
                    assertThat(engine[h * ITEMS + i]).as("history %d item %d", h, i)
                            .isCloseTo(expected[i], within(1e-4f));
                }
            }
        }
    }

    private static float[] reference(Map<String, float[]> w, int[] history, int steps) {
        int[] items = java.util.Arrays.copyOfRange(history, Math.max(0, history.length - MAX_LEN), history.length);
        // graph by hand: nodes in first-appearance order, 0/1 edges, row-normalised in and out
        java.util.List<Integer> nodes = new java.util.ArrayList<>();
        int[] alias = new int[items.length];
        for (int p = 0; p < items.length; p++) {
            if (!nodes.contains(items[p])) {
                nodes.add(items[p]);
            }
            alias[p] = nodes.indexOf(items[p]);
        }
        int n = nodes.size();
        double[][] edge = new double[n][n];
        for (int p = 0; p + 1 < items.length; p++) {
            edge[alias[p]][alias[p + 1]] = 1;
        }
        double[][] ain = new double[n][n];
        double[][] aout = new double[n][n];
        for (int a = 0; a < n; a++) {
            double indeg = 0;
            double outdeg = 0;
            for (int b = 0; b < n; b++) {
                indeg += edge[b][a];
                outdeg += edge[a][b];
            }
            for (int b = 0; b < n; b++) {
                ain[a][b] = indeg == 0 ? 0 : edge[b][a] / indeg;
                aout[a][b] = outdeg == 0 ? 0 : edge[a][b] / outdeg;
            }
        }
        float[] emb = w.get("item_emb");
        double[][] h = new double[n][DIM];
        for (int a = 0; a < n; a++) {
            for (int d = 0; d < DIM; d++) {
                h[a][d] = emb[(nodes.get(a) + 1) * DIM + d];
            }
        }
        for (int s = 0; s < steps; s++) {
            double[][] ein = affine(h, w.get("gnn.edge_in.w"), w.get("gnn.edge_in.b"), DIM, DIM);
            double[][] eout = affine(h, w.get("gnn.edge_out.w"), w.get("gnn.edge_out.b"), DIM, DIM);
            double[][] x = new double[n][2 * DIM];
            for (int a = 0; a < n; a++) {
                for (int d = 0; d < DIM; d++) {
                    double si = w.get("gnn.b_iah")[d];
                    double so = w.get("gnn.b_oah")[d];
                    for (int b = 0; b < n; b++) {
                        si += ain[a][b] * ein[b][d];
                        so += aout[a][b] * eout[b][d];
                    }
                    x[a][d] = si;
                    x[a][DIM + d] = so;
                }
            }
            double[][] gi = affine(x, w.get("gnn.w_ih"), w.get("gnn.b_ih"), 3 * DIM, 2 * DIM);
            double[][] gh = affine(h, w.get("gnn.w_hh"), w.get("gnn.b_hh"), 3 * DIM, DIM);
            double[][] next = new double[n][DIM];
            for (int a = 0; a < n; a++) {
                for (int d = 0; d < DIM; d++) {
                    double r = sigmoid(gi[a][d] + gh[a][d]);
                    double z = sigmoid(gi[a][DIM + d] + gh[a][DIM + d]);
                    double c = Math.tanh(gi[a][2 * DIM + d] + r * gh[a][2 * DIM + d]);
                    next[a][d] = (1 - z) * c + z * h[a][d];
                }
            }
            h = next;
        }
        double[] last = h[alias[items.length - 1]];
        double[] q1 = affine(new double[][] {last}, w.get("readout.last.w"), w.get("readout.last.b"), DIM, DIM)[0];
        double[] global = new double[DIM];
        for (int p = 0; p < items.length; p++) {
            double[] v = h[alias[p]];
            double[] q2 = affine(new double[][] {v}, w.get("readout.item.w"), w.get("readout.item.b"), DIM, DIM)[0];
            double alpha = 0;
            for (int d = 0; d < DIM; d++) {
                alpha += w.get("readout.q")[d] * sigmoid(q1[d] + q2[d]);
            }
            for (int d = 0; d < DIM; d++) {
                global[d] += alpha * v[d];
            }
        }
        double[] cat = new double[2 * DIM];
        System.arraycopy(global, 0, cat, 0, DIM);
        System.arraycopy(last, 0, cat, DIM, DIM);
        double[] session = affine(new double[][] {cat}, w.get("readout.out.w"), w.get("readout.out.b"), DIM,
                2 * DIM)[0];
        float[] scores = new float[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            double s = 0;
            for (int d = 0; d < DIM; d++) {
                s += session[d] * emb[(i + 1) * DIM + d];
            }
            scores[i] = (float) s;
        }
        return scores;
    }

    /** Rows {@code x W^T + b} for {@code W [out, in]}. */
    private static double[][] affine(double[][] x, float[] weight, float[] bias, int out, int in) {
        double[][] y = new double[x.length][out];
        for (int r = 0; r < x.length; r++) {
            for (int o = 0; o < out; o++) {
                double s = bias[o];
                for (int i = 0; i < in; i++) {
                    s += weight[o * in + i] * x[r][i];
                }
                y[r][o] = s;
            }
        }
        return y;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
