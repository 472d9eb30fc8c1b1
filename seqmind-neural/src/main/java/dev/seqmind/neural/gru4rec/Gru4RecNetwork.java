package dev.seqmind.neural.gru4rec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.neural.nn.Dropout;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.GradientMode;
import dev.seqmind.neural.nn.ItemRepresentation;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.NextItemBatch;
import dev.seqmind.neural.nn.PaddedBatch;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.train.SequenceNetwork;

import java.util.SplittableRandom;

/**
 * The GRU4Rec network: {@code h_t = GRU(Drop(E[x_t]), h_{t-1})}, output {@code Drop(h_t) P^T + p} in embedding
 * space, scores by dot product with the item table {@code E} (tied). Sequences are right-padded so the recurrence
 * starts at the first real item; scoring reads the state at each history's last item. {@code E} is the id embedding
 * {@code item_emb}, or what an {@link ItemRepresentation} makes of it (the hybrid {@code gru4rec-text}, whose table
 * also projects item content, so items without training events are scored from their content).
 *
 * <p>Not thread-safe while training; scoring is safe concurrently.
 */
public final class Gru4RecNetwork implements SequenceNetwork {

    private final Gru4RecConfig config;
    private final int numItems;
    private final ParameterStore params;
    private final ItemRepresentation representation;

    public Gru4RecNetwork(Gru4RecConfig config, int numItems, ParameterStore params, long seed) {
        this(config, numItems, params, seed, ItemRepresentation.ID_ONLY);
    }

    /**
     * A network whose item table comes from {@code representation}; the id-only one draws exactly the parameters of
     * the plain model from {@code seed}, and a representation's own parameters come from a stream split off after
     * them.
     */
    public Gru4RecNetwork(Gru4RecConfig config, int numItems, ParameterStore params, long seed,
                          ItemRepresentation representation) {
        this.config = config;
        this.representation = representation;
        this.numItems = numItems;
        this.params = params;
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.dim();
        int h = config.hidden();
        params.normal("item_emb", rng, 0.02f, numItems + 1L, d);
        params.xavier("gru.w_ih", rng, 3L * h, d);
        params.xavier("gru.w_hh", rng, 3L * h, h);
        params.constant("gru.b_ih", 0f, 3L * h);
        params.constant("gru.b_hh", 0f, 3L * h);
        params.xavier("proj.w", rng, d, h);
        params.constant("proj.b", 0f, d);
        representation.init(params, rng.split(), numItems, d);
    }

    @Override
    public String name() {
        return representation.familyOf("gru4rec");
    }

    /** How the item table is made (id-only for the plain model). */
    public ItemRepresentation representation() {
        return representation;
    }

    @Override
    public Gru4RecConfig config() {
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
    private NDArray outputs(NDManager m, PaddedBatch batch, Dropout dropout, NDArray itemTable) {
        NDArray ids = m.create(batch.tokens(), new Shape(batch.batch(), batch.length()));
        NDArray x = dropout.apply(Layers.rows(itemTable, ids), config.dropout());
        NDArray h0 = m.zeros(new Shape(1, batch.batch(), config.hidden()));
        NDList weights = new NDList(params.get("gru.w_ih"), params.get("gru.w_hh"), params.get("gru.b_ih"),
                params.get("gru.b_hh"));
        NDArray out = x.getNDArrayInternal().gru(x, h0, weights, true, 1, 0, dropout.training(), false, true).get(0);
        out = dropout.apply(out, config.dropout()).reshape(-1, config.hidden());
        return Layers.linear(out, params.get("proj.w"), params.get("proj.b"));
    }

    @Override
    public NDArray loss(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        NextItemBatch pairs = NextItemBatch.rightPadded(sequences, from, to, config.maxLength());
        NDArray items = representation.trainingTable(params, m, rng);
        NDArray hv = Layers.rows(outputs(m, pairs.inputs(), Dropout.drawingFrom(rng), items),
                m.create(pairs.cells()));
        return FullSoftmaxLoss.objective(m, hv, items.get("1:"), pairs.targets());
    }

    @Override
    public float[] scores(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> {
            NDArray items = representation.table(params);
            return lastOutput(m, histories, from, to, items).matMul(items.get("1:").transpose()).toFloatArray();
        });
    }

    @Override
    public float[] states(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(
                () -> lastOutput(m, histories, from, to, representation.table(params)).toFloatArray());
    }

    /** The output after each history's last item, {@code [histories, dim]}, over the given item table. */
    private NDArray lastOutput(NDManager m, int[][] histories, int from, int to, NDArray items) {
        PaddedBatch in = PaddedBatch.ofItemsRightPadded(histories, from, to, config.maxLength());
        return Layers.rows(outputs(m, in, Dropout.OFF, items), m.create(in.lastIndices()));
    }

    @Override
    public double trainingFlops(long cells, int batch, int length) {
        double d = config.dim();
        double h = config.hidden();
        double tokens = (double) batch * length;
        return 3 * (tokens * (2 * 3 * h * d + 2 * 3 * h * h + 2 * h * d) + cells * 2.0 * d * numItems);
    }
}
