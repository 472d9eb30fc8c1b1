package dev.seqmind.neural.gru4rec;

import dev.seqmind.neural.RecurrentOracle;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
        RecurrentOracle.assertEngineMatchesReference(
                params -> new Gru4RecNetwork(new Gru4RecConfig(DIM, HIDDEN, 0.3f, MAX_LEN), ITEMS, params, 5),
                ITEMS, 23, Gru4RecNetworkTest::reference);
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
                double reset = RecurrentOracle.sigmoid(gi[k] + gh[k]);
                double update = RecurrentOracle.sigmoid(gi[HIDDEN + k] + gh[HIDDEN + k]);
                double fresh = Math.tanh(gi[2 * HIDDEN + k] + reset * gh[2 * HIDDEN + k]);
                next[k] = (1 - update) * fresh + update * h[k];
            }
            h = next;
        }
        return RecurrentOracle.tiedReadout(w, h, DIM, ITEMS);
    }
}
