package dev.seqmind.neural.serve;

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
 * hidden state is scored. Matrices are stored transposed ({@code [in][out]}) so the inner loops are
 * {@code y += a * row}, which the JIT vectorises.
 *
 * <p>Immutable and thread-safe: all weights are read-only; every call allocates its own small scratch arrays.
 */
public final class SasRecJavaForward implements SequenceEncoder {
    private static final float LN_EPS = 1e-5f;

    private final IdMap items;
    private final int n;
    private final int d;
    private final int heads;
    private final NormPlacement norm;
    private final PositionOrigin positions;
    private final int maxLen;
    private final float[] itemEmb; // [(n + 1) * d], row 0 = padding
    private final float[] itemEmbT; // [d * n]: column i = item i, for a vectorised scoring loop
    private final float[] posEmb;  // [maxLen * d]
    private final Block[] blocks;
    private final float[] lnfG;
    private final float[] lnfB;

    private record Block(float[] ln1G, float[] ln1B, float[] qkvT, float[] qkvB, float[] outT, float[] outB,
                         float[] ln2G, float[] ln2B, float[] ff1T, float[] ff1B, float[] ff2T, float[] ff2B) {
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
        this.itemEmb = require(weights, "item_emb", (n + 1L) * d);
        this.posEmb = require(weights, "pos_emb", (long) maxLen * d);
        this.itemEmbT = new float[d * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                itemEmbT[j * n + i] = itemEmb[(i + 1) * d + j];
            }
        }
        this.blocks = new Block[config.blocks()];
        for (int b = 0; b < blocks.length; b++) {
            String p = "b" + b + ".";
            blocks[b] = new Block(require(weights, p + "ln1.g", d), require(weights, p + "ln1.b", d),
                    transpose(require(weights, p + "qkv.w", 3L * d * d), 3 * d, d), require(weights, p + "qkv.b", 3L * d),
                    transpose(require(weights, p + "out.w", (long) d * d), d, d), require(weights, p + "out.b", d),
                    require(weights, p + "ln2.g", d), require(weights, p + "ln2.b", d),
                    transpose(require(weights, p + "ff1.w", (long) d * d), d, d), require(weights, p + "ff1.b", d),
                    transpose(require(weights, p + "ff2.w", (long) d * d), d, d), require(weights, p + "ff2.b", d));
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

    /** {@code w [rows][cols]} row-major to {@code [cols][rows]}. */
    private static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
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
            int row = j * n;
            for (int i = 0; i < n; i++) {
                out[i] += a * itemEmbT[row + i];
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
        float[] x = new float[len * d];
        float scale = (float) Math.sqrt(d);
        boolean[] valid = new boolean[len];
        for (int t = 0; t < len; t++) {
            valid[t] = tokens[t] != 0;
            if (!valid[t]) {
                continue;
            }
            int e = tokens[t] * d;
            int p = (positions == PositionOrigin.NEWEST ? maxLen - len + t : t) * d;
            for (int j = 0; j < d; j++) {
                x[t * d + j] = itemEmb[e + j] * scale + posEmb[p + j];
            }
            if (norm == NormPlacement.POST) {
                layerNorm(x, t * d, lnfG, lnfB, x, t * d);
            }
        }
        for (int b = 0; b < blocks.length; b++) {
            block(blocks[b], x, len, valid, b == blocks.length - 1);
        }
        float[] last = new float[d];
        if (norm == NormPlacement.POST) {
            System.arraycopy(x, (len - 1) * d, last, 0, d);
        } else {
            layerNorm(x, (len - 1) * d, lnfG, lnfB, last, 0);
        }
        return last;
    }

    /** One block in place on {@code x [len * d]}; when {@code lastOnly}, only the final row is kept exact. */
    private void block(Block w, float[] x, int len, boolean[] valid, boolean lastOnly) {
        int d3 = 3 * d;
        float[] h = x; // post-norm blocks attend over the stream itself
        if (norm != NormPlacement.POST) {
            h = new float[len * d];
            for (int t = 0; t < len; t++) {
                layerNorm(x, t * d, w.ln1G(), w.ln1B(), h, t * d);
            }
        }
        float[] qkv = new float[len * d3];
        for (int t = 0; t < len; t++) {
            affine(h, t * d, w.qkvT(), w.qkvB(), d, d3, qkv, t * d3);
        }
        float[] kv = qkv; // keys and values: from the normalised rows except in query-norm blocks
        if (norm == NormPlacement.QUERY) {
            kv = new float[len * d3];
            for (int t = 0; t < len; t++) {
                affine(x, t * d, w.qkvT(), w.qkvB(), d, d3, kv, t * d3);
            }
        }
        int first = lastOnly ? len - 1 : 0;
        int dh = d / heads;
        float inv = 1f / (float) Math.sqrt(dh);
        // keys transposed to [d][len] so that a query's scores are axpy loops over key positions
        float[] kT = new float[d * len];
        for (int t = 0; t < len; t++) {
            int ko = t * d3 + d;
            for (int j = 0; j < d; j++) {
                kT[j * len + t] = kv[ko + j];
            }
        }
        float[] att = new float[len * d];
        float[] scores = new float[len];
        for (int q = first; q < len; q++) {
            int visible = q + 1;
            for (int hd = 0; hd < heads; hd++) {
                int qo = q * d3 + hd * dh;
                java.util.Arrays.fill(scores, 0, visible, 0f);
                for (int j = 0; j < dh; j++) {
                    float a = qkv[qo + j] * inv;
                    int row = (hd * dh + j) * len;
                    for (int k = 0; k < visible; k++) {
                        scores[k] += a * kT[row + k];
                    }
                }
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < visible; k++) {
                    if (valid[k]) {
                        max = Math.max(max, scores[k]);
                    }
                }
                if (max == Float.NEGATIVE_INFINITY) {
                    continue; // only padding visible: the cell is zeroed below anyway
                }
                float sum = 0;
                for (int k = 0; k < visible; k++) {
                    float e = valid[k] ? (float) Math.exp(scores[k] - max) : 0f;
                    scores[k] = e;
                    sum += e;
                }
                float invSum = 1f / sum;
                int ao = q * d + hd * dh;
                for (int k = 0; k < visible; k++) {
                    float a = scores[k] * invSum;
                    if (a == 0f) {
                        continue;
                    }
                    int vo = k * d3 + 2 * d + hd * dh;
                    for (int j = 0; j < dh; j++) {
                        att[ao + j] += a * kv[vo + j];
                    }
                }
            }
        }
        float[] tmp = new float[d];
        float[] ff = new float[d];
        for (int t = first; t < len; t++) {
            int o = t * d;
            affine(att, o, w.outT(), w.outB(), d, d, tmp, 0);
            float[] residual = norm == NormPlacement.QUERY ? h : x;
            for (int j = 0; j < d; j++) {
                x[o + j] = residual[o + j] + tmp[j];
            }
            switch (norm) {
                case PRE -> {
                    layerNorm(x, o, w.ln2G(), w.ln2B(), tmp, 0);
                    affine(tmp, 0, w.ff1T(), w.ff1B(), d, d, ff, 0);
                }
                case POST -> {
                    layerNorm(x, o, w.ln1G(), w.ln1B(), x, o);
                    affine(x, o, w.ff1T(), w.ff1B(), d, d, ff, 0);
                }
                case QUERY -> {
                    layerNorm(x, o, w.ln2G(), w.ln2B(), x, o);
                    affine(x, o, w.ff1T(), w.ff1B(), d, d, ff, 0);
                }
            }
            for (int j = 0; j < d; j++) {
                ff[j] = Math.max(0f, ff[j]);
            }
            affine(ff, 0, w.ff2T(), w.ff2B(), d, d, tmp, 0);
            for (int j = 0; j < d; j++) {
                x[o + j] = valid[t] ? x[o + j] + tmp[j] : 0f;
            }
            if (norm == NormPlacement.POST && valid[t]) {
                layerNorm(x, o, w.ln2G(), w.ln2B(), x, o);
            }
        }
    }

    /** {@code y[yo, yo+out) = x[xo, xo+in) * wT + b} with {@code wT} stored {@code [in][out]}. */
    private static void affine(float[] x, int xo, float[] wT, float[] b, int in, int out, float[] y, int yo) {
        System.arraycopy(b, 0, y, yo, out);
        for (int i = 0; i < in; i++) {
            float a = x[xo + i];
            if (a == 0f) {
                continue;
            }
            int row = i * out;
            for (int j = 0; j < out; j++) {
                y[yo + j] += a * wT[row + j];
            }
        }
    }

    private void layerNorm(float[] x, int xo, float[] g, float[] b, float[] y, int yo) {
        float mean = 0;
        for (int j = 0; j < d; j++) {
            mean += x[xo + j];
        }
        mean /= d;
        float var = 0;
        for (int j = 0; j < d; j++) {
            float c = x[xo + j] - mean;
            var += c * c;
        }
        var /= d;
        float rstd = (float) (1.0 / Math.sqrt(var + LN_EPS));
        for (int j = 0; j < d; j++) {
            y[yo + j] = (x[xo + j] - mean) * rstd * g[j] + b[j];
        }
    }
}
