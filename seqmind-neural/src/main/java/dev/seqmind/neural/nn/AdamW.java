package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import dev.seqmind.data.error.SeqmindException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (AdamW; plain Adam when {@code weightDecay == 0}) and global-norm gradient
 * clipping, updating a {@link ParameterStore} in place. Its moments live beside the parameters so that a checkpoint
 * can save and restore them ({@link #write}/{@link #read}) and a resumed run continues exactly. A step whose
 * gradient is not finite is skipped (counted in {@link #skippedSteps()}); too many in a row abort the run.
 *
 * <p>Not thread-safe. Temporaries of one {@link #step} are released by an {@link NDScope}.
 */
public final class AdamW {
    /** More non-finite gradients in a row than this abort the run. */
    static final int MAX_CONSECUTIVE_SKIPS = 20;

    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long steps;
    private long skipped;
    private int consecutiveSkips;
    private String lastSkipReason = "";

    public AdamW(float beta1, float beta2, float eps, float weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    public long steps() {
        return steps;
    }

    /** Steps skipped because a gradient was not finite (the update is dropped, as a loss scaler would). */
    public long skippedSteps() {
        return skipped;
    }

    public String lastSkipReason() {
        return lastSkipReason;
    }

    /**
     * Clips the gradients to global L2 norm {@code clipNorm} (no clipping when {@code <= 0}), applies one update at
     * learning rate {@code lr} and zeroes the gradients.
     *
     * @return the global gradient norm before clipping
     */
    public float step(ParameterStore params, float lr, float clipNorm) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double sq = 0;
            for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
                NDArray g = e.getValue().getGradient();
                grads.put(e.getKey(), g);
            }
            NDArray[] norms = new NDArray[grads.size()];
            int k = 0;
            for (NDArray g : grads.values()) {
                norms[k++] = g.square().sum();
            }
            NDManager any = norms[0].getManager();
            float[] sqs = toHost(any, norms);
            for (float s : sqs) {
                sq += s;
            }
            float norm = (float) Math.sqrt(sq);
            if (!Float.isFinite(norm)) {
                StringBuilder bad = new StringBuilder();
                int i = 0;
                for (String name : grads.keySet()) {
                    if (!Float.isFinite(sqs[i++])) {
                        bad.append(bad.isEmpty() ? "" : ", ").append(name);
                    }
                }
                skipped++;
                consecutiveSkips++;
                lastSkipReason = "non-finite gradient in " + bad;
                if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                    throw new SeqmindException("gradient norm is " + norm + " for " + consecutiveSkips
                            + " steps in a row (" + lastSkipReason + "): lower the learning rate or enable clipping");
                }
                params.zeroGradients();
                return norm;
            }
            consecutiveSkips = 0;
            float scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1f;
            steps++;
            float bc1 = (float) (1 - Math.pow(beta1, steps));
            float bc2 = (float) (1 - Math.pow(beta2, steps));
            NDManager owner = params.manager();
            for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
                String name = e.getKey();
                NDArray w = e.getValue();
                NDArray g = grads.get(name);
                if (scale != 1f) {
                    g = g.mul(scale);
                }
                NDArray mi = m.computeIfAbsent(name, n -> keep(owner.zeros(w.getShape())));
                NDArray vi = v.computeIfAbsent(name, n -> keep(owner.zeros(w.getShape())));
                mi.muli(beta1).addi(g.mul(1 - beta1));
                vi.muli(beta2).addi(g.square().muli(1 - beta2));
                if (weightDecay > 0) {
                    w.muli(1 - lr * weightDecay);
                }
                NDArray denom = vi.div(bc2).sqrt().addi(eps);
                w.subi(mi.mul(lr / bc1).divi(denom));
            }
            params.zeroGradients();
            return norm;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private static NDArray keep(NDArray a) {
        NDScope.unregister(a);
        return a;
    }

    private static float[] toHost(NDManager manager, NDArray[] scalars) {
        return ai.djl.ndarray.NDArrays.stack(new ai.djl.ndarray.NDList(scalars)).toFloatArray();
    }

    /** Writes the step count and both moments (empty before the first step). */
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : m.keySet()) {
            shapes.put("m." + name, m.get(name).getShape().getShape());
            values.put("m." + name, m.get(name).toFloatArray());
            shapes.put("v." + name, v.get(name).getShape().getShape());
            values.put("v." + name, v.get(name).toFloatArray());
        }
        ParameterStore.writeArrays(out, shapes, values);
    }

    /** Restores what {@link #write} wrote, replacing the current state. */
    public void read(DataInputStream in, NDManager owner, String source) throws IOException {
        steps = in.readLong();
        ParameterStore.Named named = ParameterStore.readArrays(in, source);
        m.values().forEach(NDArray::close);
        v.values().forEach(NDArray::close);
        m.clear();
        v.clear();
        for (Map.Entry<String, float[]> e : named.values().entrySet()) {
            String key = e.getKey();
            NDArray a = owner.create(e.getValue(), new ai.djl.ndarray.types.Shape(named.shapes().get(key)));
            (key.startsWith("m.") ? m : v).put(key.substring(2), a);
        }
    }
}
