package dev.seqmind.neural.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.neural.nn.Dropout;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.GradientMode;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.NextItemBatch;
import dev.seqmind.neural.nn.PaddedBatch;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.train.SequenceNetwork;

import java.util.SplittableRandom;

/**
 * The LSTM network: {@code (h_t, c_t) = LSTM(Drop(E[x_t]), h_{t-1}, c_{t-1})}, output {@code Drop(h_t) P^T + p} in
 * embedding space, scores by dot product with the item table {@code E} (tied), trained with cross-entropy over all
 * items exactly as GRU4Rec. Sequences are right-padded so the recurrence starts at the first real item; scoring reads
 * the state at each history's last item.
 *
 * <p>Weights follow PyTorch's nn.LSTM, names included: {@code lstm.weight_ih_l0 [4h, d]},
 * {@code lstm.weight_hh_l0 [4h, h]} and two biases {@code [4h]} that are added, gates stacked in the order input,
 * forget, cell, output (the cell is {@link LstmLayer}). The forget gate's input bias starts at 1 (Jozefowicz et al.,
 * 2015) so early gradients flow through the cell; every other bias starts at 0.
 *
 * <p>Not thread-safe while training; scoring is safe concurrently.
 */
public final class LstmRecNetwork implements SequenceNetwork {
    /** nn.LSTM's state-dict names for layer 0, so a stored weights file reads as nn.LSTM's parameters. */
    static final String W_IH = "lstm.weight_ih_l0";
    static final String W_HH = "lstm.weight_hh_l0";
    static final String B_IH = "lstm.bias_ih_l0";
    static final String B_HH = "lstm.bias_hh_l0";
    /** The names models trained with the fused kernel stored (before the cell was written out). */
    private static final String FUSED_KERNEL_W_IH = "lstm.w_ih";

    private final LstmRecConfig config;
    private final int numItems;
    private final ParameterStore params;

    public LstmRecNetwork(LstmRecConfig config, int numItems, ParameterStore params, long seed) {
        this.config = config;
        this.numItems = numItems;
        this.params = params;
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.dim();
        int h = config.hidden();
        params.normal("item_emb", rng, 0.02f, numItems + 1L, d);
        params.xavier(W_IH, rng, 4L * h, d);
        params.xavier(W_HH, rng, 4L * h, h);
        float[] bias = new float[4 * h];
        java.util.Arrays.fill(bias, h, 2 * h, 1f); // forget gate
        params.add(B_IH, bias, 4L * h);
        params.constant(B_HH, 0f, 4L * h);
        params.xavier("proj.w", rng, d, h);
        params.constant("proj.b", 0f, d);
    }

    /**
     * Refuses a weights file written by a model trained with the fused kernel (parameter {@code lstm.w_ih}): those
     * weights were fitted to another computation, so this network would score with them differently.
     *
     * @throws SeqmindException naming {@code source} and what to do
     */
    public static void requireCurrentCell(java.util.Set<String> storedNames, String source) {
        if (storedNames.contains(FUSED_KERNEL_W_IH)) {
            throw new SeqmindException(source + ": this LSTM model was trained with the fused LSTM kernel of seqmind's"
                    + " first LSTM release, whose outputs do not follow nn.LSTM's equations for its stored weights;"
                    + " it cannot be scored the same way by this version. Retrain it (same train command).");
        }
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public LstmRecConfig config() {
        return config;
    }

    @Override
    public ParameterStore parameters() {
        return params;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public int maxLength() {
        return config.maxLength();
    }

    /** Outputs in embedding space, {@code [batch * length, dim]}. */
    private NDArray outputs(NDManager m, PaddedBatch batch, Dropout dropout) {
        NDArray ids = m.create(batch.tokens(), new Shape(batch.batch(), batch.length()));
        NDArray x = dropout.apply(Layers.rows(params.get("item_emb"), ids), config.dropout());
        NDArray out = LstmLayer.forward(x, params.get(W_IH), params.get(W_HH), params.get(B_IH), params.get(B_HH));
        out = dropout.apply(out, config.dropout()).reshape(-1, config.hidden());
        return Layers.linear(out, params.get("proj.w"), params.get("proj.b"));
    }

    @Override
    public NDArray loss(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        NextItemBatch pairs = NextItemBatch.rightPadded(sequences, from, to, config.maxLength());
        NDArray hv = Layers.rows(outputs(m, pairs.inputs(), Dropout.drawingFrom(rng)), m.create(pairs.cells()));
        return FullSoftmaxLoss.objective(m, hv, params.get("item_emb").get("1:"), pairs.targets());
    }

    @Override
    public float[] scores(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> lastOutput(m, histories, from, to)
                .matMul(params.get("item_emb").get("1:").transpose()).toFloatArray());
    }

    @Override
    public float[] states(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> lastOutput(m, histories, from, to).toFloatArray());
    }

    /** The output after each history's last item, {@code [histories, dim]}. */
    private NDArray lastOutput(NDManager m, int[][] histories, int from, int to) {
        PaddedBatch in = PaddedBatch.ofItemsRightPadded(histories, from, to, config.maxLength());
        return Layers.rows(outputs(m, in, Dropout.OFF), m.create(in.lastIndices()));
    }

    @Override
    public double trainingFlops(long cells, int batch, int length) {
        double d = config.dim();
        double h = config.hidden();
        double tokens = (double) batch * length;
        return 3 * (tokens * (2 * 4 * h * d + 2 * 4 * h * h + 2 * h * d) + cells * 2.0 * d * numItems);
    }
}
