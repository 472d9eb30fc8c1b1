package dev.seqmind.neural.sasrec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.neural.nn.AttentionDirection;
import dev.seqmind.neural.nn.Dropout;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.GradientMode;
import dev.seqmind.neural.nn.HistoryFeature;
import dev.seqmind.neural.nn.UserStateFusion;
import dev.seqmind.neural.nn.ItemRepresentation;
import dev.seqmind.neural.nn.TransformerStack;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.NextItemBatch;
import dev.seqmind.neural.nn.PaddedBatch;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.nn.WeightInit;
import dev.seqmind.neural.train.SequenceNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The SASRec network. Input tokens (item id + 1, 0 = padding, left-padded) are embedded, scaled by {@code sqrt(dim)},
 * added to learned position embeddings counted from the right end of the {@code maxLength} window (so a short
 * batch equals the same batch padded to {@code maxLength}), and passed through {@code blocks} pre-LayerNorm blocks:
 * {@code x += Drop(Attn(LN(x)))} with a causal, key-padding-masked attention, then
 * {@code x += Drop(FFN(LN(x)))} with a point-wise two-layer ReLU FFN of width {@code dim}; padding cells are zeroed
 * after every block; a final LayerNorm gives the hidden states. Scores are dot products with the item embedding
 * table (tied output layer).
 *
 * <p>Training computes the output projection only at non-padding cells: hidden states are gathered at those cells
 * first, so logits are {@code [cells, numItems]}, not {@code [batch, length, numItems]}.
 *
 * <p>With {@link LongHistory#SUMMARY} the network also reads what is older than the window: the older events are cut
 * into {@code memoryTokens} chunks ({@link HistoryMemory}), each chunk's mean item embedding goes through a learned
 * projection ({@code mem.proj.w}, {@code mem.proj.b}) plus a learned slot embedding ({@code mem.pos}), and the tokens
 * sit before the window, where the causal mask lets every window position attend to them. A training row (a
 * sequence's prefix, its last item the last target) takes its memory from the events before its own window only;
 * rows and histories without older events compute exactly what the plain network computes.
 *
 * <p>Parameter names ({@code item_emb}, {@code pos_emb}, {@code b0.ln1.g}, ...) are the weights-file contract read by
 * {@link SasRecJavaForward}. Not thread-safe while training; scoring is safe concurrently.
 */
public final class SasRecNetwork implements SequenceNetwork {
    private static final float MASKED = -1e9f;
    private static final String MEM_PROJ = "mem.proj.";
    private static final String MEM_POS = "mem.pos";

    private final SasRecConfig config;
    private final int numItems;
    private final ParameterStore params;
    private final TransformerStack stack;
    private final ItemRepresentation representation;
    private final UserStateFusion userFusion;

    public SasRecNetwork(SasRecConfig config, int numItems, ParameterStore params, long seed) {
        this(config, numItems, params, seed, ItemRepresentation.ID_ONLY);
    }

    /** A network whose item table comes from {@code representation}, without a history feature. */
    public SasRecNetwork(SasRecConfig config, int numItems, ParameterStore params, long seed,
                         ItemRepresentation representation) {
        this(config, numItems, params, seed, representation, null);
    }

    /**
     * A network whose item table comes from {@code representation}; the id-only one draws exactly the parameters
     * of the plain model from {@code seed}, and a representation's own parameters come from a stream split off
     * after them. With a {@code userFeature} ({@code null} = none), the final state at each position is fused with
     * the feature of the history up to it ({@link UserStateFusion}; parameters from a third stream, so the other
     * parameters are drawn exactly as without it).
     */
    public SasRecNetwork(SasRecConfig config, int numItems, ParameterStore params, long seed,
                         ItemRepresentation representation, HistoryFeature userFeature) {
        this.config = config;
        this.representation = representation;
        this.numItems = numItems;
        this.params = params;
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.dim();
        params.normal("item_emb", rng, 0.02f, numItems + 1L, d);
        params.normal("pos_emb", rng, 0.02f, config.maxLength(), d);
        this.stack = new TransformerStack(params, rng, d, d, config.blocks(), config.heads(), config.dropout(), false,
                AttentionDirection.CAUSAL, config.style());
        representation.init(params, rng.split(), numItems, d);
        this.userFusion = userFeature == null ? null : new UserStateFusion(userFeature, params, rng.split(), d);
        if (config.summarisesOlderEvents()) {
            // its own stream: the plain parameters are drawn exactly as without a memory
            SplittableRandom mem = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x6D656D);
            params.normal(MEM_PROJ + "w", mem, WeightInit.NORMAL_STD, d, d);
            params.constant(MEM_PROJ + "b", 0f, d);
            params.normal(MEM_POS, mem, WeightInit.NORMAL_STD, config.memoryTokens(), d);
        }
    }

    @Override
    public boolean readsOlderEvents() {
        return config.summarisesOlderEvents();
    }

    /** The history feature fused into the user state, or {@code null}. */
    public HistoryFeature userFeature() {
        return userFusion == null ? null : userFusion.feature();
    }

    @Override
    public void prepareTraining(int[][] rows) {
        if (userFusion != null) {
            List<HistoryFeature.Prefix> checkpoints = new ArrayList<>();
            for (int[] row : rows) {
                HistoryFeature.Prefix.checkpointsOf(row, userFusion.feature().every(), checkpoints);
            }
            userFusion.feature().prepare(checkpoints);
        }
    }

    @Override
    public SasRecConfig config() {
        return config;
    }

    @Override
    public String name() {
        return representation.familyOf("sasrec");
    }

    /** How the item table is made (id-only for the plain model). */
    public ItemRepresentation representation() {
        return representation;
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

    /** Hidden states {@code [batch, length, dim]} of a padded batch (its window only, no memory). */
    NDArray hidden(NDManager m, PaddedBatch batch, Dropout dropout) {
        return hidden(m, batch, dropout, representation.table(params), null);
    }

    /**
     * @param older each row's events before its window (oldest first), or {@code null} when the network has no
     *              memory
     */
    private NDArray hidden(NDManager m, PaddedBatch batch, Dropout dropout, NDArray itemTable, int[][] older) {
        float scale = (float) Math.sqrt(config.dim());
        HistoryMemory memory = older == null ? null : HistoryMemory.of(older, config.memoryTokens());
        if (memory == null || memory.empty()) {
            return stack.forwardTokens(m, batch, itemTable, params.get("pos_emb"), config.maxLength(), scale,
                    dropout);
        }
        int b = memory.rows();
        int k = memory.slots();
        NDArray distinct = Layers.rows(itemTable, m.create(memory.tokens()));
        NDArray means = m.create(memory.weights(), new Shape((long) b * k, memory.tokens().length)).matMul(distinct);
        NDArray tokens = Layers.linear(means, params.get(MEM_PROJ + "w"), params.get(MEM_PROJ + "b"))
                .reshape(b, k, config.dim()).add(params.get(MEM_POS));
        NDArray valid = m.create(memory.valid(), new Shape(b, k));
        return stack.forwardTokens(m, batch, itemTable, params.get("pos_emb"), config.maxLength(), scale, dropout,
                tokens, valid);
    }

    /** The events of {@code sequences[from, to)} before their windows, or {@code null} without a memory. */
    private int[][] older(int[][] sequences, int from, int to, int trailing) {
        return config.summarisesOlderEvents()
                ? HistoryMemory.olderParts(sequences, from, to, config.maxLength(), trailing) : null;
    }

    @Override
    public NDArray loss(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        NextItemBatch pairs = NextItemBatch.leftPadded(sequences, from, to, config.maxLength());
        long[] tgt = pairs.targets();
        NDArray items = representation.trainingTable(params, m, rng);
        NDArray hidden = hidden(m, pairs.inputs(), Dropout.drawingFrom(rng), items, older(sequences, from, to, 1))
                .reshape(-1, config.dim());
        NDArray hv = Layers.rows(hidden, m.create(pairs.cells()));
        if (userFusion != null) {
            hv = userFusion.fuse(m, params, hv, cellPrefixes(sequences, from, to, pairs));
        }
        NDArray table = items.get("1:");
        return switch (config.loss()) {
            case FULL_SOFTMAX -> FullSoftmaxLoss.objective(m, hv, table, tgt);
            case SAMPLED_SOFTMAX -> sampledSoftmax(m, hv, table, tgt, rng);
            case BCE -> binaryCrossEntropy(m, hv, table, tgt, rng);
        };
    }

    /**
     * The checkpoint prefix each training cell may use: the cell at input column {@code j} of row {@code r} has seen
     * the row's first {@code p} items (its own input included), and gets the features of the row's first
     * {@code floor(p / every) * every} items, never of its target or anything after it.
     */
    private List<HistoryFeature.Prefix> cellPrefixes(int[][] sequences, int from, int to, NextItemBatch pairs) {
        int len = pairs.inputs().length();
        int every = userFusion.feature().every();
        List<HistoryFeature.Prefix> out = new ArrayList<>(pairs.cells().length);
        for (long cell : pairs.cells()) {
            int r = (int) (cell / len);
            int j = (int) (cell % len);
            int[] row = sequences[from + r];
            int inputs = row.length - 1;
            int k = Math.min(len, inputs);
            int seen = inputs - k + (j - (len - k)) + 1;
            out.add(HistoryFeature.Prefix.checkpoint(row, seen, every));
        }
        return out;
    }

    @Override
    public NDArray sequenceRepresentation(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        PaddedBatch in = PaddedBatch.ofItems(sequences, from, to, config.maxLength());
        NDArray items = representation.trainingTable(params, m, rng);
        return hidden(m, in, Dropout.drawingFrom(rng), items, older(sequences, from, to, 0)).get(":, -1, :");
    }

    @Override
    public boolean hasSequenceRepresentation() {
        return true;
    }

    private NDArray sampledSoftmax(NDManager m, NDArray hv, NDArray table, long[] tgt, SplittableRandom rng) {
        int k = Math.min(config.negatives(), numItems);
        long[] neg = new long[k];
        for (int i = 0; i < k; i++) {
            neg[i] = rng.nextInt(numItems);
        }
        NDArray pos = hv.mul(Layers.rows(table, m.create(tgt))).sum(new int[] {1}, true);
        NDArray negLogits = hv.matMul(Layers.rows(table, m.create(neg)).transpose());
        // a sampled negative equal to the target is masked out so it does not compete with itself
        float[] hit = new float[tgt.length * k];
        for (int i = 0; i < tgt.length; i++) {
            for (int j = 0; j < k; j++) {
                if (neg[j] == tgt[i]) {
                    hit[i * k + j] = MASKED;
                }
            }
        }
        negLogits = negLogits.add(m.create(hit, new Shape(tgt.length, k)));
        NDArray logits = pos.concat(negLogits, 1);
        return Layers.crossEntropy(logits, m.zeros(new Shape(tgt.length), DataType.INT64));
    }

    private NDArray binaryCrossEntropy(NDManager m, NDArray hv, NDArray table, long[] tgt, SplittableRandom rng) {
        long[] neg = new long[tgt.length];
        for (int i = 0; i < tgt.length; i++) {
            long n;
            do {
                n = rng.nextInt(numItems);
            } while (n == tgt[i] && numItems > 1);
            neg[i] = n;
        }
        NDArray pos = hv.mul(Layers.rows(table, m.create(tgt))).sum(new int[] {1});
        NDArray negs = hv.mul(Layers.rows(table, m.create(neg))).sum(new int[] {1});
        // -log sigmoid(p) - log(1 - sigmoid(n)) = softplus(-p) + softplus(n)
        NDArray lp = Layers.softplus(pos.neg()).add(Layers.softplus(negs));
        return lp.mean();
    }

    @Override
    public float[] scores(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> {
            NDArray items = representation.table(params);
            return lastHidden(m, histories, from, to, items).matMul(items.get("1:").transpose()).toFloatArray();
        });
    }

    @Override
    public float[] states(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() ->
                lastHidden(m, histories, from, to, representation.table(params)).toFloatArray());
    }

    /** The final hidden state at the last position, {@code [histories, dim]}. */
    private NDArray lastHidden(NDManager m, int[][] histories, int from, int to, NDArray items) {
        PaddedBatch in = PaddedBatch.ofItems(histories, from, to, config.maxLength());
        NDArray last = hidden(m, in, Dropout.OFF, items, older(histories, from, to, 0)).get(":, -1, :");
        if (userFusion == null) {
            return last;
        }
        List<HistoryFeature.Prefix> whole = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            whole.add(HistoryFeature.Prefix.of(histories[i]));
        }
        return userFusion.fuse(m, params, last, whole);
    }

    @Override
    public double trainingFlops(long cells, int batch, int length) {
        double forward = stack.forwardFlops(batch, length) + cells * 2.0 * config.dim() * numItems;
        return 3 * forward;
    }
}
