package dev.seqmind.neural.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.pytorch.jni.JniUtils;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.FullSoftmaxLoss;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import dev.seqmind.neural.train.LengthBuckets;
import dev.seqmind.neural.train.TrainingLoop;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a SASRec+ training step's time goes, on random full-length sequences: forward (including the hand-written
 * output-layer gradient), backward and optimiser wall time, process CPU time and achieved GFLOP/s; then the output
 * layer alone, through autograd (the baseline) and chunked at several chunk sizes; and steps on a real dataset's
 * training rows, batched in shuffled order (each batch padded to its longest row, the baseline) and length-bucketed.
 * Wall figures depend on what else the machine runs; CPU time much less so.
 */
public final class TrainStepProfile {
    /** One timed run: wall and CPU milliseconds, and the arithmetic it did. */
    public record Timing(String label, double forwardMs, double backwardMs, double optimizerMs, double cpuMs,
                         double gflop) {
        public double wallMs() {
            return forwardMs + backwardMs + optimizerMs;
        }

        public double gflopsPerWallSecond() {
            return gflop * 1000 / wallMs();
        }

        public double gflopsPerCpuSecond() {
            return gflop * 1000 / cpuMs;
        }
    }

    /**
     * A step on real rows: its timing ({@code gflop} counts what was computed, padding included), the rows, the
     * cells with a target, the cells computed ({@code rows x longest}) and the GFLOP a padding-free step would need.
     */
    public record RealStep(Timing timing, int rows, long cells, long paddedCells, double usefulGflop) {
        public double paddingShare() {
            return 1 - (double) cells / paddedCells;
        }
    }

    private final Engine engine;
    private final int items;
    private final int batch;
    private final int length;
    private final SplittableRandom rng = new SplittableRandom(1);

    public TrainStepProfile(Engine engine, int items, int batch, int length) {
        this.engine = engine;
        this.items = items;
        this.batch = batch;
        this.length = length;
    }

    /** Full SASRec+ steps (forward, backward, AdamW) on {@code batch} random sequences of {@code length + 1} items. */
    public List<Timing> steps(int count) {
        return steps(count, null);
    }

    /**
     * As {@link #steps(int)}; when {@code trace} is given, the last step runs under PyTorch's profiler and its
     * per-operator trace (Chrome trace format) is written there.
     */
    public List<Timing> steps(int count, java.nio.file.Path trace) {
        SasRecNetwork net = network();
        int[][] seqs = new int[batch][];
        for (int i = 0; i < batch; i++) {
            seqs[i] = rng.ints(length + 1L, 0, items).toArray();
        }
        AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0);
        double gflop = net.trainingFlops((long) batch * length, batch, length) / 1e9;
        List<Timing> out = new ArrayList<>();
        for (int it = 0; it < count; it++) {
            boolean profiled = trace != null && it == count - 1;
            if (profiled) {
                JniUtils.startProfile(false, true, false);
            }
            Timing t = step(net, adam, seqs, 0, batch, "step " + (it + 1), gflop);
            if (profiled) {
                JniUtils.stopProfile(trace.toString());
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Steps on real training rows ({@code length + 1} items at most each, the catalogue of {@code items}): the rows
     * shuffled once (seed 1), arranged by {@code buckets}, cut into batches, and {@code count} batches evenly spaced
     * over that epoch timed after one warm-up step. {@link LengthBuckets#OFF} is the baseline: shuffled batches.
     */
    public List<RealStep> realSteps(int[][] rows, LengthBuckets buckets, int count) {
        SasRecNetwork net = network();
        AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0);
        int[] order = TrainingLoop.shuffled(rows.length, new SplittableRandom(1));
        int[][] epoch = new int[rows.length][];
        for (int i = 0; i < order.length; i++) {
            epoch[i] = rows[order[i]];
        }
        epoch = buckets.arrange(epoch, batch, new SplittableRandom(2));
        int batches = (epoch.length + batch - 1) / batch;
        List<RealStep> out = new ArrayList<>();
        for (int k = -1; k < count; k++) {
            int b = k < 0 ? 0 : (int) ((long) k * batches / count);
            int from = b * batch;
            int to = Math.min(epoch.length, from + batch);
            long cells = 0;
            int longest = 1;
            double useful = 0;
            for (int r = from; r < to; r++) {
                int n = Math.min(length, epoch[r].length - 1);
                cells += n;
                longest = Math.max(longest, n);
                useful += net.trainingFlops(n, 1, n);
            }
            Timing t = step(net, adam, epoch, from, to, "batch " + b,
                    net.trainingFlops(cells, to - from, longest) / 1e9);
            if (k >= 0) {
                out.add(new RealStep(t, to - from, cells, (long) (to - from) * longest, useful / 1e9));
            }
        }
        return out;
    }

    /** The SASRec+ network in the published block style, {@code length} positions, {@code items} items. */
    private SasRecNetwork network() {
        SasRecConfig cfg = SasRecConfig.sasRecPlus().withMaxLength(length).withStyle(BlockStyle.sasRecPublished());
        return new SasRecNetwork(cfg, items, new ParameterStore(engine.newBaseManager()), 1);
    }

    /** One timed step (forward, backward, AdamW) on {@code seqs[from, to)}. */
    private Timing step(SasRecNetwork net, AdamW adam, int[][] seqs, int from, int to, String label, double gflop) {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        long t1;
        try (NDScope s = new NDScope(); NDManager m = net.parameters().manager().newSubManager();
             GradientCollector gc = engine.newGradientCollector()) {
            s.suppressNotUsedWarning();
            NDArray loss = net.loss(m, seqs, from, to, rng);
            loss.getFloat();
            t1 = System.nanoTime();
            gc.backward(loss);
        }
        long t2 = System.nanoTime();
        adam.step(net.parameters(), 1e-3f, 5f);
        long t3 = System.nanoTime();
        return new Timing(label, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (cpuNanos() - c0) / 1e6, gflop);
    }

    /**
     * The tied output layer with cross-entropy over all items, forward and backward, for one step's cells
     * ({@code batch * length} rows of 64 dims): chunk size 0 means autograd over the whole logits matrix.
     */
    public List<Timing> outputLayer(int[] chunkRows) {
        int rows = batch * length;
        List<Timing> out = new ArrayList<>();
        try (NDManager m = engine.newBaseManager()) {
            NDArray h = m.randomNormal(new Shape(rows, 64));
            NDArray w = m.randomNormal(new Shape(items, 64)).mul(0.02f);
            h.setRequiresGradient(true);
            w.setRequiresGradient(true);
            long[] targets = rng.longs(rows, 0, items).toArray();
            double gflop = 3 * 2.0 * rows * 64 * items / 1e9;
            for (int chunk : chunkRows) {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                long t1;
                try (NDScope s = new NDScope(); GradientCollector gc = engine.newGradientCollector()) {
                    s.suppressNotUsedWarning();
                    NDArray loss = chunk == 0 ? Layers.crossEntropy(h.matMul(w.transpose()), m.create(targets))
                            : FullSoftmaxLoss.objective(m, h, w, targets, chunk);
                    loss.getFloat();
                    t1 = System.nanoTime();
                    gc.backward(loss);
                }
                long t2 = System.nanoTime();
                out.add(new Timing(chunk == 0 ? "autograd, whole logits" : "chunked, " + chunk + " rows",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, 0, (cpuNanos() - c0) / 1e6, gflop));
            }
        }
        return out;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
