package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean softmax cross-entropy of {@code hidden [n, d]} against every row of {@code table [c, d]} (the tied output
 * layer), with its gradient computed by hand, chunk by chunk, instead of through autograd.
 *
 * <p>Autograd would keep the whole {@code [n, c]} logits, their log-softmax and two more gradients of that size
 * (for ML-1M, 25k x 3.4k floats = 350 MB each) and stream them through memory several times. Here rows are processed
 * in chunks of {@code chunkRows}: logits, log-softmax and {@code P = softmax} live only for one chunk, and the
 * gradients follow from {@code dL/dlogits = (P - Y) / n}: {@code dL/dH = (P W - W[t]) / n} and
 * {@code dL/dW = (P^T H - Y^T H) / n}, where the one-hot terms are row gathers and a scatter-add done on small
 * {@code [n, d]} arrays. The result is a surrogate objective whose value equals the loss and whose gradient with
 * respect to {@code hidden} and {@code table} equals the cross-entropy's, so the rest of the network back-propagates
 * as usual.
 *
 * <p>Stateless; the arrays it creates belong to the current {@link NDScope}.
 */
public final class FullSoftmaxLoss {
    /**
     * Logits per chunk (16 MB of floats, within a server's last-level cache): about 1,200 rows for ML-1M's 3.4k
     * items, 77 for Beauty's 54.5k (never fewer than {@link #MIN_CHUNK_ROWS}). Measured with {@code seqmind bench
     * train-step}: 1,024-row chunks take about a fifth less CPU than 4,096-row ones on ML-1M.
     */
    private static final long LOGITS_PER_CHUNK = 1L << 22;
    private static final int MIN_CHUNK_ROWS = 64;
    /** Floor of a target's probability when its loss is read; caps one row's loss at about 69. */
    private static final float MIN_PROBABILITY = 1e-30f;

    private FullSoftmaxLoss() {
    }

    /** {@link #objective(NDManager, NDArray, NDArray, long[], int)} with chunks sized to the catalogue. */
    public static NDArray objective(NDManager m, NDArray hidden, NDArray table, long[] targets) {
        long classes = table.getShape().get(0);
        int rows = (int) Math.max(MIN_CHUNK_ROWS, LOGITS_PER_CHUNK / Math.max(1, classes));
        return objective(m, hidden, table, targets, rows);
    }

    /**
     * @param hidden     {@code [n, d]}, part of the autograd graph
     * @param table      {@code [c, d]}, part of the autograd graph
     * @param targets    class index of each row, in {@code [0, c)}
     * @param chunkRows  rows per chunk (e.g. 1024)
     */
    public static NDArray objective(NDManager m, NDArray hidden, NDArray table, long[] targets, int chunkRows) {
        int n = targets.length;
        long c = table.getShape().get(0);
        long d = table.getShape().get(1);
        NDArray gradH;
        NDArray gradW;
        float lossSum = 0;
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            NDArray h = hidden.stopGradient();
            NDArray w = table.stopGradient();
            NDArray wt = w.transpose();
            NDArray tgt = m.create(targets);
            gradW = m.zeros(new Shape(c, d));
            List<NDArray> parts = new ArrayList<>();
            for (int from = 0; from < n; from += chunkRows) {
                int to = Math.min(n, from + chunkRows);
                NDArray hc = h.get(from + ":" + to);
                NDArray tc = tgt.get(from + ":" + to).reshape(-1, 1);
                try (NDScope chunk = new NDScope()) {
                    chunk.suppressNotUsedWarning();
                    // one fused softmax; the loss -log p[t] is read off it (clamped: it is only reported, the
                    // gradient comes from p itself)
                    NDArray p = hc.matMul(wt).softmax(1);
                    lossSum -= p.gather(tc, 1).maximum(MIN_PROBABILITY).log().sum().getFloat();
                    NDArray gh = p.matMul(w);
                    NDScope.unregister(gh);
                    parts.add(gh);
                    gradW.addi(p.transpose().matMul(hc));
                }
            }
            gradH = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts));
            for (NDArray part : parts) {
                if (part != gradH) {
                    NDScope.register(part);
                }
            }
            // one-hot terms: dH -= W[t]; dW[t] -= H (scatter-add)
            gradH.subi(Layers.rows(w, tgt));
            gradW.subi(scatterAddRows(m, h, targets, c, d));
            float inv = 1f / n;
            gradH.muli(inv);
            gradW.muli(inv);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        NDArray surrogate = hidden.mul(gradH).sum().add(table.mul(gradW).sum());
        // value = loss, gradient = the surrogate's
        return surrogate.sub(surrogate.stopGradient()).add(lossSum / n);
    }

    /** {@code Y^T H}: row {@code t} is the sum of the rows of {@code h} whose target is {@code t}; done on the host. */
    private static NDArray scatterAddRows(NDManager m, NDArray h, long[] targets, long c, long d) {
        float[] hv = h.toFloatArray();
        int dim = (int) d;
        float[] out = new float[(int) (c * d)];
        for (int i = 0; i < targets.length; i++) {
            int dst = (int) targets[i] * dim;
            int src = i * dim;
            for (int j = 0; j < dim; j++) {
                out[dst + j] += hv[src + j];
            }
        }
        return m.create(out, new Shape(c, d));
    }
}
