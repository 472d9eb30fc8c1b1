package dev.seqmind.rec.abtest;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Intervals for proportions: the Wilson score interval of one rate (good coverage also near 0 and for small counts)
 * and Newcombe's hybrid score interval for the difference of two independent rates (method 10 of Newcombe 1998,
 * built from the two Wilson intervals).
 */
public final class Proportions {
    private static final NormalDistribution STD_NORMAL = new NormalDistribution(null, 0, 1);

    private Proportions() {
    }

    /** The two-sided standard normal quantile for {@code confidence}, e.g. 1.959964 for 0.95. */
    public static double z(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        return STD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /** The standard normal quantile of {@code p} (one-sided). */
    public static double quantile(double p) {
        return STD_NORMAL.inverseCumulativeProbability(p);
    }

    /** {@code x / n}, 0 when {@code n = 0}. */
    public static double rate(long x, long n) {
        return n == 0 ? 0 : (double) x / n;
    }

    /** The Wilson score interval of {@code x} successes in {@code n} trials; {@code [0, 1]} when {@code n = 0}. */
    public static Interval wilson(long x, long n, double confidence) {
        check(x, n);
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z = z(confidence);
        double p = (double) x / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(x == 0 ? 0 : Math.max(0, center - half), x == n ? 1 : Math.min(1, center + half));
    }

    /**
     * Newcombe's interval for {@code rate(xb, nb) - rate(xa, na)}: {@code d - sqrt((pb - lb)^2 + (ua - pa)^2)} to
     * {@code d + sqrt((ub - pb)^2 + (pa - la)^2)} with {@code [la, ua]}, {@code [lb, ub]} the Wilson intervals.
     */
    public static Interval difference(long xa, long na, long xb, long nb, double confidence) {
        Interval a = wilson(xa, na, confidence);
        Interval b = wilson(xb, nb, confidence);
        double pa = rate(xa, na);
        double pb = rate(xb, nb);
        double d = pb - pa;
        double lo = d - Math.sqrt(sq(pb - b.lo()) + sq(a.hi() - pa));
        double hi = d + Math.sqrt(sq(b.hi() - pb) + sq(pa - a.lo()));
        return new Interval(Math.max(-1, lo), Math.min(1, hi));
    }

    private static double sq(double v) {
        return v * v;
    }

    private static void check(long x, long n) {
        if (n < 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + x + " of " + n);
        }
    }
}
