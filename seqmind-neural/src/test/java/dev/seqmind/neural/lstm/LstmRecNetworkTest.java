package dev.seqmind.neural.lstm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.neural.RecurrentOracle;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's LSTM ({@link LstmLayer}) against the textbook recurrence written out in Java here:
 * no golden file, the two are computed independently from the same random weights. It pins the weight layout the
 * model directory stores (gates in the order input, forget, cell, output; both biases added), right padding in a
 * batch of unequal lengths and truncation to the most recent {@code maxLength} items.
 */
class LstmRecNetworkTest {
    private static final int ITEMS = 9;
    private static final int DIM = 5;
    private static final int HIDDEN = 7;
    private static final int MAX_LEN = 6;

    @Test
    void engineScoresEqualAPureJavaLstmForward() {
        RecurrentOracle.assertEngineMatchesReference(
                params -> new LstmRecNetwork(new LstmRecConfig(DIM, HIDDEN, 0.3f, MAX_LEN), ITEMS, params, 5),
                ITEMS, 17, LstmRecNetworkTest::reference);
    }

    /** Scores of every item after {@code history}, dropout off. Item i is row i + 1 of the embedding table. */
    private static float[] reference(Map<String, float[]> w, int[] history) {
        float[] emb = w.get("item_emb");
        float[] wih = w.get(LstmRecNetwork.W_IH);
        float[] whh = w.get(LstmRecNetwork.W_HH);
        float[] bih = w.get(LstmRecNetwork.B_IH);
        float[] bhh = w.get(LstmRecNetwork.B_HH);
        double[] h = new double[HIDDEN];
        double[] c = new double[HIDDEN];
        int start = Math.max(0, history.length - MAX_LEN);
        for (int t = start; t < history.length; t++) {
            int row = history[t] + 1;
            double[] g = new double[4 * HIDDEN];
            for (int r = 0; r < 4 * HIDDEN; r++) {
                double s = bih[r] + bhh[r];
                for (int d = 0; d < DIM; d++) {
                    s += wih[r * DIM + d] * emb[row * DIM + d];
                }
                for (int k = 0; k < HIDDEN; k++) {
                    s += whh[r * HIDDEN + k] * h[k];
                }
                g[r] = s;
            }
            for (int k = 0; k < HIDDEN; k++) {
                double in = RecurrentOracle.sigmoid(g[k]);
                double forget = RecurrentOracle.sigmoid(g[HIDDEN + k]);
                double cell = Math.tanh(g[2 * HIDDEN + k]);
                double out = RecurrentOracle.sigmoid(g[3 * HIDDEN + k]);
                c[k] = forget * c[k] + in * cell;
                h[k] = out * Math.tanh(c[k]);
            }
        }
        return RecurrentOracle.tiedReadout(w, h, DIM, ITEMS);
    }

    @Test
    void forgetGateInputBiasStartsAtOne() {
        Engine e = NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        try (NDManager m = e.newBaseManager()) {
            ParameterStore params = new ParameterStore(m);
            new LstmRecNetwork(new LstmRecConfig(4, 3, 0f, 5), ITEMS, params, 1);
            assertThat(params.snapshot().get(LstmRecNetwork.B_IH)).containsExactly(0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
            assertThat(params.snapshot().get(LstmRecNetwork.B_HH)).containsOnly(0f);
        }
    }

    @Test
    void aModelTrainedWithTheFusedKernelIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> LstmRecNetwork.requireCurrentCell(
                java.util.Set.of("item_emb", "lstm.w_ih", "lstm.w_hh", "lstm.b_ih", "lstm.b_hh"), "models/old"))
                .isInstanceOf(SeqmindException.class)
                .hasMessageContaining("models/old")
                .hasMessageContaining("fused LSTM kernel")
                .hasMessageContaining("Retrain");
        LstmRecNetwork.requireCurrentCell(java.util.Set.of("item_emb", LstmRecNetwork.W_IH), "models/new");
    }
}
