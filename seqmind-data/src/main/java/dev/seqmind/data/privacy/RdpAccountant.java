package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InvalidParameterException;
import org.apache.commons.math3.special.Erf;

/**
 * Renyi-differential-privacy accountant for the sampled Gaussian mechanism (DP-SGD with Poisson sampling: each example
 * joins each step's batch independently with probability {@code q}, its clipped gradient gets Gaussian noise of
 * {@code noiseMultiplier} times the clip norm). Computes the RDP of one step at each order by the closed forms of
 * Mironov, Talwar and Zhang (2019): a finite binomial sum for integer orders, two converging series with erfc terms
 * for fractional ones; steps compose by addition; epsilon at a delta is the best over a grid of orders.
 *
 * <p>Two conversions from RDP to (epsilon, delta): {@link Conversion#CLASSIC} ({@code rdp + log(1/delta)/(alpha-1)},
 * Mironov 2017) and {@link Conversion#IMPROVED} (Balle et al. 2020; Canonne, Kamath and Steinke 2020), which is never
 * larger. Stateless and thread-safe.
 */
public final class RdpAccountant {
    /** How RDP is turned into (epsilon, delta). */
    public enum Conversion { CLASSIC, IMPROVED }

    /** The orders searched: 1.1 to 10.9 in steps of 0.1, then 12 to 63. */
    static final double[] ORDERS = orders();

    private RdpAccountant() {
    }

    private static double[] orders() {
        double[] o = new double[99 + 52];
        for (int x = 1; x < 100; x++) {
            o[x - 1] = 1 + x / 10.0;
        }
        for (int a = 12; a < 64; a++) {
            o[99 + a - 12] = a;
        }
        return o;
    }

    /**
     * Epsilon spent after {@code steps} steps of the sampled Gaussian mechanism.
     *
     * @param q               sampling probability per example and step, in (0, 1]
     * @param noiseMultiplier noise standard deviation over the clip norm, > 0
     * @param steps           number of steps, >= 0
     * @param delta           target delta, in (0, 1)
     */
    public static double epsilon(double q, double noiseMultiplier, long steps, double delta, Conversion conversion) {
        if (!(q > 0 && q <= 1)) {
            throw new InvalidParameterException("sampling rate", q, "in (0, 1]");
        }
        if (!(noiseMultiplier > 0)) {
            throw new InvalidParameterException("noise multiplier", noiseMultiplier, "> 0");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new InvalidParameterException("delta", delta, "in (0, 1)");
        }
        if (steps == 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (double a : ORDERS) {
            double rdp = steps * rdp(q, noiseMultiplier, a);
            double eps = conversion == Conversion.CLASSIC
                    ? rdp + Math.log(1 / delta) / (a - 1)
                    : rdp + Math.log1p(-1 / a) - (Math.log(delta) + Math.log(a)) / (a - 1);
            best = Math.min(best, eps);
        }
        return Math.max(0, best);
    }

    /**
     * The smallest noise multiplier (to 0.1 %) whose epsilon after {@code steps} steps stays within
     * {@code targetEpsilon}.
     */
    public static double noiseMultiplierFor(double q, long steps, double targetEpsilon, double delta,
                                            Conversion conversion) {
        if (!(targetEpsilon > 0)) {
            throw new InvalidParameterException("--dp-epsilon", targetEpsilon, "> 0");
        }
        double lo = 0.05;
        double hi = 1;
        while (epsilon(q, hi, steps, delta, conversion) > targetEpsilon) {
            hi *= 2;
            if (hi > 1e4) {
                throw new InvalidParameterException("--dp-epsilon", targetEpsilon, "reachable with these steps",
                        "train fewer steps or sample smaller batches");
            }
        }
        while (hi - lo > 1e-3 * hi) {
            double mid = 0.5 * (lo + hi);
            if (epsilon(q, mid, steps, delta, conversion) > targetEpsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** RDP of one step at order {@code alpha}. */
    static double rdp(double q, double sigma, double alpha) {
        if (q == 1) {
            return alpha / (2 * sigma * sigma);
        }
        double logA = alpha == Math.rint(alpha) ? logAInt(q, sigma, (int) alpha) : logAFrac(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    /** log of sum_k C(alpha,k) (1-q)^(alpha-k) q^k exp((k^2-k)/(2 sigma^2)). */
    static double logAInt(double q, double sigma, int alpha) {
        double log = Double.NEGATIVE_INFINITY;
        double logBinom = 0;
        for (int k = 0; k <= alpha; k++) {
            if (k > 0) {
                logBinom += Math.log(alpha - k + 1) - Math.log(k);
            }
            double term = logBinom + k * Math.log(q) + (alpha - k) * Math.log1p(-q)
                    + (k * (double) k - k) / (2 * sigma * sigma);
            log = logAdd(log, term);
        }
        return log;
    }

    /** The fractional-order form: two series in generalised binomial coefficients with erfc factors. */
    static double logAFrac(double q, double sigma, double alpha) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double coef = 1; // generalised binomial C(alpha, i), may turn negative
        for (int i = 0; ; i++) {
            if (i > 0) {
                coef *= (alpha - i + 1) / i;
            }
            if (coef == 0) {
                break;
            }
            double logCoef = Math.log(Math.abs(coef));
            double j = alpha - i;
            double logT0 = logCoef + i * Math.log(q) + j * Math.log1p(-q);
            double logT1 = logCoef + j * Math.log(q) + i * Math.log1p(-q);
            double logE0 = Math.log(0.5) + logErfc((i - z0) / (Math.sqrt(2) * sigma));
            double logE1 = Math.log(0.5) + logErfc((z0 - j) / (Math.sqrt(2) * sigma));
            double logS0 = logT0 + (i * (double) i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (coef > 0) {
                logA0 = logAdd(logA0, logS0);
                logA1 = logAdd(logA1, logS1);
            } else {
                logA0 = logSub(logA0, logS0);
                logA1 = logSub(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < -30 && i > alpha) {
                break;
            }
            if (i > 100_000) {
                throw new IllegalStateException("RDP series did not converge at order " + alpha);
            }
        }
        return logAdd(logA0, logA1);
    }

    static double logErfc(double x) {
        if (x < 25) {
            return Math.log(Erf.erfc(x));
        }
        // asymptotic expansion, where erfc underflows
        double x2 = x * x;
        return -x2 - Math.log(x) - 0.5 * Math.log(Math.PI)
                + Math.log1p(-0.5 / x2 + 0.75 / (x2 * x2) - 1.875 / (x2 * x2 * x2));
    }

    static double logAdd(double a, double b) {
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(lo - hi));
    }

    static double logSub(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b >= a) {
            // rounding can make the difference vanish; it is a tiny term of a converging series
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log(-Math.expm1(b - a));
    }
}
