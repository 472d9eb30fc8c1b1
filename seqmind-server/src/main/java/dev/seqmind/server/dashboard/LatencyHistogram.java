package dev.seqmind.server.dashboard;

import java.util.Arrays;

/**
 * Latencies counted into buckets: {@code counts[i]} values fell in {@code (bounds[i-1], bounds[i]]} (seconds; the
 * first bucket starts at 0, a last bucket with an infinite bound holds what lies above the largest finite one).
 * Quantiles are interpolated linearly inside their bucket, as Prometheus' {@code histogram_quantile} does.
 *
 * @param bounds  upper bucket bounds in seconds, ascending
 * @param counts  values per bucket (not cumulative)
 */
public record LatencyHistogram(double[] bounds, long[] counts) {
    public static final LatencyHistogram EMPTY = new LatencyHistogram(new double[0], new long[0]);

    public LatencyHistogram {
        if (bounds.length != counts.length) {
            throw new IllegalArgumentException("bounds and counts differ in length: " + bounds.length + " vs "
                    + counts.length);
        }
        bounds = bounds.clone();
        counts = counts.clone();
    }

    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * The {@code q} quantile in seconds, or {@code NaN} when there is no value. A quantile in the open top bucket is
     * reported as the largest finite bound (the histogram cannot say more).
     */
    public double quantile(double q) {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lo = i == 0 ? 0 : bounds[i - 1];
                double hi = bounds[i];
                if (Double.isInfinite(hi)) {
                    return lo;
                }
                return lo + (hi - lo) * Math.max(0, rank - below) / counts[i];
            }
            below += counts[i];
        }
        return bounds[bounds.length - 1];
    }

    /** This histogram plus {@code other} (bounds merged; a bucket keeps its upper bound). */
    public LatencyHistogram plus(LatencyHistogram other) {
        return combine(other, 1);
    }

    /** This histogram minus an earlier one of the same meters (what was counted in between). */
    public LatencyHistogram minus(LatencyHistogram earlier) {
        return combine(earlier, -1);
    }

    private LatencyHistogram combine(LatencyHistogram other, int sign) {
        double[] b = new double[bounds.length + other.bounds.length];
        System.arraycopy(bounds, 0, b, 0, bounds.length);
        System.arraycopy(other.bounds, 0, b, bounds.length, other.bounds.length);
        b = Arrays.stream(b).sorted().distinct().toArray();
        long[] c = new long[b.length];
        add(c, b, this, 1);
        add(c, b, other, sign);
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(0, c[i]); // a meter removed between samples: never a negative count
        }
        return new LatencyHistogram(b, c);
    }

    private static void add(long[] into, double[] b, LatencyHistogram h, int sign) {
        for (int i = 0; i < h.bounds.length; i++) {
            into[Arrays.binarySearch(b, h.bounds[i])] += sign * h.counts[i];
        }
    }

    /**
     * From cumulative counts ({@code cumulative[i]} values at or below {@code bounds[i]}) and the total count, which
     * may exceed the last cumulative count (the excess goes to an infinite top bucket).
     */
    public static LatencyHistogram fromCumulative(double[] bounds, double[] cumulative, long total) {
        double[] b = Arrays.copyOf(bounds, bounds.length + 1);
        b[bounds.length] = Double.POSITIVE_INFINITY;
        long[] c = new long[b.length];
        double prev = 0;
        for (int i = 0; i < bounds.length; i++) {
            c[i] = Math.round(cumulative[i] - prev);
            prev = cumulative[i];
        }
        c[bounds.length] = Math.max(0, total - Math.round(prev));
        return new LatencyHistogram(b, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyHistogram h && Arrays.equals(bounds, h.bounds) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bounds) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencyHistogram" + Arrays.toString(bounds) + Arrays.toString(counts);
    }
}
