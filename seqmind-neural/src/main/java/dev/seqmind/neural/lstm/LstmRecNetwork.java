package dev.seqmind.neural.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * <p>Weights follow PyTorch's LSTM layout: {@code lstm.w_ih [4h, d]}, {@code lstm.w_hh [4h, h]} and two biases
 * {@code [4h]}, gates stacked in the order input, forget, cell, output. The forget gate's input bias starts at 1
 * (Jozefowicz et al., 2015) so early gradients flow through the cell; every other bias starts at 0.
 *
 * <p>Not thread-safe while training; scoring is safe concurrently.
 */
public final class LstmRecNetwork implements SequenceNetwork {

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
        params.xavier("lstm.w_ih", rng, 4L * h, d);
        params.xavier("lstm.w_hh", rng, 4L * h, h);
        float[] bias = new float[4 * h];
        java.util.Arrays.fill(bias, h, 2 * h, 1f); // forget gate
        params.add("lstm.b_ih", bias, 4L * h);
        params.constant("lstm.b_hh", 0f, 4L * h);
        params.xavier("proj.w", rng, d, h);
        params.constant("proj.b", 0f, d);
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
        Shape state = new Shape(1, batch.batch(), config.hidden());
        NDList hx = new NDList(m.zeros(state), m.zeros(state));
        NDList weights = new NDList(params.get("lstm.w_ih"), params.get("lstm.w_hh"), params.get("lstm.b_ih"),
                params.get("lstm.b_hh"));
        NDArray out = x.getNDArrayInternal().lstm(x, hx, weights, true, 1, 0, dropout.training(), false, true).get(0);
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
