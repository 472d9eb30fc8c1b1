package dev.seqmind.neural.train;

import java.util.List;

/**
 * Where a run stands after an epoch; saved as {@code state.json} beside each checkpoint.
 *
 * @param epoch          epochs completed
 * @param steps          optimiser steps taken
 * @param bestNdcg       best validation NDCG@10 so far (-1 before the first validation)
 * @param bestHitRate    HR@10 at the best epoch
 * @param bestEpoch      epoch of the best validation (0 = none yet)
 * @param badEpochs      validations since the best one
 * @param trainSeconds   wall seconds spent training so far (over every resumed session)
 * @param history        one entry per completed epoch
 */
public record TrainingState(int epoch, long steps, double bestNdcg, double bestHitRate, int bestEpoch, int badEpochs,
                            double trainSeconds, List<EpochRecord> history) {
    public TrainingState {
        history = List.copyOf(history);
    }

    public static TrainingState initial() {
        return new TrainingState(0, 0, -1, -1, 0, 0, 0, List.of());
    }

    /**
     * One epoch's figures.
     *
     * @param epoch        1-based epoch number
     * @param loss         mean training loss
     * @param seconds      wall seconds of the training part
     * @param seqPerSecond training sequences per second
     * @param msPerStep    mean milliseconds per step (forward + backward + optimiser)
     * @param forwardMs    mean forward milliseconds per step
     * @param backwardMs   mean backward milliseconds per step
     * @param optimizerMs  mean optimiser milliseconds per step
     * @param gflops       achieved GFLOP/s (NaN when the network cannot estimate its FLOPs)
     * @param hitRate      validation HR@10 (NaN when not validated this epoch)
     * @param ndcg         validation NDCG@10 (NaN when not validated this epoch)
     */
    public record EpochRecord(int epoch, double loss, double seconds, double seqPerSecond, double msPerStep,
                              double forwardMs, double backwardMs, double optimizerMs, double gflops,
                              double hitRate, double ndcg) {
    }
}
