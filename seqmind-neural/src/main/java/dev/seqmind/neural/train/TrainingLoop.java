package dev.seqmind.neural.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.ParameterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a {@link SequenceNetwork}: shuffled mini-batches, AdamW with warm-up/decay and clipping, validation NDCG@10
 * with early stopping, per-epoch checkpoints (resume continues at the next epoch with the same data order and
 * dropout stream), and progress with loss, sequences/s and ETA. On return the network holds the best validated
 * epoch's weights (the last epoch's when there is no validation).
 *
 * <p>Every random step is seeded from {@code seed} and the epoch number, so a resumed run equals an uninterrupted
 * one on CPU. Per-step arrays live in an {@link NDScope} and are freed at the end of the step. Not thread-safe.
 */
public final class TrainingLoop {
    private static final int EVAL_BATCH = 256;

    private final SequenceNetwork network;
    private final TrainConfig config;
    private final long seed;
    private final Progress progress;
    private final Consumer<String> log;

    public TrainingLoop(SequenceNetwork network, TrainConfig config, long seed, Progress progress,
                        Consumer<String> log) {
        this.network = network;
        this.config = config;
        this.seed = seed;
        this.progress = progress;
        this.log = log;
    }

    /**
     * Runs the training.
     *
     * @param sequences           training sequences (dense ids, oldest first); shorter than 2 are skipped, longer
     *                            than the network's window cut as {@link TrainConfig#windows()} says
     * @param validationHistories histories to validate on (may be empty)
     * @param validationTargets   the next item of each validation history
     * @return the final state (epochs, best metrics, per-epoch figures)
     */
    public TrainingState run(int[][] sequences, int[][] validationHistories, int[] validationTargets) {
        boolean older = network.readsOlderEvents();
        if (older && (config.augmentation().enabled() || config.contrastive().enabled())) {
            throw new dev.seqmind.data.error.InvalidParameterException("--long-history", "summary",
                    "none with --augment or --contrastive", "their views would lose the rows' older events");
        }
        int[][] train = older ? config.windows().rowsWithOlderEvents(sequences, network.maxLength())
                : config.windows().rows(sequences, network.maxLength());
        network.prepareTraining(train);
        ParameterStore params = network.parameters();
        AdamW adam = new AdamW(0.9f, config.beta2(), 1e-8f, config.weightDecay());
        Checkpoints ckpt = config.checkpointDir() == null ? null : new Checkpoints(config.checkpointDir());
        TrainingState state = TrainingState.initial();
        if (ckpt != null && config.resume() && ckpt.exists()) {
            state = ckpt.restore(params, adam);
            log.accept("resumed from " + ckpt.dir() + " after epoch " + state.epoch() + " (best NDCG@10 "
                    + fmt(state.bestNdcg()) + " at epoch " + state.bestEpoch() + ")");
        }
        Map<String, float[]> bestInMemory = null;
        int stepsPerEpoch = (train.length + config.batchSize() - 1) / config.batchSize();
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        boolean validate = validationHistories.length > 0;
        Engine engine = Engine.getEngine(dev.seqmind.neural.engine.NeuralEngine.ENGINE);
        List<TrainingState.EpochRecord> history = new ArrayList<>(state.history());
        boolean stop = state.epoch() >= config.epochs()
                || (validate && config.patience() > 0 && state.badEpochs() >= config.patience());
        try (Progress.Task task = progress.start(network.name() + " training",
                (long) (config.epochs() - state.epoch()) * train.length, "seq")) {
            for (int epoch = state.epoch() + 1; epoch <= config.epochs() && !stop; epoch++) {
                if (progress.isCancelled()) {
                    log.accept("cancelled before epoch " + epoch + "; resume with --resume");
                    break;
                }
                engine.setRandomSeed((int) (seed * 1_000_003L + epoch));
                int[] order = shuffled(train.length, new SplittableRandom(seed * 31 + epoch));
                int[][] shuffledSeqs = new int[train.length][];
                for (int i = 0; i < order.length; i++) {
                    shuffledSeqs[i] = train[order[i]];
                }
                // its own stream too; off, nothing is drawn
                shuffledSeqs = config.buckets().arrange(shuffledSeqs, config.batchSize(), network.maxLength() + 1,
                        new SplittableRandom(seed * 37 + 7_000_003L * epoch));
                double meanCells = (double) LengthBuckets.cells(shuffledSeqs, 0, shuffledSeqs.length,
                        network.maxLength()) / stepsPerEpoch;
                SplittableRandom sampling = new SplittableRandom(seed * 17 + 1_000_003L * epoch);
                // its own stream, so runs without augmentation draw exactly what they drew before it existed
                SplittableRandom augmenting = new SplittableRandom(seed * 29 + 999_983L * epoch);
                SplittableRandom contrasting = new SplittableRandom(seed * 41 + 1_000_033L * epoch);
                EpochTimer timer = new EpochTimer();
                long skippedBefore = adam.skippedSteps();
                double lossSum = 0;
                long steps = state.steps();
                double flops = 0;
                for (int from = 0; from < shuffledSeqs.length; from += config.batchSize()) {
                    int to = Math.min(shuffledSeqs.length, from + config.batchSize());
                    float lr = config.schedule().at(config.learningRate(), steps, config.warmupSteps(), totalSteps);
                    float weight = config.buckets().weight(shuffledSeqs, from, to, network.maxLength(), meanCells);
                    float loss = config.augmentation().enabled()
                            ? step(engine, adam, config.augmentation().apply(shuffledSeqs, from, to, augmenting), 0,
                                    to - from, sampling, contrasting, weight, lr, timer)
                            : step(engine, adam, shuffledSeqs, from, to, sampling, contrasting, weight, lr, timer);
                    flops += estimateFlops(shuffledSeqs, from, to);
                    steps++;
                    lossSum += loss * (to - from);
                    task.advance(to - from);
                    double secs = timer.seconds();
                    double rate = to / Math.max(1e-9, secs);
                    long left = (long) (config.epochs() - epoch) * train.length + (train.length - to);
                    task.status(String.format("epoch %d/%d loss %.4f %.0f seq/s ETA %s", epoch, config.epochs(),
                            lossSum / to, rate, duration(left / Math.max(1e-9, rate))));
                }
                double trainSecs = timer.seconds();
                double hr = Double.NaN;
                double ndcg = Double.NaN;
                int bestEpoch = state.bestEpoch();
                double bestNdcg = state.bestNdcg();
                double bestHr = state.bestHitRate();
                int bad = state.badEpochs();
                if (validate && epoch % config.evalEvery() == 0) {
                    RankingScore score = validate(validationHistories, validationTargets);
                    hr = score.hitRate();
                    ndcg = score.ndcg();
                    if (ndcg > bestNdcg) {
                        bestNdcg = ndcg;
                        bestHr = hr;
                        bestEpoch = epoch;
                        bad = 0;
                        if (ckpt != null) {
                            ckpt.saveBest(params);
                        } else {
                            bestInMemory = params.snapshot();
                        }
                    } else {
                        bad++;
                    }
                }
                int n = timer.steps;
                TrainingState.EpochRecord rec = new TrainingState.EpochRecord(epoch, lossSum / train.length,
                        trainSecs, train.length / trainSecs, 1000 * trainSecs / n, timer.forwardMs / n,
                        timer.backwardMs / n, timer.optimizerMs / n, flops / trainSecs / 1e9, hr, ndcg);
                history.add(rec);
                state = new TrainingState(epoch, steps, bestNdcg, bestHr, bestEpoch, bad,
                        state.trainSeconds() + timer.seconds(), history);
                if (ckpt != null) {
                    ckpt.save(params, adam, state);
                }
                if (adam.skippedSteps() > skippedBefore) {
                    log.accept("skipped " + (adam.skippedSteps() - skippedBefore) + " step(s) this epoch: "
                            + adam.lastSkipReason());
                }
                log.accept(String.format("epoch %d loss %.4f %.1fs %.0f seq/s %.0f ms/step (fwd %.0f bwd %.0f opt %.0f)"
                                + " %.1f GFLOP/s val HR@10 %s NDCG@10 %s best %s@%d",
                        epoch, rec.loss(), trainSecs, rec.seqPerSecond(), rec.msPerStep(), rec.forwardMs(),
                        rec.backwardMs(), rec.optimizerMs(), rec.gflops(), fmt(hr), fmt(ndcg), fmt(bestNdcg),
                        bestEpoch));
                if (validate && config.patience() > 0 && bad >= config.patience()) {
                    log.accept("early stop: no better validation NDCG@10 for " + bad + " validations");
                    stop = true;
                }
            }
        }
        if (validate && state.bestEpoch() > 0) {
            if (bestInMemory != null) {
                params.restore(bestInMemory);
            } else if (ckpt != null) {
                ckpt.restoreBest(params);
            }
        }
        return state;
    }

    private float step(Engine engine, AdamW adam, int[][] seqs, int from, int to, SplittableRandom sampling,
                       SplittableRandom contrasting, float weight, float lr, EpochTimer timer) {
        long t0 = System.nanoTime();
        float loss;
        long t1;
        try (NDScope scope = new NDScope();
             NDManager m = network.parameters().manager().newSubManager();
             GradientCollector gc = engine.newGradientCollector()) {
            scope.suppressNotUsedWarning();
            NDArray l = network.loss(m, seqs, from, to, sampling);
            if (config.contrastive().enabled()) {
                l = l.add(config.contrastive().loss(m, network, seqs, from, to, contrasting));
            }
            loss = l.getFloat();
            t1 = System.nanoTime();
            // length-bucketed batches: the batch's cells weigh what they would in a shuffled batch
            gc.backward(weight == 1f ? l : dev.seqmind.neural.nn.Layers.scale(l, weight));
        }
        long t2 = System.nanoTime();
        adam.step(network.parameters(), lr, config.clipNorm());
        long t3 = System.nanoTime();
        timer.add(t1 - t0, t2 - t1, t3 - t2);
        return loss;
    }

    private double estimateFlops(int[][] seqs, int from, int to) {
        long cells = 0;
        int len = 1;
        int max = network.maxLength();
        for (int i = from; i < to; i++) {
            int n = Math.min(max, seqs[i].length - 1);
            cells += n;
            len = Math.max(len, n);
        }
        return network.trainingFlops(cells, to - from, len);
    }

    /** Validation HR@10/NDCG@10 over full rankings. */
    public RankingScore validate(int[][] histories, int[] targets) {
        RankingScore score = new RankingScore(10);
        int n = network.numItems();
        for (int from = 0; from < histories.length; from += EVAL_BATCH) {
            int to = Math.min(histories.length, from + EVAL_BATCH);
            float[] s;
            try (NDScope scope = new NDScope(); NDManager m = network.parameters().manager().newSubManager()) {
                scope.suppressNotUsedWarning();
                s = network.scores(m, histories, from, to);
            }
            for (int i = from; i < to; i++) {
                score.add(s, (i - from) * n, n, targets[i], config.excludeSeen() ? histories[i] : null);
            }
        }
        return score;
    }

    /** 0..n-1 in a random order (Fisher-Yates, from {@code rng}). */
    public static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.4f", v);
    }

    static String duration(double seconds) {
        long s = (long) seconds;
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }

    /** Wall-clock split of an epoch's steps. */
    private static final class EpochTimer {
        private final long start = System.nanoTime();
        private double forwardMs;
        private double backwardMs;
        private double optimizerMs;
        private int steps;

        void add(long fwd, long bwd, long opt) {
            forwardMs += fwd / 1e6;
            backwardMs += bwd / 1e6;
            optimizerMs += opt / 1e6;
            steps++;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
