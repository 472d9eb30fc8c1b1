package dev.seqmind.neural.classify;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.AttentionDirection;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.Dropout;
import dev.seqmind.neural.nn.GradientMode;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.nn.TransformerStack;
import dev.seqmind.rec.classify.BinaryMetrics;
import dev.seqmind.rec.classify.LabelledPrefixes;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A sequence classifier: each event becomes the token {@code 1 + 2 * action + repeat} ({@code repeat} = 1 when its
 * item occurred earlier in the input; 0 pads), embedded, run through a GRU (PyTorch's fused kernel), an LSTM (nn.LSTM's
 * equations written out) or two causal Transformer blocks over the events and their positions, and the state at the
 * last event goes through a linear layer to one logit. Trained with binary cross-entropy by
 * Adam on shuffled batches (seeded), keeping the weights of the epoch with the best validation ROC AUC.
 *
 * <p>Not thread-safe while training; {@link #predict} may run concurrently afterwards. Owns native memory: close it.
 */
public final class SequenceClassifier implements AutoCloseable {
    /** The Transformer encoder's blocks, heads and dropout. */
    private static final int BLOCKS = 2;
    private static final float ATTENTION_DROPOUT = 0.1f;

    private final ClassifierConfig config;
    private final int numActions;
    private final ParameterStore params;
    /** The Transformer encoder, or {@code null} for the recurrent ones. */
    private final TransformerStack stack;
    /** Dropout masks of the Transformer's training steps (seeded). */
    private final SplittableRandom dropoutRng;

    private SequenceClassifier(ClassifierConfig config, int numActions, ParameterStore params, TransformerStack stack,
                               long seed) {
        this.config = config;
        this.numActions = numActions;
        this.params = params;
        this.stack = stack;
        this.dropoutRng = new SplittableRandom(seed ^ 0x44524F50L);
    }

    /** Fits on {@code data}'s training examples, early-stopping on its validation examples. */
    public static SequenceClassifier fit(LabelledPrefixes data, int numActions, ClassifierConfig config,
                                         EngineOptions engine, long seed, Consumer<String> log) {
        Engine e = NeuralEngine.start(engine);
        ParameterStore params = new ParameterStore(e.newBaseManager());
        SplittableRandom init = new SplittableRandom(seed);
        int d = config.dim();
        int h = config.hidden();
        params.normal("event_emb", init, 0.1f, 2L * numActions + 1, d);
        TransformerStack stack = null;
        int state = h;
        if (config.encoder() == Encoder.TRANSFORMER) {
            // --hidden is the blocks' feed-forward width; the state is the event embedding's width
            params.normal("pos_emb", init, 0.02f, config.maxLength(), d);
            stack = new TransformerStack(params, init, d, h, BLOCKS, d % 2 == 0 ? 2 : 1, ATTENTION_DROPOUT, false,
                    AttentionDirection.CAUSAL, BlockStyle.sasRecPublished());
            state = d;
        } else {
            int gates = config.encoder() == Encoder.GRU ? 3 : 4;
            params.xavier("rnn.w_ih", init, (long) gates * h, d);
            params.xavier("rnn.w_hh", init, (long) gates * h, h);
            params.constant("rnn.b_ih", 0f, (long) gates * h);
            params.constant("rnn.b_hh", 0f, (long) gates * h);
        }
        params.xavier("head.w", init, 1, state);
        params.constant("head.b", 0f, 1);
        SequenceClassifier model = new SequenceClassifier(config, numActions, params, stack, seed);
        model.train(e, data, seed, log);
        return model;
    }

    private void train(Engine engine, LabelledPrefixes data, long seed, Consumer<String> log) {
        int[] train = data.indices(LabelledPrefixes.TRAIN);
        int[] valid = data.indices(LabelledPrefixes.VALIDATION);
        AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0f);
        SplittableRandom shuffle = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double best = Double.NEGATIVE_INFINITY;
        Map<String, float[]> bestWeights = params.snapshot();
        int since = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            int[] order = train.clone();
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from < order.length; from += config.batch()) {
                int to = Math.min(order.length, from + config.batch());
                try (NDScope scope = new NDScope();
                     NDManager m = params.manager().newSubManager();
                     GradientCollector gc = engine.newGradientCollector()) {
                    scope.suppressNotUsedWarning();
                    NDArray z = logits(m, data, order, from, to, true);
                    float[] y = new float[to - from];
                    for (int i = from; i < to; i++) {
                        y[i - from] = data.labels()[order[i]];
                    }
                    NDArray target = m.create(y);
                    // softplus(z) - y z, softplus written as relu(z) + log(1 + exp(-|z|)) to stay finite
                    NDArray loss = z.getNDArrayInternal().relu().add(z.abs().neg().exp().add(1f).log())
                            .sub(z.mul(target)).mean();
                    lossSum += loss.getFloat();
                    gc.backward(loss);
                }
                adam.step(params, config.lr(), 5f);
                steps++;
            }
            double auc = valid.length == 0 ? Double.NaN : BinaryMetrics.rocAuc(predict(data, valid),
                    labels(data, valid));
            log.accept(String.format(java.util.Locale.ROOT, "%s epoch %d loss %.4f validation ROC AUC %.4f",
                    config.encoder(), epoch, lossSum / Math.max(1, steps), auc));
            if (Double.isNaN(auc) || auc > best) {
                best = Double.isNaN(auc) ? best : auc;
                bestWeights = params.snapshot();
                since = 0;
            } else if (config.patience() > 0 && ++since >= config.patience()) {
                break;
            }
        }
        params.restore(bestWeights);
    }

    /** {@code [to - from]} logits of examples {@code idx[from, to)}. */
    private NDArray logits(NDManager m, LabelledPrefixes data, int[] idx, int from, int to, boolean training) {
        int b = to - from;
        int len = 1;
        for (int i = from; i < to; i++) {
            len = Math.max(len, Math.min(config.maxLength(), data.items()[idx[i]].length));
        }
        long[] tokens = new long[b * len];
        long[] last = new long[b];
        for (int r = 0; r < b; r++) {
            int[] items = data.items()[idx[from + r]];
            int[] acts = data.actions()[idx[from + r]];
            int n = Math.min(len, items.length);
            int src = items.length - n;
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int j = 0; j < items.length; j++) {
                boolean repeat = !seen.add(items[j]);
                if (j >= src) {
                    tokens[r * len + (j - src)] = 1 + 2L * acts[j] + (repeat ? 1 : 0);
                }
            }
            last[r] = (long) r * len + Math.max(0, n - 1);
        }
        NDArray x = Layers.rows(params.get("event_emb"), m.create(tokens, new Shape(b, len)));
        NDArray out;
        if (stack != null) {
            // inputs are left-aligned: position j is the j-th kept event; padding follows the last one
            float[] valid = new float[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                valid[i] = tokens[i] == 0 ? 0f : 1f;
            }
            NDArray keep = m.create(valid, new Shape(b, len));
            x = x.add(params.get("pos_emb").get("0:{}", len).expandDims(0)).mul(keep.expandDims(2));
            out = stack.forward(m, x, keep, training ? Dropout.drawingFrom(dropoutRng) : Dropout.OFF);
            NDArray state = Layers.rows(out.reshape(-1, config.dim()), m.create(last));
            return Layers.linear(state, params.get("head.w"), params.get("head.b")).reshape(-1);
        }
        NDList w = new NDList(params.get("rnn.w_ih"), params.get("rnn.w_hh"), params.get("rnn.b_ih"),
                params.get("rnn.b_hh"));
        if (config.encoder() == Encoder.GRU) {
            NDArray h0 = m.zeros(new Shape(1, b, config.hidden()));
            out = x.getNDArrayInternal().gru(x, h0, w, true, 1, 0, training, false, true).get(0);
        } else {
            // nn.LSTM's equations written out: the fused op does not compute them on the CPU (LstmLayer)
            out = dev.seqmind.neural.lstm.LstmLayer.forward(x, w.get(0), w.get(1), w.get(2), w.get(3));
        }
        NDArray state = Layers.rows(out.reshape(-1, config.hidden()), m.create(last));
        return Layers.linear(state, params.get("head.w"), params.get("head.b")).reshape(-1);
    }

    /** Probabilities of examples {@code idx} ending with the label action. */
    public float[] predict(LabelledPrefixes data, int[] idx) {
        float[] out = new float[idx.length];
        for (int from = 0; from < idx.length; from += 512) {
            int to = Math.min(idx.length, from + 512);
            final int f = from;
            float[] p;
            try (NDScope scope = new NDScope(); NDManager m = params.manager().newSubManager()) {
                scope.suppressNotUsedWarning();
                p = GradientMode.offDuring(() -> logits(m, data, idx, f, to, false).getNDArrayInternal().sigmoid()
                        .toFloatArray());
            }
            System.arraycopy(p, 0, out, from, p.length);
        }
        return out;
    }

    static byte[] labels(LabelledPrefixes data, int[] idx) {
        byte[] y = new byte[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = data.labels()[idx[i]];
        }
        return y;
    }

    public ClassifierConfig config() {
        return config;
    }

    public int numActions() {
        return numActions;
    }

    @Override
    public void close() {
        params.close();
    }
}
