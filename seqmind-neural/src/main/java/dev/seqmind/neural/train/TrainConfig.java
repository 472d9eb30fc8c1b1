package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;

import java.nio.file.Path;

/**
 * How a network is trained.
 *
 * @param epochs          maximum epochs (one epoch = every training sequence once)
 * @param batchSize       sequences per step
 * @param learningRate    peak learning rate of Adam(W)
 * @param weightDecay     decoupled weight decay (0 = plain Adam)
 * @param warmupSteps     linear warm-up steps (0 = none)
 * @param schedule        decay after warm-up
 * @param clipNorm        global gradient-norm clip (0 = none)
 * @param patience        epochs without a better validation NDCG@10 before stopping (0 = never stop early)
 * @param evalEvery       validate every this many epochs
 * @param excludeSeen     whether validation ranking drops the history's items (the published SASRec protocol)
 * @param checkpointDir   where every epoch's checkpoint goes; {@code null} = no checkpoints
 * @param resume          continue from the checkpoint in {@code checkpointDir} if there is one
 * @param windows         which windows of a history longer than the network's become training rows
 * @param beta2           Adam's second-moment decay (0.999, PyTorch's default, as in the published SASRec+ runs;
 *                        the original SASRec code used 0.98)
 * @param augmentation    views that replace training rows ({@link Augmentation#NONE}: none)
 * @param buckets         whether batches are formed from rows of similar length ({@link LengthBuckets#OFF}: no)
 * @param contrastive     CL4SRec's contrastive term ({@link ContrastiveObjective#OFF}: none)
 * @param initFrom        a model directory of the same family and items whose weights start the training (a warm
 *                        start: parameters it lacks, e.g. a new long-history memory, keep their fresh values);
 *                        {@code null} = from scratch
 */
public record TrainConfig(int epochs, int batchSize, float learningRate, float weightDecay, int warmupSteps,
                          LrSchedule schedule, float clipNorm, int patience, int evalEvery, boolean excludeSeen,
                          Path checkpointDir, boolean resume, TrainingWindows windows, float beta2,
                          Augmentation augmentation, LengthBuckets buckets,
                          ContrastiveObjective contrastive, Path initFrom) {
    /** A recipe without augmentation. */
    public TrainConfig(int epochs, int batchSize, float learningRate, float weightDecay, int warmupSteps,
                       LrSchedule schedule, float clipNorm, int patience, int evalEvery, boolean excludeSeen,
                       Path checkpointDir, boolean resume, TrainingWindows windows, float beta2) {
        this(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience, evalEvery,
                excludeSeen, checkpointDir, resume, windows, beta2, Augmentation.NONE, LengthBuckets.OFF,
                ContrastiveObjective.OFF, null);
    }

    /** A recipe trained from scratch. */
    public TrainConfig(int epochs, int batchSize, float learningRate, float weightDecay, int warmupSteps,
                       LrSchedule schedule, float clipNorm, int patience, int evalEvery, boolean excludeSeen,
                       Path checkpointDir, boolean resume, TrainingWindows windows, float beta2,
                       Augmentation augmentation, LengthBuckets buckets, ContrastiveObjective contrastive) {
        this(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience, evalEvery,
                excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, null);
    }

    public TrainConfig {
        InvalidParameterException.requireInRange("epochs", epochs, 1, 100_000);
        InvalidParameterException.requireInRange("batchSize", batchSize, 1, 1_000_000);
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new InvalidParameterException("learningRate", learningRate, "in (0, 10)");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new InvalidParameterException("weightDecay", weightDecay, "in [0, 1)");
        }
        InvalidParameterException.requireInRange("warmupSteps", warmupSteps, 0, Integer.MAX_VALUE);
        if (!(clipNorm >= 0)) {
            throw new InvalidParameterException("clipNorm", clipNorm, ">= 0", "0 disables clipping");
        }
        InvalidParameterException.requireInRange("patience", patience, 0, 100_000);
        InvalidParameterException.requireInRange("evalEvery", evalEvery, 1, 100_000);
        if (schedule == null) {
            schedule = LrSchedule.CONSTANT;
        }
        if (!(beta2 > 0 && beta2 < 1)) {
            throw new InvalidParameterException("beta2", beta2, "in (0, 1)");
        }
        if (windows == null) {
            windows = TrainingWindows.LAST;
        }
        if (augmentation == null) {
            augmentation = Augmentation.NONE;
        }
        if (buckets == null) {
            buckets = LengthBuckets.OFF;
        }
        if (contrastive == null) {
            contrastive = ContrastiveObjective.OFF;
        }
    }

    /** The SASRec+ recipe: Adam lr 1e-3, batch 128, up to 100 epochs, patience 10, seen items excluded. */
    public static TrainConfig defaults() {
        return new TrainConfig(100, 128, 1e-3f, 0f, 0, LrSchedule.CONSTANT, 5f, 10, 1, true, null, false,
                TrainingWindows.LAST, 0.999f);
    }

    public TrainConfig withEpochs(int value) {
        return new TrainConfig(value, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withBatch(int value) {
        return new TrainConfig(epochs, value, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withLearningRate(float value) {
        return new TrainConfig(epochs, batchSize, value, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withPatience(int value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, value,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withExcludeSeen(boolean value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, value, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withCheckpoints(Path dir, boolean resumeFromIt) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, dir, resumeFromIt, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withOptimizer(float decay, int warmup, LrSchedule value, float clip) {
        return new TrainConfig(epochs, batchSize, learningRate, decay, warmup, value, clip, patience, evalEvery,
                excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withWindows(TrainingWindows value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, value, beta2, augmentation, buckets, contrastive, initFrom);
    }

    public TrainConfig withAugmentation(Augmentation value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, value, buckets, contrastive, initFrom);
    }

    public TrainConfig withBuckets(LengthBuckets value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, value, contrastive, initFrom);
    }

    public TrainConfig withContrastive(ContrastiveObjective value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, value, initFrom);
    }

    public TrainConfig withInitFrom(Path value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupSteps, schedule, clipNorm, patience,
                evalEvery, excludeSeen, checkpointDir, resume, windows, beta2, augmentation, buckets, contrastive,
                value);
    }
}
