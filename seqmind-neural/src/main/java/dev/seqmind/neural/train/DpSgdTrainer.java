package dev.seqmind.neural.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.RdpAccountant;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.ParameterStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * DP-SGD (Abadi et al. 2016) for a {@link SequenceNetwork}, at user level: each user is one training row (the most
 * recent window), each step samples users by Poisson sampling (independently, with probability {@code q = batch /
 * users}: the sampling the {@link RdpAccountant} assumes), computes every sampled user's gradient on its own, scales
 * it to L2 norm at most {@code C}, sums, adds Gaussian noise of standard deviation {@code sigma * C} to every
 * coordinate, divides by the expected batch size {@code q * users}, and hands the result to Adam (no further
 * clipping; Adam is post-processing). {@code sigma} is the smallest noise multiplier whose RDP epsilon after all
 * steps stays within the target; the epsilon actually spent is reported.
 *
 * <p>Per-user gradients come from one backward pass per user, so a step costs about batch-size times a batch-of-one
 * step. The noise is drawn from a Java generator seeded by the caller, so a run is repeatable on CPU. Not
 * thread-safe.
 */
public final class DpSgdTrainer {
    private final SequenceNetwork network;
    private final DpSgdConfig config;
    private final long seed;
    private final Consumer<String> log;

    /** What a private training spent and how. */
    public record Result(double epsilon, double delta, double noiseMultiplier, double sampleRate, long steps,
                         double meanClippedFraction, double seconds) {
    }

    public DpSgdTrainer(SequenceNetwork network, DpSgdConfig config, long seed, Consumer<String> log) {
        this.network = network;
        this.config = config;
        this.seed = seed;
        this.log = log;
    }

    /** Trains on {@code sequences} (one per user, dense item ids, oldest first). */
    public Result run(int[][] sequences) {
        int[][] rows = TrainingWindows.LAST.rows(sequences, network.maxLength());
        int n = rows.length;
        if (n < 2) {
            throw new InvalidParameterException("users", n, ">= 2 with at least 2 events");
        }
        double q = Math.min(1.0, config.batchSize() / (double) n);
        long steps = Math.max(1, (long) Math.floor((double) config.epochs() * n / config.batchSize()));
        double sigma = RdpAccountant.noiseMultiplierFor(q, steps, config.epsilon(), config.delta(),
                RdpAccountant.Conversion.IMPROVED);
        double spent = RdpAccountant.epsilon(q, sigma, steps, config.delta(), RdpAccountant.Conversion.IMPROVED);
        log.accept(String.format(java.util.Locale.ROOT, "DP-SGD: %d users, q %.4g, %d steps, clip %.3g, noise "
                + "multiplier %.4g -> epsilon %.4f at delta %.3g", n, q, steps, config.clipNorm(), sigma, spent,
                config.delta()));
        ParameterStore params = network.parameters();
        AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0f);
        Engine engine = Engine.getEngine(dev.seqmind.neural.engine.NeuralEngine.ENGINE);
        SplittableRandom sampleRng = new SplittableRandom(seed * 31 + 7);
        SplittableRandom noiseRng = new SplittableRandom(seed * 131 + 11);
        SplittableRandom dropout = new SplittableRandom(seed * 17 + 3);
        engine.setRandomSeed((int) seed);
        long t0 = System.nanoTime();
        long clipped = 0;
        long seen = 0;
        double expected = q * n;
        for (long step = 0; step < steps; step++) {
            Map<String, float[]> sum = zeros(params);
            for (int u = 0; u < n; u++) {
                if (sampleRng.nextDouble() >= q) {
                    continue;
                }
                seen++;
                clipped += accumulateClipped(engine, rows, u, dropout, sum) ? 1 : 0;
            }
            params.zeroGradients();
            setNoisyMean(params, sum, sigma, expected, noiseRng);
            adam.step(params, config.lr(), 0f);
            if ((step + 1) % Math.max(1, steps / 10) == 0 || step + 1 == steps) {
                log.accept(String.format(java.util.Locale.ROOT, "DP-SGD step %d/%d, %.0f%% of user gradients clipped",
                        step + 1, steps, 100.0 * clipped / Math.max(1, seen)));
            }
        }
        return new Result(spent, config.delta(), sigma, q, steps, clipped / (double) Math.max(1, seen),
                (System.nanoTime() - t0) / 1e9);
    }

    /** Adds user {@code u}'s gradient, scaled to norm at most C, to {@code sum}; true when it was scaled down. */
    boolean accumulateClipped(Engine engine, int[][] rows, int u, SplittableRandom dropout, Map<String, float[]> sum) {
        ParameterStore params = network.parameters();
        params.zeroGradients();
        try (NDScope scope = new NDScope();
             NDManager m = params.manager().newSubManager();
             GradientCollector gc = engine.newGradientCollector()) {
            scope.suppressNotUsedWarning();
            gc.backward(network.loss(m, rows, u, u + 1, dropout));
        }
        Map<String, float[]> g = new LinkedHashMap<>();
        double sq = 0;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
                float[] v = e.getValue().getGradient().toFloatArray();
                for (float x : v) {
                    sq += (double) x * x;
                }
                g.put(e.getKey(), v);
            }
        }
        double norm = Math.sqrt(sq);
        float scale = norm > config.clipNorm() ? (float) (config.clipNorm() / norm) : 1f;
        if (!Double.isFinite(norm)) {
            return true; // a non-finite gradient contributes nothing (its clipped norm is 0 <= C)
        }
        for (Map.Entry<String, float[]> e : g.entrySet()) {
            float[] acc = sum.get(e.getKey());
            float[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                acc[i] += scale * v[i];
            }
        }
        return scale < 1f;
    }

    private void setNoisyMean(ParameterStore params, Map<String, float[]> sum, double sigma, double expected,
                              SplittableRandom rng) {
        double std = sigma * config.clipNorm();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            addNoisyMean(params, sum, std, expected, rng);
        }
    }

    private static void addNoisyMean(ParameterStore params, Map<String, float[]> sum, double std, double expected,
                                     SplittableRandom rng) {
        for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
            float[] acc = sum.get(e.getKey());
            for (int i = 0; i < acc.length; i++) {
                acc[i] = (float) ((acc[i] + std * rng.nextGaussian()) / expected);
            }
            NDArray w = e.getValue();
            try (NDManager m = params.manager().newSubManager()) {
                w.getGradient().addi(m.create(acc, new Shape(w.getShape().getShape())));
            }
        }
    }

    private static Map<String, float[]> zeros(ParameterStore params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
            out.put(e.getKey(), new float[(int) e.getValue().size()]);
        }
        return out;
    }
}
