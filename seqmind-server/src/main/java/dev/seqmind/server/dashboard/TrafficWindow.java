package dev.seqmind.server.dashboard;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rates and latency percentiles over a sliding window: each {@link #observe} keeps a sample and compares it with
 * the oldest kept one no older than the window (samples are dropped once a newer one is also past the window). With
 * no earlier sample the comparison is with the start (all zero), so the first answer covers the service's life so
 * far. Thread-safe.
 */
public final class TrafficWindow {
    private final long windowNanos;
    private final Deque<TrafficSample> samples = new ArrayDeque<>();

    /**
     * What happened between two samples.
     *
     * @param seconds            the span compared
     * @param eventsPerSecond    committed events a second
     * @param requestsPerSecond  answered requests a second
     * @param clientErrorsPerSecond 4xx answers a second
     * @param serverErrorsPerSecond 5xx answers a second
     * @param requests           requests answered in the span
     * @param p50Millis          median latency of those requests (NaN without any)
     * @param p99Millis          99th percentile latency (NaN without any)
     */
    public record Rates(double seconds, double eventsPerSecond, double requestsPerSecond,
                        double clientErrorsPerSecond, double serverErrorsPerSecond, long requests,
                        double p50Millis, double p99Millis) {
    }

    /** A window of {@code windowNanos}, counted from a start sample (all zero). */
    public TrafficWindow(long windowNanos, TrafficSample start) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("windowNanos must be > 0, but got " + windowNanos);
        }
        this.windowNanos = windowNanos;
        samples.add(start);
    }

    /** Keeps {@code now} and returns what happened since the oldest sample in the window. */
    public synchronized Rates observe(TrafficSample now) {
        while (samples.size() > 1) {
            TrafficSample second = samples.stream().skip(1).findFirst().orElseThrow();
            if (now.nanos() - second.nanos() < windowNanos) {
                break;
            }
            samples.removeFirst(); // the next one is old enough to compare with on its own
        }
        TrafficSample from = samples.peekFirst();
        samples.addLast(now);
        return between(from, now);
    }

    /** What happened between {@code from} and {@code to}. */
    public static Rates between(TrafficSample from, TrafficSample to) {
        double s = Math.max(1e-9, (to.nanos() - from.nanos()) / 1e9);
        LatencyHistogram h = to.latency().minus(from.latency());
        return new Rates(s, (to.events() - from.events()) / s, (to.requests() - from.requests()) / s,
                (to.clientErrors() - from.clientErrors()) / s, (to.serverErrors() - from.serverErrors()) / s,
                to.requests() - from.requests(), h.quantile(0.5) * 1000, h.quantile(0.99) * 1000);
    }
}
