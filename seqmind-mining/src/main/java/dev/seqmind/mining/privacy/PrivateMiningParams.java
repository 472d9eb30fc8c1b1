package dev.seqmind.mining.privacy;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.PrivacyCost;

import java.util.Objects;

/**
 * Parameters of {@link PrivatePatternMiner}.
 *
 * @param budget           the (epsilon, delta) the whole release may spend; epsilon is split evenly over the levels,
 *                         delta goes to selecting items found in the data (and, with Gaussian noise, half of it to
 *                         the noise)
 * @param noise            Laplace or Gaussian
 * @param maxLength        longest pattern (one level, and one noisy measurement, per length)
 * @param maxContributions the contribution bound: per level, one user's weights sum to at most this (L1, Laplace) or
 *                         their squares do (L2, Gaussian); users supporting more candidates are down-weighted
 * @param beam             how many released patterns of one level are extended, and with how many released items
 * @param topK             how many patterns to return, by noisy support (0 = every released pattern)
 * @param minUsers         released patterns with a noisy support below this are suppressed
 * @param seed             seeds the noise; the same seed and data give the same release
 */
public record PrivateMiningParams(PrivacyCost budget, NoiseKind noise, int maxLength, int maxContributions,
                                  int beam, int topK, long minUsers, long seed) {
    public PrivateMiningParams {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(noise, "noise");
        if (!(budget.epsilon() > 0)) {
            throw new InvalidParameterException("--dp-epsilon", budget.epsilon(), "> 0");
        }
        if (!(budget.delta() > 0)) {
            throw new InvalidParameterException("--dp-delta", budget.delta(), "> 0",
                    "selecting patterns found in the data needs a small delta, e.g. 1e-6");
        }
        InvalidParameterException.requireInRange("--max-length", maxLength, 1, 8);
        InvalidParameterException.requireInRange("--dp-max-contributions", maxContributions, 1, 1 << 20);
        InvalidParameterException.requireInRange("--dp-beam", beam, 1, 10_000);
        InvalidParameterException.requireInRange("--top-k", topK, 0, Integer.MAX_VALUE);
        if (minUsers < 0) {
            throw new InvalidParameterException("--min-users", minUsers, ">= 0");
        }
    }
}
