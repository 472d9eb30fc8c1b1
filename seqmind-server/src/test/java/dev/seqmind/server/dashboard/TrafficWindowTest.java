package dev.seqmind.server.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rates, windows and histogram quantiles against hand-computed cases, and read from a real meter registry. */
class TrafficWindowTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final LatencyHistogram H = new LatencyHistogram(new double[]{0.001, 0.002, 0.004, INF},
            new long[]{10, 30, 60, 0});

    @Test
    void quantilesInterpolateInsideTheirBucket() {
        // rank 50 of 100: 40 lie below the third bucket, so 10 of its 60 into (2 ms, 4 ms]
        assertThat(H.quantile(0.5)).isCloseTo(0.002 + 0.002 * 10 / 60, within(1e-12));
        assertThat(H.quantile(0.99)).isCloseTo(0.002 + 0.002 * 59 / 60, within(1e-12));
        assertThat(H.quantile(0.1)).isCloseTo(0.001, within(1e-12));
        assertThat(LatencyHistogram.EMPTY.quantile(0.5)).isNaN();
        // everything above the largest finite bound: the histogram can only say "at least 4 ms"
        assertThat(new LatencyHistogram(new double[]{0.004, INF}, new long[]{0, 5}).quantile(0.99)).isEqualTo(0.004);
    }

    @Test
    void cumulativeCountsBecomeBucketsAndDifferencesAreWhatHappenedBetween() {
        LatencyHistogram a = LatencyHistogram.fromCumulative(new double[]{0.001, 0.002}, new double[]{3, 5}, 7);
        assertThat(a).isEqualTo(new LatencyHistogram(new double[]{0.001, 0.002, INF}, new long[]{3, 2, 2}));
        LatencyHistogram b = LatencyHistogram.fromCumulative(new double[]{0.001, 0.002}, new double[]{4, 9}, 12);
        assertThat(b.minus(a)).isEqualTo(new LatencyHistogram(new double[]{0.001, 0.002, INF}, new long[]{1, 3, 1}));
        assertThat(a.plus(b).total()).isEqualTo(19);
        assertThat(LatencyHistogram.EMPTY.plus(a)).isEqualTo(a);
    }

    private static TrafficSample at(double seconds, long events, long requests) {
        return new TrafficSample((long) (seconds * 1e9), events, requests, 0, requests / 10, H);
    }

    @Test
    void ratesCompareWithTheOldestSampleInsideTheWindow() {
        TrafficWindow w = new TrafficWindow(10_000_000_000L, TrafficSample.zero(0));
        TrafficWindow.Rates r = w.observe(at(2, 20, 4)); // first look: since the start
        assertThat(r.seconds()).isCloseTo(2, within(1e-9));
        assertThat(r.eventsPerSecond()).isCloseTo(10, within(1e-9));
        assertThat(r.requestsPerSecond()).isCloseTo(2, within(1e-9));
        assertThat(r.p50Millis()).isCloseTo(H.quantile(0.5) * 1000, within(1e-9));
        assertThat(w.observe(at(4, 30, 4)).eventsPerSecond()).isCloseTo(7.5, within(1e-9)); // still from 0 s
        // at 13 s the 2 s sample is the newest one at least 10 s old: the start sample is dropped
        r = w.observe(at(13, 130, 104));
        assertThat(r.seconds()).isCloseTo(11, within(1e-9));
        assertThat(r.eventsPerSecond()).isCloseTo(110.0 / 11, within(1e-9));
        assertThat(r.serverErrorsPerSecond()).isCloseTo(10.0 / 11, within(1e-9));
        assertThat(r.requests()).isEqualTo(100);
        assertThat(r.p99Millis()).isNaN(); // the same histogram at both ends: no request in between
    }

    @Test
    void readsEventsRequestsErrorsAndLatencyFromTheRegistry() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("seqmind.events.ingested").register(meters).increment(42);
        Timer ok = timer(meters, "/v1/recommendations", "200");
        for (int i = 0; i < 98; i++) {
            ok.record(1, TimeUnit.MILLISECONDS);
        }
        timer(meters, "/v1/events", "503").record(2, TimeUnit.SECONDS);
        timer(meters, "/v1/events", "400").record(1, TimeUnit.MILLISECONDS);
        timer(meters, "/v1/dashboard/overview", "200").record(5, TimeUnit.SECONDS); // not counted
        TrafficSample s = TrafficSample.take(meters, 7, route -> !route.startsWith("/v1/dashboard"));
        assertThat(s.events()).isEqualTo(42);
        assertThat(s.requests()).isEqualTo(100);
        assertThat(s.serverErrors()).isEqualTo(1);
        assertThat(s.clientErrors()).isEqualTo(1);
        assertThat(s.latency().total()).isEqualTo(100);
        assertThat(s.latency().quantile(0.5)).isBetween(0.0008, 0.0012); // 1 ms within its bucket's width
        assertThat(s.latency().quantile(0.999)).isBetween(1.0, 2.5); // the 2 s request
    }

    private static Timer timer(PrometheusMeterRegistry meters, String route, String status) {
        // configured as the route table configures its timers
        return Timer.builder("seqmind.http.requests").tag("route", route).tag("method", "GET").tag("status", status)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(meters);
    }
}
