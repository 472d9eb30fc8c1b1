package dev.seqmind.server.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key name: {@code perSecond} requests a second on average, bursts up to {@code burst}.
 * Thread-safe (each bucket is synchronised).
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond requests a second per key; {@code <= 0} turns limiting off */
    public RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    /** True when {@code key} may make one more request now (and takes a token). */
    public boolean tryAcquire(String key) {
        if (perSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(perSecond, burst, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double rate, double cap, long now) {
            tokens = Math.min(cap, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
