package dev.seqmind.neural.bert4rec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import dev.seqmind.neural.nn.AttentionDirection;
import dev.seqmind.neural.nn.Dropout;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.GradientMode;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.PaddedBatch;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.nn.TransformerStack;
import dev.seqmind.neural.train.SequenceNetwork;

import java.util.SplittableRandom;

/**
 * The BERT4Rec network. Tokens: 0 padding, {@code 1..numItems} items, {@code numItems + 1} the mask token. Embedded
 * tokens plus learned positions (counted from the right end of the window) go through bidirectional
 * {@link TransformerStack} blocks (GELU FFN); a head {@code LN(GELU(h W + b))} maps hidden states back to embedding
 * space, scored against the tied item embeddings. Training masks each position with probability {@code maskProb}
 * (at least one per sequence; in a tenth of the sequences only the last item, which matches how the model is
 * asked to recommend) and applies full-softmax cross-entropy at masked positions only.
 *
 * <p>Not thread-safe while training; scoring is safe concurrently.
 */
public final class Bert4RecNetwork implements SequenceNetwork {
    /** Share of training sequences in which only the last item is masked, the task BERT4Rec is scored on. */
    private static final double LAST_ONLY_FRACTION = 0.1;

    private final Bert4RecConfig config;
    private final int numItems;
    private final ParameterStore params;
    private final TransformerStack stack;
    private final long maskToken;

    public Bert4RecNetwork(Bert4RecConfig config, int numItems, ParameterStore params, long seed) {
        this.config = config;
        this.numItems = numItems;
        this.params = params;
        this.maskToken = numItems + 1L;
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.dim();
        params.normal("item_emb", rng, 0.02f, numItems + 2L, d);
        params.normal("pos_emb", rng, 0.02f, config.maxLength(), d);
        stack = new TransformerStack(params, rng, d, config.ffnDim(), config.blocks(), config.heads(), config.dropout(), true,
                AttentionDirection.BIDIRECTIONAL, config.style());
        if (config.head() == Bert4RecHead.TRANSFORM) {
            config.style().init().register(params, "head.w", rng, d, d);
            params.constant("head.b", 0f, d);
            params.constant("head.ln.g", 1f, d);
            params.constant("head.ln.b", 0f, d);
        }
    }

    @Override
    public String name() {
        return "bert4rec";
    }

    @Override
    public Bert4RecConfig config() {
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

    private NDArray hidden(NDManager m, PaddedBatch batch, Dropout dropout) {
        return stack.forwardTokens(m, batch, params.get("item_emb"), params.get("pos_emb"), config.maxLength(), 1f,
                dropout);
    }

    private NDArray head(NDArray h) {
        if (config.head() == Bert4RecHead.LINEAR) {
            return h;
        }
        NDArray z = Activation.gelu(Layers.linear(h, params.get("head.w"), params.get("head.b")));
        return Layers.layerNorm(z, params.get("head.ln.g"), params.get("head.ln.b"));
    }

    @Override
    public NDArray loss(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        PaddedBatch batch = PaddedBatch.ofItems(sequences, from, to, config.maxLength());
        long[] tokens = batch.tokens().clone();
        int len = batch.length();
        long[] cells = new long[tokens.length];
        long[] tgt = new long[tokens.length];
        int n = 0;
        for (int r = 0; r < batch.batch(); r++) {
            int rowStart = n;
            int lastReal = -1;
            boolean lastOnly = rng.nextDouble() < LAST_ONLY_FRACTION;
            for (int j = 0; j < len; j++) {
                int i = r * len + j;
                if (tokens[i] == PaddedBatch.PAD) {
                    continue;
                }
                lastReal = i;
                if (!lastOnly && rng.nextFloat() < config.maskProb()) {
                    cells[n] = i;
                    tgt[n++] = tokens[i] - 1;
                    tokens[i] = maskToken;
                }
            }
            if (n == rowStart && lastReal >= 0) {
                cells[n] = lastReal;
                tgt[n++] = tokens[lastReal] - 1;
                tokens[lastReal] = maskToken;
            }
        }
        cells = java.util.Arrays.copyOf(cells, n);
        tgt = java.util.Arrays.copyOf(tgt, n);
        NDArray h = hidden(m, new PaddedBatch(tokens, batch.batch(), len), Dropout.drawingFrom(rng)).reshape(-1, config.dim());
        NDArray hv = head(Layers.rows(h, m.create(cells)));
        return FullSoftmaxLoss.objective(m, hv, params.get("item_emb").get("1:" + (numItems + 1)), tgt);
    }

    @Override
    public float[] scores(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> maskState(m, histories, from, to)
                .matMul(params.get("item_emb").get("1:" + (numItems + 1)).transpose()).toFloatArray());
    }

    @Override
    public float[] states(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> maskState(m, histories, from, to).toFloatArray());
    }

    /** The head's output at a mask token appended to each history, {@code [histories, dim]}. */
    private NDArray maskState(NDManager m, int[][] histories, int from, int to) {
        int[][] withMask = new int[to - from][];
        for (int r = from; r < to; r++) {
            int[] h = histories[r];
            int keep = Math.min(h.length, config.maxLength() - 1);
            int[] s = new int[keep + 1];
            System.arraycopy(h, h.length - keep, s, 0, keep);
            s[keep] = numItems; // dense id numItems becomes token numItems + 1, the mask token
            withMask[r - from] = s;
        }
        PaddedBatch in = PaddedBatch.ofItems(withMask, 0, withMask.length, config.maxLength());
        return head(hidden(m, in, Dropout.OFF).get(":, -1, :"));
    }

    @Override
    public double trainingFlops(long cells, int batch, int length) {
        return 3 * (stack.forwardFlops(batch, length) + cells * 0.2 * 2.0 * config.dim() * numItems);
    }
}
