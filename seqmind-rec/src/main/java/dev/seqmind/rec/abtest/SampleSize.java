package dev.seqmind.rec.abtest;

/**
 * The fixed-horizon sample size of a two-sided two-proportion z-test with equal arms:
 * <pre>  n = (z(1-alpha/2) sqrt(2 pbar (1 - pbar)) + z(power) sqrt(p1 (1 - p1) + p2 (1 - p2)))^2 / (p2 - p1)^2</pre>
 * per arm, with {@code p2 = p1 (1 + lift)} and {@code pbar = (p1 + p2) / 2} (Fleiss). Such a test is valid only when
 * looked at once, after {@code n} per arm.
 *
 * @param baseline  the control's rate p1, in (0, 1)
 * @param lift      the relative change to detect, e.g. 0.1 for +10% (p2 must stay in (0, 1))
 * @param alpha     the two-sided false-positive rate
 * @param power     the chance to detect the lift when it is real
 */
public record SampleSize(double baseline, double lift, double alpha, double power) {
    public SampleSize {
        if (!(baseline > 0 && baseline < 1)) {
            throw new IllegalArgumentException("baseline must be in (0, 1), got " + baseline);
        }
        double p2 = baseline * (1 + lift);
        if (lift == 0 || !(p2 > 0 && p2 < 1)) {
            throw new IllegalArgumentException("lift must be non-zero with baseline * (1 + lift) in (0, 1), got "
                    + lift);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + power);
        }
    }

    /** The treatment's rate p2. */
    public double treatment() {
        return baseline * (1 + lift);
    }

    /** Trials (exposures) needed in each arm, rounded up. */
    public long perArm() {
        double p1 = baseline;
        double p2 = treatment();
        double pbar = (p1 + p2) / 2;
        double za = Proportions.quantile(1 - alpha / 2);
        double zb = Proportions.quantile(power);
        double num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil(num * num / ((p2 - p1) * (p2 - p1)));
    }
}
