package dev.seqmind.rec.abtest;

/** A two-sided confidence interval {@code [lo, hi]}. */
public record Interval(double lo, double hi) {
    public Interval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("lo " + lo + " > hi " + hi);
        }
    }

    /** True when {@code x} lies inside (ends included). */
    public boolean contains(double x) {
        return x >= lo && x <= hi;
    }

    /** {@code [lo, hi]} as an array, the JSON shape. */
    public double[] toArray() {
        return new double[] {lo, hi};
    }
}
