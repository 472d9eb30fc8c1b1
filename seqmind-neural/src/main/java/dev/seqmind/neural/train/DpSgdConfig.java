package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * Differentially private SGD settings (user level: one training row per user, the most recent window).
 *
 * @param epsilon    the epsilon the whole training may spend, {@code > 0}
 * @param delta      in (0, 1), typically below 1 / users
 * @param clipNorm   each user's gradient is scaled to at most this L2 norm, {@code > 0}
 * @param batchSize  expected batch size; each user joins each step independently with probability batch / users
 * @param epochs     steps = epochs * users / batch
 * @param lr         Adam learning rate
 */
public record DpSgdConfig(double epsilon, double delta, float clipNorm, int batchSize, int epochs, float lr) {
    public DpSgdConfig {
        if (!(epsilon > 0)) {
            throw new InvalidParameterException("--dp-epsilon", epsilon, "> 0");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new InvalidParameterException("--dp-delta", delta, "in (0, 1)");
        }
        if (!(clipNorm > 0)) {
            throw new InvalidParameterException("--dp-clip", clipNorm, "> 0");
        }
        InvalidParameterException.requireInRange("batchSize", batchSize, 1, 1_000_000);
        InvalidParameterException.requireInRange("epochs", epochs, 1, 100_000);
        if (!(lr > 0 && lr < 10)) {
            throw new InvalidParameterException("learningRate", lr, "in (0, 10)");
        }
    }
}
