package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.random.RandomGenerator;

/**
 * The Laplace mechanism: noise with density {@code exp(-|x|/b) / 2b} and scale {@code b = l1Sensitivity / epsilon}
 * gives (epsilon, 0)-differential privacy for a query whose output vector changes by at most {@code l1Sensitivity} in
 * L1 norm when one user's data is added or removed.
 *
 * <p>Draws by inverting the distribution function on one uniform double from {@code (0, 1)}. Like every textbook
 * floating-point sampler it does not defend against attacks on the low-order bits of the noise (Mironov 2012);
 * released values are rounded to whole counts by the callers, which removes most of that signal.
 *
 * @param l1Sensitivity the query's L1 sensitivity, {@code > 0}
 * @param epsilon       the privacy parameter, {@code > 0}
 */
public record LaplaceMechanism(double l1Sensitivity, double epsilon) implements NoiseMechanism {
    public LaplaceMechanism {
        if (!(l1Sensitivity > 0) || Double.isInfinite(l1Sensitivity)) {
            throw new InvalidParameterException("l1Sensitivity", l1Sensitivity, "finite and > 0");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new InvalidParameterException("epsilon", epsilon, "finite and > 0", "use --dp-epsilon 1 or so");
        }
    }

    /** The scale {@code b} of the noise. */
    public double scale() {
        return l1Sensitivity / epsilon;
    }

    @Override
    public double sample(RandomGenerator rng) {
        double u;
        do {
            u = rng.nextDouble();
        } while (u == 0.0);
        // u in (0, 1): the inverse of the Laplace distribution function.
        double b = scale();
        return u < 0.5 ? b * Math.log(2 * u) : -b * Math.log(2 * (1 - u));
    }

    @Override
    public PrivacyCost cost() {
        return new PrivacyCost(epsilon, 0);
    }

    @Override
    public double stddev() {
        return Math.sqrt(2) * scale();
    }

    @Override
    public double tail(double t) {
        double b = scale();
        return t >= 0 ? 0.5 * Math.exp(-t / b) : 1 - 0.5 * Math.exp(t / b);
    }

    @Override
    public double tailInverse(double p) {
        if (!(p > 0 && p < 1)) {
            throw new InvalidParameterException("p", p, "in (0, 1)");
        }
        double b = scale();
        return p <= 0.5 ? -b * Math.log(2 * p) : b * Math.log(2 * (1 - p));
    }
}
