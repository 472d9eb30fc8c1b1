package dev.seqmind.neural.srgnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.GradientMode;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.train.SequenceNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The SR-GNN network (Wu et al., 2019, following the authors' published code). For the graph of a history
 * ({@link SessionGraph}) with node states {@code H} starting at the items' embeddings, each gated step is
 * <pre>
 *   a   = [A_in (H W_in^T + b_in) + b_iah,  A_out (H W_out^T + b_out) + b_oah]
 *   r   = sigma(a W_ir^T + b_ir + H W_hr^T + b_hr),  z = sigma(a W_iz^T + b_iz + H W_hz^T + b_hz)
 *   c   = tanh(a W_ic^T + b_ic + r * (H W_hc^T + b_hc)),  H = c + z * (H - c)
 * </pre>
 * The history is read back position by position from its nodes' states {@code v_i}; with {@code v_n} the last
 * item's, the readout is {@code s_g = sum_i alpha_i v_i} with {@code alpha_i = q^T sigma(W_1 v_n + b_1 + W_2 v_i +
 * b_2)}, and the session vector {@code s = W_3 [s_g; v_n] + b_3} scores every item by dot product with the item
 * table (tied), trained with cross-entropy over all items.
 *
 * <p>Weights start uniform in {@code +-1/sqrt(dim)}, biases too, as in the published code. Not thread-safe while
 * training; scoring is safe concurrently.
 */
public final class SrGnnNetwork implements SequenceNetwork {

    private final SrGnnConfig config;
    private final int numItems;
    private final ParameterStore params;

    public SrGnnNetwork(SrGnnConfig config, int numItems, ParameterStore params, long seed) {
        this.config = config;
        this.numItems = numItems;
        this.params = params;
        SplittableRandom rng = new SplittableRandom(seed);
        long d = config.dim();
        float bound = (float) (1 / Math.sqrt(d));
        uniform("item_emb", rng, bound, numItems + 1L, d);
        uniform("gnn.edge_in.w", rng, bound, d, d);
        uniform("gnn.edge_in.b", rng, bound, d);
        uniform("gnn.edge_out.w", rng, bound, d, d);
        uniform("gnn.edge_out.b", rng, bound, d);
        uniform("gnn.b_iah", rng, bound, d);
        uniform("gnn.b_oah", rng, bound, d);
        uniform("gnn.w_ih", rng, bound, 3 * d, 2 * d);
        uniform("gnn.b_ih", rng, bound, 3 * d);
        uniform("gnn.w_hh", rng, bound, 3 * d, d);
        uniform("gnn.b_hh", rng, bound, 3 * d);
        uniform("readout.last.w", rng, bound, d, d);
        uniform("readout.last.b", rng, bound, d);
        uniform("readout.item.w", rng, bound, d, d);
        uniform("readout.item.b", rng, bound, d);
        uniform("readout.q", rng, bound, 1, d);
        uniform("readout.out.w", rng, bound, d, 2 * d);
        uniform("readout.out.b", rng, bound, d);
    }

    private void uniform(String name, SplittableRandom rng, float bound, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        params.add(name, v, shape);
    }

    @Override
    public String name() {
        return "srgnn";
    }

    @Override
    public SrGnnConfig config() {
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

    /** Session vectors {@code [graphs, dim]} of a batch of graphs. */
    NDArray sessions(NDManager m, GraphBatch g) {
        int d = config.dim();
        NDArray h = Layers.rows(params.get("item_emb"), m.create(g.tokens(), new Shape(g.size(), g.nodes())));
        NDArray in = m.create(g.in(), new Shape(g.size(), g.nodes(), g.nodes()));
        NDArray out = m.create(g.out(), new Shape(g.size(), g.nodes(), g.nodes()));
        for (int s = 0; s < config.steps(); s++) {
            h = step(h, in, out);
        }
        NDArray flat = h.reshape(-1, d);
        NDArray seq = Layers.rows(flat, m.create(g.positions(), new Shape(g.size(), g.length())));
        NDArray last = Layers.rows(flat, m.create(g.last()));
        NDArray q1 = Layers.linear(last, params.get("readout.last.w"), params.get("readout.last.b"))
                .reshape(g.size(), 1, d);
        NDArray q2 = Layers.linear(seq, params.get("readout.item.w"), params.get("readout.item.b"));
        NDArray alpha = Layers.linear(Activation.sigmoid(q1.add(q2)), params.get("readout.q"), null)
                .mul(m.create(g.mask(), new Shape(g.size(), g.length(), 1)));
        NDArray global = alpha.mul(seq).sum(new int[] {1});
        return Layers.linear(global.concat(last, 1), params.get("readout.out.w"), params.get("readout.out.b"));
    }

    /** One gated graph step over node states {@code [graphs, nodes, dim]}. */
    private NDArray step(NDArray h, NDArray in, NDArray out) {
        NDArray fromIn = in.matMul(Layers.linear(h, params.get("gnn.edge_in.w"), params.get("gnn.edge_in.b")))
                .add(params.get("gnn.b_iah"));
        NDArray fromOut = out.matMul(Layers.linear(h, params.get("gnn.edge_out.w"), params.get("gnn.edge_out.b")))
                .add(params.get("gnn.b_oah"));
        var gi = Layers.linear(fromIn.concat(fromOut, 2), params.get("gnn.w_ih"), params.get("gnn.b_ih")).split(3, 2);
        var gh = Layers.linear(h, params.get("gnn.w_hh"), params.get("gnn.b_hh")).split(3, 2);
        NDArray reset = Activation.sigmoid(gi.get(0).add(gh.get(0)));
        NDArray update = Activation.sigmoid(gi.get(1).add(gh.get(1)));
        NDArray candidate = Activation.tanh(gi.get(2).add(reset.mul(gh.get(2))));
        return candidate.add(update.mul(h.sub(candidate)));
    }

    @Override
    public NDArray loss(NDManager m, int[][] sequences, int from, int to, SplittableRandom rng) {
        List<SessionGraph> graphs = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (int r = from; r < to; r++) {
            int[] s = sequences[r];
            for (int cut : cutPoints(s.length, config.prefixes(), rng)) {
                graphs.add(SessionGraph.of(s, Math.max(0, cut - config.maxLength()), cut));
                targets.add((long) s[cut]);
            }
        }
        long[] t = targets.stream().mapToLong(Long::longValue).toArray();
        return FullSoftmaxLoss.objective(m, sessions(m, GraphBatch.of(graphs)), params.get("item_emb").get("1:"), t);
    }

    /**
     * Up to {@code k} distinct cut points in {@code [1, length)}, drawn uniformly without replacement (all of them,
     * in order, when there are at most {@code k}).
     */
    static int[] cutPoints(int length, int k, SplittableRandom rng) {
        int n = length - 1;
        int[] all = new int[Math.max(0, n)];
        for (int i = 0; i < n; i++) {
            all[i] = i + 1;
        }
        if (n <= k) {
            return all;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    @Override
    public float[] scores(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> sessionVectors(m, histories, from, to)
                .matMul(params.get("item_emb").get("1:").transpose()).toFloatArray());
    }

    @Override
    public float[] states(NDManager m, int[][] histories, int from, int to) {
        return GradientMode.offDuring(() -> sessionVectors(m, histories, from, to).toFloatArray());
    }

    /** The session vector of each history, {@code [histories, dim]}. */
    private NDArray sessionVectors(NDManager m, int[][] histories, int from, int to) {
        List<SessionGraph> graphs = new ArrayList<>(to - from);
        for (int r = from; r < to; r++) {
            int[] h = histories[r];
            graphs.add(SessionGraph.of(h, Math.max(0, h.length - config.maxLength()), h.length));
        }
        return sessions(m, GraphBatch.of(graphs));
    }

    @Override
    public double trainingFlops(long cells, int batch, int length) {
        double d = config.dim();
        double examples = Math.min((double) cells, (double) batch * config.prefixes());
        double n = Math.min(length, config.maxLength());
        double perStep = n * (2 * 2 * d * d + 2 * 2 * n * d + 2 * 3 * d * 2 * d + 2 * 3 * d * d);
        double readout = n * 2 * d * d * 2 + 2 * 2 * d * d;
        return 3 * examples * (config.steps() * perStep + readout + 2 * d * numItems);
    }
}
