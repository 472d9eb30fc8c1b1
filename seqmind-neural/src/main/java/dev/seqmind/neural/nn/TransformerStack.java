package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.seqmind.data.error.InvalidParameterException;

import java.util.SplittableRandom;

/**
 * Self-attention blocks over embedded, left-padded sequences, LayerNorms placed as {@link NormPlacement} says (by
 * default pre-norm: {@code x += Drop(Attn(LN(x)))}, then {@code x += Drop(FFN(LN(x)))}, a final LayerNorm after the
 * last block). Attention is masked multi-head attention with dropout on its weights; the feed-forward is point-wise
 * {@code dim -> ffnDim -> dim}, ReLU or GELU; padding cells are zeroed after every block. Padded keys are masked out,
 * so a batch trimmed to its longest sequence gives the same states as the batch padded further.
 *
 * <p>Parameters are registered under {@code prefix + "b<i>."} and {@code prefix + "ln_f."} (the weights-file
 * contract of the pure-Java forward pass). Stateless apart from the parameter references; thread-safe for inference.
 */
public final class TransformerStack {
    private static final float MASKED = -1e9f;

    private final ParameterStore params;
    private final int dim;
    private final int ffnDim;
    private final int blocks;
    private final int heads;
    private final float rate;
    private final boolean gelu;
    private final AttentionDirection direction;
    private final NormPlacement norm;
    private final PositionOrigin positions;

    /**
     * Checks the architecture numbers a Transformer network's configuration carries, in this order: {@code dim} in
     * [1, 4096], {@code blocks} in [1, 64], {@code heads} in [1, dim] and a divisor of {@code dim}, {@code dropout} in
     * [0, 1). Throws {@link InvalidParameterException} naming the first bad one.
     */
    public static void requireValidShape(int dim, int blocks, int heads, float dropout) {
        InvalidParameterException.requireInRange("dim", dim, 1, 4096);
        InvalidParameterException.requireInRange("blocks", blocks, 1, 64);
        InvalidParameterException.requireInRange("heads", heads, 1, dim);
        if (dim % heads != 0) {
            throw new InvalidParameterException("heads", heads, "a divisor of dim=" + dim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidParameterException("dropout", dropout, "in [0, 1)");
        }
    }

    /** Registers the parameters, drawing weights from {@code rng}. */
    public TransformerStack(ParameterStore params, SplittableRandom rng, int dim, int ffnDim, int blocks, int heads,
                            float dropout, boolean gelu, AttentionDirection direction, BlockStyle style) {
        this.params = params;
        this.dim = dim;
        this.ffnDim = ffnDim;
        this.blocks = blocks;
        this.heads = heads;
        this.rate = dropout;
        this.gelu = gelu;
        this.direction = direction;
        this.norm = style.norm();
        this.positions = style.positions();
        WeightInit init = style.init();
        for (int b = 0; b < blocks; b++) {
            String p = "b" + b + ".";
            params.constant(p + "ln1.g", 1f, dim);
            params.constant(p + "ln1.b", 0f, dim);
            init.register(params, p + "qkv.w", rng, 3L * dim, dim);
            params.constant(p + "qkv.b", 0f, 3L * dim);
            init.register(params, p + "out.w", rng, dim, dim);
            params.constant(p + "out.b", 0f, dim);
            params.constant(p + "ln2.g", 1f, dim);
            params.constant(p + "ln2.b", 0f, dim);
            init.register(params, p + "ff1.w", rng, ffnDim, dim);
            params.constant(p + "ff1.b", 0f, ffnDim);
            init.register(params, p + "ff2.w", rng, dim, ffnDim);
            params.constant(p + "ff2.b", 0f, dim);
        }
        params.constant("ln_f.g", 1f, dim);
        params.constant("ln_f.b", 0f, dim);
    }

    /**
     * Embeds a left-padded batch and runs the blocks: {@code itemTable[tokens] * embeddingScale} plus a row of
     * {@code positionTable} per cell (counted as the style's {@link PositionOrigin} says: from the window's end,
     * {@code windowLength - 1} for the newest item, or from 0 for each row's oldest item; either way a short batch
     * equals the same batch padded to the whole window), dropout, padding cells zeroed, then {@link #forward}. An
     * {@code embeddingScale} of exactly 1 skips the multiplication.
     *
     * @return hidden states {@code [batch, length, dim]}
     */
    public NDArray forwardTokens(NDManager m, PaddedBatch batch, NDArray itemTable, NDArray positionTable,
                                 int windowLength, float embeddingScale, Dropout dropout) {
        return forwardTokens(m, batch, itemTable, positionTable, windowLength, embeddingScale, dropout, null, null);
    }

    /**
     * {@link #forwardTokens} with {@code prefix} tokens {@code [batch, p, dim]} (already embedded; {@code prefixValid}
     * {@code [batch, p]} is 1 where a slot holds a token) placed before each row's window. They go through the same
     * input normalisation, dropout and blocks; under the causal mask every window position sees every valid prefix
     * token and each prefix token sees the ones before it. A row whose prefix slots are all empty computes what it
     * computes without a prefix (its prefix keys are masked out). {@code prefix == null}: none.
     *
     * @return hidden states of the window's cells only, {@code [batch, length, dim]}
     */
    public NDArray forwardTokens(NDManager m, PaddedBatch batch, NDArray itemTable, NDArray positionTable,
                                 int windowLength, float embeddingScale, Dropout dropout, NDArray prefix,
                                 NDArray prefixValid) {
        NDArray ids = m.create(batch.tokens(), new Shape(batch.batch(), batch.length()));
        NDArray valid = ids.neq(PaddedBatch.PAD).toType(DataType.FLOAT32, false);
        NDArray x = Layers.rows(itemTable, ids);
        if (embeddingScale != 1f) {
            x = Layers.scale(x, embeddingScale);
        }
        NDArray pos = positions == PositionOrigin.NEWEST
                ? m.arange(windowLength - batch.length(), windowLength, 1, DataType.INT64)
                : m.create(countFromOldest(batch), new Shape(batch.batch(), batch.length()));
        x = x.add(Layers.rows(positionTable, pos));
        long p = 0;
        if (prefix != null) {
            p = prefix.getShape().get(1);
            x = prefix.concat(x, 1);
            valid = prefixValid.concat(valid, 1);
        }
        if (norm == NormPlacement.POST) {
            x = Layers.layerNorm(x, params.get("ln_f.g"), params.get("ln_f.b")); // ln_f normalises the input here
        }
        x = dropout.apply(x, rate).mul(valid.expandDims(2));
        NDArray h = forward(m, x, valid, dropout);
        return prefix == null ? h : h.get(":, " + p + ":, :");
    }

    /** Each cell's number of real tokens before it in its row (padding cells get 0 and are zeroed anyway). */
    private static long[] countFromOldest(PaddedBatch batch) {
        long[] tokens = batch.tokens();
        long[] pos = new long[tokens.length];
        for (int r = 0; r < batch.batch(); r++) {
            long seen = 0;
            for (int j = 0; j < batch.length(); j++) {
                int i = r * batch.length() + j;
                if (tokens[i] != PaddedBatch.PAD) {
                    pos[i] = seen++;
                }
            }
        }
        return pos;
    }

    /**
     * @param x      embedded input {@code [batch, len, dim]} (padding cells already zero)
     * @param valid  1 at non-padding cells, 0 at padding, {@code [batch, len]} float
     */
    public NDArray forward(NDManager m, NDArray x, NDArray valid, Dropout dropout) {
        long b = x.getShape().get(0);
        int len = (int) x.getShape().get(1);
        NDArray keep = valid.expandDims(2);
        NDArray mask = attentionMask(m, valid, len);
        for (int i = 0; i < blocks; i++) {
            String p = "b" + i + ".";
            x = switch (norm) {
                case PRE -> preNormBlock(x, mask, keep, b, len, p, dropout);
                case POST -> postNormBlock(x, mask, keep, b, len, p, dropout);
                case QUERY -> queryNormBlock(x, mask, keep, b, len, p, dropout);
            };
        }
        return norm == NormPlacement.POST ? x : Layers.layerNorm(x, params.get("ln_f.g"), params.get("ln_f.b"));
    }

    /** {@code x += Drop(Attn(LN1(x)))}, then {@code x += Drop(FFN(LN2(x)))}. */
    private NDArray preNormBlock(NDArray x, NDArray mask, NDArray keep, long b, int len, String p, Dropout dropout) {
        NDArray h = Layers.layerNorm(x, params.get(p + "ln1.g"), params.get(p + "ln1.b"));
        x = x.add(dropout.apply(attention(h, h, mask, b, len, p, dropout), rate));
        h = Layers.layerNorm(x, params.get(p + "ln2.g"), params.get(p + "ln2.b"));
        return x.add(dropout.apply(feedForward(h, p, dropout), rate)).mul(keep);
    }

    /** {@code q = LN1(x)}, {@code x = q + Drop(Attn(q, x, x))}, then {@code x = LN2(x)}, {@code x += Drop(FFN(x))}. */
    private NDArray queryNormBlock(NDArray x, NDArray mask, NDArray keep, long b, int len, String p, Dropout dropout) {
        NDArray q = Layers.layerNorm(x, params.get(p + "ln1.g"), params.get(p + "ln1.b"));
        x = q.add(dropout.apply(attention(q, x, mask, b, len, p, dropout), rate));
        x = Layers.layerNorm(x, params.get(p + "ln2.g"), params.get(p + "ln2.b"));
        return x.add(dropout.apply(feedForward(x, p, dropout), rate)).mul(keep);
    }

    /** {@code x = LN1(x + Drop(Attn(x)))}, then {@code x = LN2(x + Drop(FFN(x)))}. */
    private NDArray postNormBlock(NDArray x, NDArray mask, NDArray keep, long b, int len, String p, Dropout dropout) {
        NDArray a = dropout.apply(attention(x, x, mask, b, len, p, dropout), rate);
        x = Layers.layerNorm(x.add(a), params.get(p + "ln1.g"), params.get(p + "ln1.b"));
        NDArray f = dropout.apply(feedForward(x, p, dropout), rate);
        return Layers.layerNorm(x.add(f), params.get(p + "ln2.g"), params.get(p + "ln2.b")).mul(keep);
    }

    /** Point-wise {@code dim -> ffnDim -> dim} with ReLU or GELU and dropout on the inner layer. */
    private NDArray feedForward(NDArray h, String p, Dropout dropout) {
        NDArray f = Layers.linear(h, params.get(p + "ff1.w"), params.get(p + "ff1.b"));
        f = gelu ? Activation.gelu(f) : Activation.relu(f);
        return Layers.linear(dropout.apply(f, rate), params.get(p + "ff2.w"), params.get(p + "ff2.b"));
    }

    /** Additive mask {@code [batch, len, len]}: padded keys, plus later keys when causal. */
    private NDArray attentionMask(NDManager m, NDArray valid, int len) {
        NDArray keyPad = valid.sub(1f).neg().muli(MASKED).expandDims(1);
        if (direction == AttentionDirection.BIDIRECTIONAL) {
            return keyPad;
        }
        float[] causal = new float[len * len];
        for (int q = 0; q < len; q++) {
            for (int k = q + 1; k < len; k++) {
                causal[q * len + k] = MASKED;
            }
        }
        return m.create(causal, new Shape(1, len, len)).add(keyPad);
    }

    /** Attention of {@code queries} over {@code keysValues} (the same array in pre- and post-norm blocks). */
    private NDArray attention(NDArray queries, NDArray keysValues, NDArray mask, long b, int len, String p,
                              Dropout dropout) {
        int dh = dim / heads;
        NDArray q;
        NDArray k;
        NDArray v;
        NDArray w = params.get(p + "qkv.w");
        NDArray bias = params.get(p + "qkv.b");
        if (queries == keysValues) {
            // split, not three slices: a slice's backward zero-fills a whole [batch, len, 3 dim] gradient
            NDList parts = Layers.linear(queries, w, bias).split(3, 2);
            q = parts.get(0);
            k = parts.get(1);
            v = parts.get(2);
        } else {
            // the weight slices' backward zero-fills only [3 dim, dim]
            q = Layers.linear(queries, w.get("0:" + dim), bias.get("0:" + dim));
            NDList kv = Layers.linear(keysValues, w.get(dim + ":"), bias.get(dim + ":")).split(2, 2);
            k = kv.get(0);
            v = kv.get(1);
        }
        NDArray msk = mask;
        if (heads > 1) {
            q = q.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
            k = k.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
            v = v.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
            msk = mask.expandDims(1);
        }
        NDArray scores = Layers.scale(q.matMul(k.swapAxes(-1, -2)), 1f / (float) Math.sqrt(dh)).addi(msk);
        NDArray weights = dropout.apply(scores.softmax(-1), rate);
        NDArray o = weights.matMul(v);
        if (heads > 1) {
            o = o.transpose(0, 2, 1, 3).reshape(b, len, dim);
        }
        return Layers.linear(o, params.get(p + "out.w"), params.get(p + "out.b"));
    }

    /** Forward FLOPs of the blocks for {@code batch x len} cells. */
    public double forwardFlops(int batch, int len) {
        double d = dim;
        double tokens = (double) batch * len;
        return blocks * (tokens * (2 * d * 3 * d + 2 * d * d + 2 * 2 * d * ffnDim)
                + batch * 2.0 * 2 * len * (double) len * d);
    }
}
