package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fuses a {@link HistoryFeature} into a network's final user state through a learned gate:
 * {@code h' = h + sigmoid(W_g h + b_g) * (P u)}, where {@code h} is the state that scores the next item, {@code u}
 * the history's feature vector, {@code P} ({@code user_text.proj}, {@code [dim, featureDim]}) a learned projection
 * without bias and {@code W_g}, {@code b_g} ({@code user_text.gate}, {@code user_text.gate_bias}) the gate. A state
 * without a feature (a training cell before its row's first checkpoint) gets {@code u = 0}, so {@code P u = 0} and the
 * state is left exactly as it was. The gate depends on the state, so the network can learn when the sentence adds
 * something to what the item sequence already says.
 *
 * <p>Immutable apart from the parameters it registers; {@link #fuse} is safe concurrently once training ended.
 */
public final class UserStateFusion {
    /** Parameter names. */
    public static final String PROJ = "user_text.proj";
    public static final String GATE = "user_text.gate";
    public static final String GATE_BIAS = "user_text.gate_bias";

    private final HistoryFeature feature;

    /** Registers the fusion's parameters for states of {@code dim}. */
    public UserStateFusion(HistoryFeature feature, ParameterStore params, SplittableRandom rng, int dim) {
        this.feature = java.util.Objects.requireNonNull(feature, "feature");
        params.xavier(PROJ, rng, dim, feature.dimension());
        params.xavier(GATE, rng, dim, dim);
        params.constant(GATE_BIAS, 0f, dim);
    }

    public HistoryFeature feature() {
        return feature;
    }

    /**
     * {@code states} ({@code [n, dim]}) with the feature of each {@code prefixes[i]} fused into row {@code i}.
     * Distinct prefixes (by array identity and length) are looked up once.
     */
    public NDArray fuse(NDManager m, ParameterStore params, NDArray states, List<HistoryFeature.Prefix> prefixes) {
        Map<Key, Integer> rowOf = new HashMap<>();
        List<HistoryFeature.Prefix> distinct = new ArrayList<>();
        long[] index = new long[prefixes.size()];
        for (int i = 0; i < index.length; i++) {
            HistoryFeature.Prefix p = prefixes.get(i);
            if (p.length() == 0) {
                continue;   // row 0: no feature
            }
            Integer r = rowOf.get(new Key(p.items(), p.length()));
            if (r == null) {
                distinct.add(p);
                r = distinct.size();
                rowOf.put(new Key(p.items(), p.length()), r);
            }
            index[i] = r;
        }
        int d = feature.dimension();
        float[] u = new float[(distinct.size() + 1) * d];
        float[][] vs = distinct.isEmpty() ? new float[0][] : feature.vectors(distinct);
        boolean any = false;
        for (int j = 0; j < vs.length; j++) {
            if (vs[j] != null) {
                System.arraycopy(vs[j], 0, u, (j + 1) * d, d);
                any = true;
            }
        }
        if (!any) {
            return states;
        }
        NDArray projected = m.create(u, new Shape(distinct.size() + 1, d)).matMul(params.get(PROJ).transpose());
        NDArray perRow = Layers.rows(projected, m.create(index));
        NDArray gate = Activation.sigmoid(Layers.linear(states, params.get(GATE), params.get(GATE_BIAS)));
        return states.add(gate.mul(perRow));
    }

    /** A prefix by the identity of its array and its length. */
    private record Key(int[] items, int length) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.items == items && k.length == length;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(items) * 31 + length;
        }
    }
}
