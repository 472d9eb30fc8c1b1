package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;
import org.apache.commons.math3.special.Erf;

import java.util.random.RandomGenerator;

/**
 * The Gaussian mechanism with the analytic calibration of Balle and Wang (ICML 2018): for a query of L2 sensitivity
 * {@code D}, normal noise of standard deviation {@code sigma} gives (epsilon, delta)-differential privacy exactly when
 * {@code Phi(D/(2 sigma) - epsilon sigma/D) - e^epsilon Phi(-D/(2 sigma) - epsilon sigma/D) <= delta}. The
 * constructor finds the smallest such {@code sigma} by bisection; unlike the classic
 * {@code sqrt(2 ln(1.25/delta)) D/epsilon} it is valid for every epsilon, and smaller.
 *
 * <p>Draws use the generator's {@code nextGaussian()}; the floating-point caveat of {@link LaplaceMechanism} applies.
 *
 * @param l2Sensitivity the query's L2 sensitivity, {@code > 0}
 * @param epsilon       {@code > 0}
 * @param delta         in {@code (0, 1)}
 * @param sigma         the calibrated standard deviation (computed by {@link #of})
 */
public record GaussianMechanism(double l2Sensitivity, double epsilon, double delta, double sigma)
        implements NoiseMechanism {
    public GaussianMechanism {
        if (!(l2Sensitivity > 0) || Double.isInfinite(l2Sensitivity)) {
            throw new InvalidParameterException("l2Sensitivity", l2Sensitivity, "finite and > 0");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new InvalidParameterException("epsilon", epsilon, "finite and > 0");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new InvalidParameterException("delta", delta, "in (0, 1)", "the Gaussian mechanism needs delta > 0");
        }
        if (!(sigma > 0)) {
            throw new InvalidParameterException("sigma", sigma, "> 0");
        }
    }

    /** The mechanism with the smallest noise that gives (epsilon, delta)-DP at this sensitivity. */
    public static GaussianMechanism of(double l2Sensitivity, double epsilon, double delta) {
        new GaussianMechanism(l2Sensitivity, epsilon, delta, 1); // validates the parameters
        return new GaussianMechanism(l2Sensitivity, epsilon, delta, calibrate(l2Sensitivity, epsilon, delta));
    }

    /** The exact delta of Gaussian noise {@code sigma} at {@code epsilon} for sensitivity {@code d}. */
    public static double deltaFor(double d, double sigma, double epsilon) {
        double a = d / (2 * sigma);
        double b = epsilon * sigma / d;
        return phi(a - b) - Math.exp(epsilon) * phi(-a - b);
    }

    static double calibrate(double d, double epsilon, double delta) {
        double lo = 1e-6 * d;
        double hi = d;
        while (deltaFor(d, hi, epsilon) > delta) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (deltaFor(d, mid, epsilon) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The standard normal distribution function, via erfc for accuracy in the tails. */
    static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    @Override
    public double sample(RandomGenerator rng) {
        return sigma * rng.nextGaussian();
    }

    @Override
    public PrivacyCost cost() {
        return new PrivacyCost(epsilon, delta);
    }

    @Override
    public double stddev() {
        return sigma;
    }

    @Override
    public double tail(double t) {
        return phi(-t / sigma);
    }

    @Override
    public double tailInverse(double p) {
        if (!(p > 0 && p < 1)) {
            throw new InvalidParameterException("p", p, "in (0, 1)");
        }
        return -sigma * Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
