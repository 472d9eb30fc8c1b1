package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;

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

    /** {@code log(1 + e^x)}, computed without overflow as {@code relu(x) + log1p(e^-|x|)}. */
    public static NDArray softplus(NDArray x) {
        return Activation.relu(x).add(x.abs().neg().exp().add(1f).log());
    }

    /**
     * {@code x * c}, safe inside a graph that is back-propagated. DJL's {@code mul(Number)} wraps {@code c} in an
     * array over a Java direct buffer and closes it as soon as the product is made, but autograd keeps that array
     * for the backward pass; once closed, a garbage collection may free the buffer and hand its memory to another
     * array, and the backward pass reads garbage (random non-finite gradients, more often the more the step
     * allocates). The scalar made here stays open until the enclosing {@code NDScope} closes, after the backward
     * pass. Use {@code mul(Number)} only where no gradient flows.
     */
    public static NDArray scale(NDArray x, float c) {
        return x.mul(x.getManager().create(c));
    }
}
