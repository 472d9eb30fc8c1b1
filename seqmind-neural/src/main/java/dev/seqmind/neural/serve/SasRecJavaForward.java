package dev.seqmind.neural.serve;

import dev.seqmind.data.error.SeqmindException;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.model.ModelCard;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.OcclusionExplainer;

import java.util.Map;

/**
 * SASRec inference in plain Java over the weights a {@code SasRecNetwork} trained (same parameter names and the
 * same arithmetic: pre-LN causal blocks, ReLU FFN, final LayerNorm, tied output). Only the history's own positions
 * are computed (no padding), and in the last block only the final position's query and FFN, since only the last
 * hidden state is scored. Matrices are stored transposed, as one array per input row ({@code [in][out]}), and
 * activations as one array per position, so every inner loop is {@code y[j] += a * row[j]} over whole arrays from
 * index 0, which C2 vectorises (it does not when either side is read at an offset into an array: about 4 times
 * slower). Each output is summed in the same order as a plain matrix product, so the result does not depend on it.
 *
 * <p>Immutable and thread-safe: all weights are read-only; every call allocates its own small scratch arrays.
 */
public final class SasRecJavaForward implements SequenceEncoder {
    private static final float LN_EPS = 1e-5f;

    private final IdMap items;
    private final int n;
    private final int d;
    private final int heads;
    private final int dh;
    private final NormPlacement norm;
    private final PositionOrigin positions;
    private final int maxLen;
    private final float[] itemEmb; // [(n + 1) * d], row 0 = padding
    private final float[][] itemRows; // [d][n]: itemRows[j][i] = item i's j-th value, for the scoring loop
    private final float[] posEmb;  // [maxLen * d]
    private final Block[] blocks;
    private final float[] lnfG;
    private final float[] lnfB;

    /**
     * One block's weights. Every matrix is kept as rows {@code [in][out]} of their own arrays (query, key and value
     * split per head), so that each inner loop reads and writes whole arrays from index 0: C2 vectorises
     * {@code y[j] += a * w[j]} only then (with an offset into an array it cannot rule out overlap).
     */
    private record Block(float[] ln1G, float[] ln1B, float[][][] q, float[][] qB, float[][][] k, float[][] kB,
                         float[][][] v, float[][] vB, float[][] out, float[] outB, float[] ln2G, float[] ln2B,
                         float[][] ff1, float[] ff1B, float[][] ff2, float[] ff2B) {
    }

    private final SasRecConfig config;
    private final Map<String, float[]> weights;
    private final Map<String, long[]> shapes;
    private final ModelCard card;

    /**
     * @param weights parameter name to row-major values, as in the weights file (adopted, not copied)
     * @param shapes  parameter shapes, kept for saving
     * @param card    the model card, or {@code null}
     */
    public SasRecJavaForward(SasRecConfig config, IdMap items, Map<String, float[]> weights,
                             Map<String, long[]> shapes, ModelCard card) {
        if (config.summarisesOlderEvents()) {
            throw new SeqmindException("this SASRec model reads a summary of the events older than its "
                    + config.maxLength() + "-item window (trained with --long-history summary), which the pure-Java "
                    + "forward pass does not compute; score it on the native engine (seqmind serve --forward native)");
        }
        this.config = config;
        this.weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        this.shapes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shapes));
        this.card = card;
        this.items = items;
        this.n = items.size();
        this.d = config.dim();
        this.heads = config.heads();
        this.norm = config.style().norm();
        this.positions = config.style().positions();
        this.maxLen = config.maxLength();
        this.dh = d / heads;
        this.itemEmb = require(weights, "item_emb", (n + 1L) * d);
        this.posEmb = require(weights, "pos_emb", (long) maxLen * d);
        this.itemRows = new float[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                itemRows[j][i] = itemEmb[(i + 1) * d + j];
            }
        }
        this.blocks = new Block[config.blocks()];
        for (int b = 0; b < blocks.length; b++) {
            String p = "b" + b + ".";
            float[] qkv = require(weights, p + "qkv.w", 3L * d * d);
            float[] qkvB = require(weights, p + "qkv.b", 3L * d);
            blocks[b] = new Block(require(weights, p + "ln1.g", d), require(weights, p + "ln1.b", d),
                    headRows(qkv, 0), headBias(qkvB, 0), headRows(qkv, d), headBias(qkvB, d),
                    headRows(qkv, 2 * d), headBias(qkvB, 2 * d),
                    rows(require(weights, p + "out.w", (long) d * d), d, 0, d), require(weights, p + "out.b", d),
                    require(weights, p + "ln2.g", d), require(weights, p + "ln2.b", d),
                    rows(require(weights, p + "ff1.w", (long) d * d), d, 0, d), require(weights, p + "ff1.b", d),
                    rows(require(weights, p + "ff2.w", (long) d * d), d, 0, d), require(weights, p + "ff2.b", d));
        }
        this.lnfG = require(weights, "ln_f.g", d);
        this.lnfB = require(weights, "ln_f.b", d);
    }

    private static float[] require(Map<String, float[]> w, String name, long size) {
        float[] v = w.get(name);
        if (v == null || v.length != size) {
            throw new IllegalArgumentException("weights: " + name + (v == null ? " missing" : " has " + v.length
                    + " values, expected " + size));
        }
        return v;
    }

    /**
     * Output units {@code [from, from + count)} of the row-major {@code [outputs][d]} matrix {@code w} as
     * {@code [d][count]}: row {@code i} holds input {@code i}'s weight to each of those outputs.
     */
    private float[][] rows(float[] w, int inputs, int from, int count) {
        float[][] t = new float[inputs][count];
        for (int o = 0; o < count; o++) {
            for (int i = 0; i < inputs; i++) {
                t[i][o] = w[(from + o) * inputs + i];
            }
        }
        return t;
    }

    /** The {@code [heads][d][dh]} rows of the part (query, key or value) starting at output {@code from}. */
    private float[][][] headRows(float[] qkv, int from) {
        float[][][] t = new float[heads][][];
        for (int hd = 0; hd < heads; hd++) {
            t[hd] = rows(qkv, d, from + hd * dh, dh);
        }
        return t;
    }

    private float[][] headBias(float[] qkvB, int from) {
        float[][] t = new float[heads][];
        for (int hd = 0; hd < heads; hd++) {
            t[hd] = java.util.Arrays.copyOfRange(qkvB, from + hd * dh, from + (hd + 1) * dh);
        }
        return t;
    }

    public SasRecConfig config() {
        return config;
    }

    /** The weights as loaded (read-only map; callers must not modify the arrays). */
    public Map<String, float[]> weights() {
        return weights;
    }

    public Map<String, long[]> shapes() {
        return shapes;
    }

    /** The model card, or {@code null}. */
    public ModelCard card() {
        return card;
    }

    @Override
    public String name() {
        return "sasrec";
    }

    @Override
    public IdMap items() {
        return items;
    }

    @Override
    public Explanation explain(int[] history, int item) {
        return OcclusionExplainer.defaults().explain(this, history, item);
    }

    @Override
    public java.util.List<Explanation> explainAll(int[] history, int[] items) {
        return OcclusionExplainer.defaults().explainAll(this, history, items);
    }

    @Override
    public void score(int[] history, float[] out) {
        scoreEncoded(lastHidden(history), out);
    }

    @Override
    public int encodedSize() {
        return d;
    }

    @Override
    public void encode(int[] history, float[] encoded) {
        System.arraycopy(lastHidden(history), 0, encoded, 0, d);
    }

    @Override
    public void scoreEncoded(float[] h, float[] out) {
        if (out.length < n) {
            throw new IllegalArgumentException("out has length " + out.length + " < numItems " + n);
        }
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int j = 0; j < d; j++) {
            float a = h[j];
            float[] row = itemRows[j];
            for (int i = 0; i < n; i++) {
                out[i] += a * row[i];
            }
        }
    }

    /** The final hidden state of the history's last position ({@code dim} values). */
    float[] lastHidden(int[] history) {
        int count = 0;
        for (int item : history) {
            if (item >= 0 && item < n) {
                count++;
            }
        }
        int len = Math.max(1, Math.min(maxLen, count));
        int[] tokens = new int[len];
        int k = len - 1;
        for (int i = history.length - 1; i >= 0 && k >= 0 && count > 0; i--) {
            if (history[i] >= 0 && history[i] < n) {
                tokens[k--] = history[i] + 1;
            }
        }
        // an empty history is one padding cell, as in the padded network
        float[][] x = new float[len][d];
        float scale = (float) Math.sqrt(d);
        boolean[] valid = new boolean[len];
        for (int t = 0; t < len; t++) {
            valid[t] = tokens[t] != 0;
            if (!valid[t]) {
                continue;
            }
            int e = tokens[t] * d;
            int p = (positions == PositionOrigin.NEWEST ? maxLen - len + t : t) * d;
            float[] row = x[t];
            for (int j = 0; j < d; j++) {
                row[j] = itemEmb[e + j] * scale + posEmb[p + j];
            }
            if (norm == NormPlacement.POST) {
                layerNorm(row, lnfG, lnfB, row);
            }
        }
        for (int b = 0; b < blocks.length; b++) {
            block(blocks[b], x, len, valid, b == blocks.length - 1);
        }
        float[] last = new float[d];
        if (norm == NormPlacement.POST) {
            System.arraycopy(x[len - 1], 0, last, 0, d);
        } else {
            layerNorm(x[len - 1], lnfG, lnfB, last);
        }
        return last;
    }

    /**
     * One block in place on the rows {@code x [len][d]}; when {@code lastOnly}, only the final row is computed (its
     * query, attention and FFN; keys and values still come from every row).
     */
    private void block(Block w, float[][] x, int len, boolean[] valid, boolean lastOnly) {
        float[][] h = x; // post-norm blocks attend over the stream itself
        if (norm != NormPlacement.POST) {
            h = new float[len][d];
            for (int t = 0; t < len; t++) {
                layerNorm(x[t], w.ln1G(), w.ln1B(), h[t]);
            }
        }
        float[][] kvIn = norm == NormPlacement.QUERY ? x : h; // query-norm blocks: keys and values from the stream
        int first = lastOnly ? len - 1 : 0;
        float inv = 1f / (float) Math.sqrt(dh);
        float[][] att = new float[len][];
        float[] scores = new float[len];
        for (int hd = 0; hd < heads; hd++) {
            // keys transposed to [dh][len] so that a query's scores are axpy loops over key positions
            float[][] kT = new float[dh][len];
            float[][] v = new float[len][];
            float[] key = new float[dh];
            for (int t = 0; t < len; t++) {
                affine(kvIn[t], w.k()[hd], w.kB()[hd], key);
                for (int j = 0; j < dh; j++) {
                    kT[j][t] = key[j];
                }
                v[t] = new float[dh];
                affine(kvIn[t], w.v()[hd], w.vB()[hd], v[t]);
            }
            float[] query = new float[dh];
            for (int q = first; q < len; q++) {
                if (att[q] == null) {
                    att[q] = new float[d];
                }
                affine(h[q], w.q()[hd], w.qB()[hd], query);
                int visible = q + 1;
                java.util.Arrays.fill(scores, 0, visible, 0f);
                for (int j = 0; j < dh; j++) {
                    float a = query[j] * inv;
                    float[] row = kT[j];
                    for (int kk = 0; kk < visible; kk++) {
                        scores[kk] += a * row[kk];
                    }
                }
                float max = Float.NEGATIVE_INFINITY;
                for (int kk = 0; kk < visible; kk++) {
                    if (valid[kk]) {
                        max = Math.max(max, scores[kk]);
                    }
                }
                if (max == Float.NEGATIVE_INFINITY) {
                    continue; // only padding visible: the cell is zeroed below anyway
                }
                float sum = 0;
                for (int kk = 0; kk < visible; kk++) {
                    float e = valid[kk] ? (float) Math.exp(scores[kk] - max) : 0f;
                    scores[kk] = e;
                    sum += e;
                }
                float invSum = 1f / sum;
                float[] out = heads == 1 ? att[q] : new float[dh];
                for (int kk = 0; kk < visible; kk++) {
                    float a = scores[kk] * invSum;
                    if (a == 0f) {
                        continue;
                    }
                    float[] vr = v[kk];
                    for (int j = 0; j < dh; j++) {
                        out[j] += a * vr[j];
                    }
                }
                if (heads > 1) {
                    System.arraycopy(out, 0, att[q], hd * dh, dh);
                }
            }
        }
        float[] tmp = new float[d];
        float[] ff = new float[d];
        for (int t = first; t < len; t++) {
            float[] xt = x[t];
            affine(att[t], w.out(), w.outB(), tmp);
            float[] residual = norm == NormPlacement.QUERY ? h[t] : xt;
            for (int j = 0; j < d; j++) {
                xt[j] = residual[j] + tmp[j];
            }
            switch (norm) {
                case PRE -> {
                    layerNorm(xt, w.ln2G(), w.ln2B(), tmp);
                    affine(tmp, w.ff1(), w.ff1B(), ff);
                }
                case POST -> {
                    layerNorm(xt, w.ln1G(), w.ln1B(), xt);
                    affine(xt, w.ff1(), w.ff1B(), ff);
                }
                case QUERY -> {
                    layerNorm(xt, w.ln2G(), w.ln2B(), xt);
                    affine(xt, w.ff1(), w.ff1B(), ff);
                }
            }
            for (int j = 0; j < d; j++) {
                ff[j] = Math.max(0f, ff[j]);
            }
            affine(ff, w.ff2(), w.ff2B(), tmp);
            for (int j = 0; j < d; j++) {
                xt[j] = valid[t] ? xt[j] + tmp[j] : 0f;
            }
            if (norm == NormPlacement.POST && valid[t]) {
                layerNorm(xt, w.ln2G(), w.ln2B(), xt);
            }
        }
    }

    /** {@code y = x * w + b} with {@code w} as rows {@code [in][out]}; every array from index 0. */
    private static void affine(float[] x, float[][] w, float[] b, float[] y) {
        System.arraycopy(b, 0, y, 0, y.length);
        for (int i = 0; i < w.length; i++) {
            float a = x[i];
            if (a == 0f) {
                continue;
            }
            float[] row = w[i];
            for (int j = 0; j < y.length; j++) {
                y[j] += a * row[j];
            }
        }
    }

    private void layerNorm(float[] x, float[] g, float[] b, float[] y) {
        float mean = 0;
        for (int j = 0; j < d; j++) {
            mean += x[j];
        }
        mean /= d;
        float var = 0;
        for (int j = 0; j < d; j++) {
            float c = x[j] - mean;
            var += c * c;
        }
        var /= d;
        float rstd = (float) (1.0 / Math.sqrt(var + LN_EPS));
        for (int j = 0; j < d; j++) {
            y[j] = (x[j] - mean) * rstd * g[j] + b[j];
        }
    }
}
