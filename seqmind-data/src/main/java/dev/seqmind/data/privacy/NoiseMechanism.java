package dev.seqmind.data.privacy;

import java.util.random.RandomGenerator;

/**
 * Additive noise calibrated to a sensitivity and a privacy cost. Implementations are immutable and thread-safe; the
 * randomness comes from the generator the caller passes, so a seeded generator gives the same noise on every run.
 */
public sealed interface NoiseMechanism permits LaplaceMechanism, GaussianMechanism {
    /** One draw of the noise (mean 0). */
    double sample(RandomGenerator rng);

    /** {@code value} plus one draw of the noise. */
    default double release(double value, RandomGenerator rng) {
        return value + sample(rng);
    }

    /** The privacy cost of one release of a query with the sensitivity this mechanism was built for. */
    PrivacyCost cost();

    /** The standard deviation of the noise. */
    double stddev();

    /**
     * The probability that the noise exceeds {@code t}: {@code P(noise > t)}. Used to set thresholds that a count
     * supported by a single user crosses only with a small probability.
     */
    double tail(double t);

    /** The smallest {@code t} with {@link #tail}{@code (t) <= p}. */
    double tailInverse(double p);
}
