package dev.seqmind.cli.serve;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one run in nanoseconds, with percentiles by sorting (runs are bounded in count). Not thread-safe. */
final class LatencyStats {
    private long[] nanos = new long[1 << 12];
    private int n;
    private int failed;

    synchronized void add(long latency) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = latency;
    }

    synchronized void fail() {
        failed++;
    }

    synchronized int count() {
        return n;
    }

    synchronized int failed() {
        return failed;
    }

    /** The q-quantile in milliseconds (nearest rank). */
    synchronized double quantileMillis(double q) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * n) - 1;
        return s[Math.max(0, Math.min(n - 1, rank))] / 1e6;
    }

    String summary(double seconds) {
        return String.format(Locale.ROOT, "ok %d, failed %d, achieved %.0f/s, p50 %.2f ms, p99 %.2f ms, "
                        + "p99.9 %.2f ms, max %.2f ms", count(), failed(), count() / seconds, quantileMillis(0.5),
                quantileMillis(0.99), quantileMillis(0.999), quantileMillis(1.0));
    }
}
