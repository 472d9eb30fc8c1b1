package dev.seqmind.server.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The service's cumulative counters at one moment, read from the meter registry: committed events, answered
 * requests (client and server errors apart) and their latency histogram.
 *
 * @param nanos         when ({@link System#nanoTime()} scale)
 * @param events        events committed ({@code seqmind.events.ingested})
 * @param requests      requests answered on the counted routes ({@code seqmind.http.requests})
 * @param clientErrors  of them, answered 4xx
 * @param serverErrors  of them, answered 5xx
 * @param latency       their latency histogram
 */
public record TrafficSample(long nanos, long events, long requests, long clientErrors, long serverErrors,
                           LatencyHistogram latency) {
    /** Nothing counted yet, at {@code nanos}. */
    public static TrafficSample zero(long nanos) {
        return new TrafficSample(nanos, 0, 0, 0, 0, LatencyHistogram.EMPTY);
    }

    /** Reads the registry; requests count only on routes {@code counted} accepts. */
    public static TrafficSample take(MeterRegistry meters, long nanos, Predicate<String> counted) {
        long events = 0;
        for (Counter c : meters.find("seqmind.events.ingested").counters()) {
            events += (long) c.count();
        }
        long requests = 0;
        long client = 0;
        long server = 0;
        LatencyHistogram latency = LatencyHistogram.EMPTY;
        for (Timer t : meters.find("seqmind.http.requests").timers()) {
            String route = t.getId().getTag("route");
            if (route == null || !counted.test(route)) {
                continue;
            }
            HistogramSnapshot s = t.takeSnapshot();
            long n = s.count();
            requests += n;
            String status = t.getId().getTag("status");
            if (status != null && status.startsWith("4")) {
                client += n;
            } else if (status != null && status.startsWith("5")) {
                server += n;
            }
            CountAtBucket[] buckets = s.histogramCounts();
            double[] bounds = new double[buckets.length];
            double[] cumulative = new double[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                bounds[i] = buckets[i].bucket(TimeUnit.SECONDS);
                cumulative[i] = buckets[i].count();
            }
            latency = latency.plus(LatencyHistogram.fromCumulative(bounds, cumulative, n));
        }
        return new TrafficSample(nanos, events, requests, client, server, latency);
    }
}
