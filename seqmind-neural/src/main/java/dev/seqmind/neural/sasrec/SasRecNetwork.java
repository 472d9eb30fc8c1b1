package dev.seqmind.neural.sasrec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.PaddedBatch;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.train.SequenceNetwork;

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
 * <p>Parameter names ({@code item_emb}, {@code pos_emb}, {@code b0.ln1.g}, ...) are the weights-file contract read by
 * {@link SasRecJavaForward}. Not thread-safe while training; scoring is safe concurrently.
 */
public final class SasRecNetwork implements SequenceNetwork {
    private static final float MASKED = -1e9f;
    private static final int OUTPUT_CHUNK = 4096;

    private final SasRecConfig config;
    private final int numItems;
    private final ParameterStore params;

    public SasRecNetwork(SasRecConfig config, int numItems, ParameterStore params, long seed) {
        this.config = config;
        this.numItems = numItems;
        this.params = params;
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.dim();
        params.normal("item_emb", rng, 0.02f, numItems + 1L, d);
        params.normal("pos_emb", rng, 0.02f, config.maxLength(), d);
        for (int b = 0; b < config.blocks(); b++) {
            String p = "b" + b + ".";
            params.constant(p + "ln1.g", 1f, d);
            params.constant(p + "ln1.b", 0f, d);
            params.xavier(p + "qkv.w", rng, 3L * d, d);
            params.constant(p + "qkv.b", 0f, 3L * d);
            params.xavier(p + "out.w", rng, d, d);
            params.constant(p + "out.b", 0f, d);
            params.constant(p + "ln2.g", 1f, d);
            params.constant(p + "ln2.b", 0f, d);
            params.xavier(p + "ff1.w", rng, d, d);
            params.constant(p + "ff1.b", 0f, d);
            params.xavier(p + "ff2.w", rng, d, d);
            params.constant(p + "ff2.b", 0f, d);
        }
        params.constant("ln_f.g", 1f, d);
        params.constant("ln_f.b", 0f, d);
    }

    public SasRecConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "sasrec";
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

    /** Hidden states {@code [batch, length, dim]} of a padded batch. */
    NDArray hidden(NDManager m, PaddedBatch batch, boolean training) {
        int b = batch.batch();
        int len = batch.length();
        int d = config.dim();
        float drop = config.dropout();
        NDArray ids = m.create(batch.tokens(), new Shape(b, len));
        NDArray valid = ids.neq(PaddedBatch.PAD).toType(DataType.FLOAT32, false);
        NDArray x = Layers.rows(params.get("item_emb"), ids).muli((float) Math.sqrt(d));
        NDArray positions = m.arange(config.maxLength() - len, config.maxLength(), 1, DataType.INT64);
        x = x.add(Layers.rows(params.get("pos_emb"), positions));
        x = Layers.dropout(x, drop, training);
        NDArray keep = valid.expandDims(2);
        x = x.mul(keep);
        NDArray mask = attentionMask(m, valid, len);
        for (int i = 0; i < config.blocks(); i++) {
            String p = "b" + i + ".";
            NDArray h = Layers.layerNorm(x, params.get(p + "ln1.g"), params.get(p + "ln1.b"));
            NDArray attn = attention(h, mask, b, len, p, training);
            x = x.add(Layers.dropout(attn, drop, training));
            h = Layers.layerNorm(x, params.get(p + "ln2.g"), params.get(p + "ln2.b"));
            NDArray f = Layers.linear(h, params.get(p + "ff1.w"), params.get(p + "ff1.b"));
            f = ai.djl.nn.Activation.relu(f);
            f = Layers.linear(Layers.dropout(f, drop, training), params.get(p + "ff2.w"), params.get(p + "ff2.b"));
            x = x.add(Layers.dropout(f, drop, training)).mul(keep);
        }
        return Layers.layerNorm(x, params.get("ln_f.g"), params.get("ln_f.b"));
    }

    /** Additive mask {@code [batch, 1 or heads-broadcast, len, len]}: causal plus padded keys. */
    private NDArray attentionMask(NDManager m, NDArray valid, int len) {
        float[] causal = new float[len * len];
        for (int q = 0; q < len; q++) {
            for (int k = q + 1; k < len; k++) {
                causal[q * len + k] = MASKED;
            }
        }
        NDArray c = m.create(causal, new Shape(1, len, len));
        NDArray keyPad = valid.sub(1f).neg().muli(MASKED).expandDims(1);
        return c.add(keyPad);
    }

    private NDArray attention(NDArray h, NDArray mask, int b, int len, String p, boolean training) {
        int d = config.dim();
        int heads = config.heads();
        int dh = d / heads;
        NDArray qkv = Layers.linear(h, params.get(p + "qkv.w"), params.get(p + "qkv.b"));
        NDArray q = qkv.get(":, :, 0:" + d);
        NDArray k = qkv.get(":, :, " + d + ":" + (2 * d));
        NDArray v = qkv.get(":, :, " + (2 * d) + ":");
        NDArray msk = mask;
        if (heads > 1) {
            q = q.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
            k = k.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
            v = v.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
            msk = mask.expandDims(1);
        }
        NDArray scores = q.matMul(k.swapAxes(-1, -2)).muli(1f / (float) Math.sqrt(dh)).addi(msk);
        NDArray weights = Layers.dropout(scores.softmax(-1), config.dropout(), training);
        NDArray o = weights.matMul(v);
        if (heads > 1) {
            o = o.transpose(0, 2, 1, 3).reshape(b, len, d);
        }
        return Layers.linear(o, params.get(p + "out.w"), params.get(p + "out.b"));
    }

    @Override
    public NDArray loss(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        int b = to - from;
        int[][] inputs = new int[b][];
        int[][] targets = new int[b][];
        for (int r = 0; r < b; r++) {
            int[] s = sequences[from + r];
            inputs[r] = java.util.Arrays.copyOf(s, s.length - 1);
            targets[r] = java.util.Arrays.copyOfRange(s, 1, s.length);
        }
        PaddedBatch in = PaddedBatch.ofItems(inputs, 0, b, config.maxLength());
        PaddedBatch out = PaddedBatch.ofItems(targets, 0, b, config.maxLength());
        long[] cells = out.nonPadIndices();
        long[] tgt = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            tgt[i] = out.tokens()[(int) cells[i]] - 1;
        }
        NDArray hidden = hidden(m, in, true).reshape(-1, config.dim());
        NDArray hv = Layers.rows(hidden, m.create(cells));
        NDArray table = params.get("item_emb").get("1:");
        return switch (config.loss()) {
            case FULL_SOFTMAX -> FullSoftmaxLoss.objective(m, hv, table, tgt, OUTPUT_CHUNK);
            case SAMPLED_SOFTMAX -> sampledSoftmax(m, hv, table, tgt, rng);
            case BCE -> binaryCrossEntropy(m, hv, table, tgt, rng);
        };
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
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            PaddedBatch in = PaddedBatch.ofItems(histories, from, to, config.maxLength());
            NDArray last = hidden(m, in, false).get(":, -1, :");
            return last.matMul(params.get("item_emb").get("1:").transpose()).toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    @Override
    public double trainingFlops(long cells, int batch, int length) {
        double d = config.dim();
        double tokens = (double) batch * length;
        double perBlock = tokens * (2 * d * 3 * d + 2 * d * d + 2 * 2 * d * d) + batch * 2.0 * 2 * length * length * d;
        double forward = config.blocks() * perBlock + cells * 2.0 * d * numItems;
        return 3 * forward;
    }
}
