package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Stateless layer functions over DJL arrays (the engine's fused kernels where one exists). Every result is a new
 * array registered in the current {@code NDScope} and attached to the first argument's manager.
 */
public final class Layers {
    private static final float LAYER_NORM_EPS = 1e-5f;

    private Layers() {
    }

    /** {@code x W^T + b} for {@code W} of shape {@code [out, in]}; {@code bias} may be {@code null}. */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /** Layer normalisation over the last axis. */
    public static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta) {
        long d = x.getShape().get(x.getShape().dimension() - 1);
        return x.getNDArrayInternal().layerNorm(x, new Shape(d), gamma, beta, LAYER_NORM_EPS).singletonOrThrow();
    }

    /** Rows {@code table[ids]} for an int64 id array of any shape; gradients flow into {@code table}. */
    public static NDArray rows(NDArray table, NDArray ids) {
        return table.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** Mean cross-entropy of {@code logits [n, c]} against class indices {@code targets [n]} (int64). */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logp = logits.logSoftmax(1);
        return logp.gather(targets.reshape(-1, 1), 1).mean().neg();
    }

    /** {@code log(1 + e^x)}, computed without overflow as {@code max(x, 0) + log1p(e^-|x|)}. */
    public static NDArray softplus(NDArray x) {
        return x.maximum(0f).add(x.abs().neg().exp().add(1f).log());
    }
}
