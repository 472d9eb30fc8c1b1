package dev.seqmind.rec.abtest;

/**
 * The mixture sequential probability ratio test for the difference of two proportions (Johari, Pekelis and Walsh,
 * "Always valid inference", 2017), on the normal approximation: the estimate {@code d = pb - pa} is taken as
 * {@code N(theta, V)} with the pooled null variance {@code V = p(1 - p)(1/na + 1/nb)}, and {@code theta} is mixed over
 * {@code N(0, tau^2)}. The mixture likelihood ratio against {@code theta = 0} is
 * <pre>  Lambda = sqrt(V / (V + tau^2)) * exp(tau^2 d^2 / (2 V (V + tau^2)))</pre>
 * and the always-valid p-value after any number of looks is the running minimum of {@code 1 / Lambda}: rejecting when
 * it drops to {@code alpha} keeps the false-positive rate at most {@code alpha} however often (and whenever) one looks.
 * {@code tau} is the scale of differences one expects (the test has most power near it); immutable.
 *
 * @param tau  the mixing standard deviation, in absolute difference of proportions (e.g. 0.01 = one point)
 */
public record Msprt(double tau) {
    /** The default mixing standard deviation: one percentage point of absolute difference. */
    public static final double DEFAULT_TAU = 0.01;

    public Msprt {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("the mixing standard deviation must be in (0, 1), got " + tau);
        }
    }

    /** The mixture likelihood ratio for {@code xa/na} against {@code xb/nb}; 1 while either arm is empty or V = 0. */
    public double likelihoodRatio(long xa, long na, long xb, long nb) {
        if (na == 0 || nb == 0) {
            return 1;
        }
        double pooled = (double) (xa + xb) / (na + nb);
        double v = pooled * (1 - pooled) * (1.0 / na + 1.0 / nb);
        if (v <= 0) {
            return 1;
        }
        double d = (double) xb / nb - (double) xa / na;
        double t2 = tau * tau;
        return Math.sqrt(v / (v + t2)) * Math.exp(t2 * d * d / (2 * v * (v + t2)));
    }

    /** The always-valid p-value after this look: {@code min(previous, 1 / Lambda)} ({@code previous = 1} at first). */
    public double pValue(double previous, long xa, long na, long xb, long nb) {
        double lr = likelihoodRatio(xa, na, xb, nb);
        return Math.min(previous, Math.min(1, 1 / lr));
    }
}
