package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * An (epsilon, delta) differential-privacy cost. Costs of releases on the same dataset add up under basic sequential
 * composition ({@link #plus}), which is what the {@link PrivacyLedger} charges.
 *
 * @param epsilon the privacy-loss bound, {@code >= 0}
 * @param delta   the probability that the bound fails, in {@code [0, 1)}
 */
public record PrivacyCost(double epsilon, double delta) {
    public static final PrivacyCost ZERO = new PrivacyCost(0, 0);

    public PrivacyCost {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new InvalidParameterException("epsilon", epsilon, "finite and >= 0");
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new InvalidParameterException("delta", delta, "in [0, 1)");
        }
    }

    /** The cost of running this release and then {@code other} (basic composition). */
    public PrivacyCost plus(PrivacyCost other) {
        return new PrivacyCost(epsilon + other.epsilon, delta + other.delta);
    }

    /** This cost split evenly over {@code parts} releases (each part costs the returned value). */
    public PrivacyCost split(int parts) {
        InvalidParameterException.requireInRange("parts", parts, 1, Integer.MAX_VALUE);
        return new PrivacyCost(epsilon / parts, delta / parts);
    }

    /** True when this cost fits within {@code budget} (with a relative tolerance for rounding in sums). */
    public boolean fitsWithin(PrivacyCost budget) {
        double tol = 1e-9;
        return epsilon <= budget.epsilon * (1 + tol) + tol && delta <= budget.delta * (1 + tol) + 1e-15;
    }
}
