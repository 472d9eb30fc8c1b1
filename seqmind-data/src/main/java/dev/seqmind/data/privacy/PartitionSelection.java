package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * Releases counts of keys that are not known in advance (the keys themselves come from the data): each user adds 1
 * to at most {@code maxKeys} keys ({@link ContributionBound}), every count gets noise, and a key is released only when
 * its noisy count exceeds a threshold that a key held by a single user passes with probability at most
 * {@code deltaSelect / maxKeys}. The union over the user's keys then fails with probability at most
 * {@code deltaSelect}, which is the delta this selection adds on top of the noise's own (epsilon, delta)
 * (Korolova et al., WWW 2009; Wilson et al., PETS 2020).
 *
 * @param noise        the noise added to each count, calibrated to the contribution bound
 * @param maxKeys      the contribution bound it was calibrated to
 * @param deltaSelect  the probability budget of the threshold, in {@code (0, 1)}
 */
public record PartitionSelection(NoiseMechanism noise, int maxKeys, double deltaSelect) {
    public PartitionSelection {
        InvalidParameterException.requireInRange("maxKeys", maxKeys, 1, Integer.MAX_VALUE);
        if (!(deltaSelect > 0 && deltaSelect < 1)) {
            throw new InvalidParameterException("delta", deltaSelect, "in (0, 1)",
                    "releasing keys found in the data needs delta > 0, e.g. --dp-delta 1e-6");
        }
    }

    /** The noisy count a key must exceed to be released ({@code 1 + t} with {@code P(noise > t) = delta/m}). */
    public double threshold() {
        return 1 + noise.tailInverse(deltaSelect / maxKeys);
    }

    /** The total cost: the noise's plus the selection's delta. */
    public PrivacyCost cost() {
        return noise.cost().plus(new PrivacyCost(0, deltaSelect));
    }
}
