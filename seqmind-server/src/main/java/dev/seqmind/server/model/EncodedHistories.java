package dev.seqmind.server.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each user's encoded history (a sequence model's final hidden vector) together with the history it was computed
 * from: one slot per user, least recently used users dropped beyond {@code capacity}. A lookup hits only when the
 * slot's history equals the history asked about, element for element, so an event that changes the user's sequence
 * (or an erasure followed by new events) can never serve a vector of another sequence; the next request recomputes
 * and replaces the slot.
 *
 * <p>Thread-safe: the users are spread over stripes, each an access-ordered map behind its own lock, held only for
 * a lookup or an insertion (never while encoding).
 */
public final class EncodedHistories {
    private static final int STRIPES = 16;

    private record Slot(int[] history, float[] encoded) {
    }

    private final int capacity;
    private final Stripe[] stripes = new Stripe[STRIPES];
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param capacity most users kept (>= 1); spread over stripes, each keeps its share */
    public EncodedHistories(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, but got " + capacity);
        }
        this.capacity = capacity;
        int perStripe = Math.max(1, (capacity + STRIPES - 1) / STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(perStripe);
        }
    }

    /** The vector kept for {@code user} if it was computed from exactly {@code history}, else {@code null}. */
    public float[] get(String user, int[] history) {
        Slot s;
        Stripe st = stripe(user);
        synchronized (st) {
            s = st.get(user);
        }
        if (s != null && Arrays.equals(s.history(), history)) {
            hits.increment();
            return s.encoded();
        }
        misses.increment();
        return null;
    }

    /** Keeps {@code encoded} as {@code user}'s vector for {@code history}; both are adopted, not copied. */
    public void put(String user, int[] history, float[] encoded) {
        Stripe st = stripe(user);
        synchronized (st) {
            st.put(user, new Slot(history, encoded));
        }
    }

    /** Drops what is kept for {@code user}. */
    public void forget(String user) {
        Stripe st = stripe(user);
        synchronized (st) {
            st.remove(user);
        }
    }

    /** Users with a slot now. */
    public int size() {
        int n = 0;
        for (Stripe st : stripes) {
            synchronized (st) {
                n += st.size();
            }
        }
        return n;
    }

    public int capacity() {
        return capacity;
    }

    /** Lookups answered from a slot. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that had to encode. */
    public long misses() {
        return misses.sum();
    }

    private Stripe stripe(String user) {
        int h = user.hashCode();
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
    }

    /** An access-ordered map that drops its least recently used entry beyond {@code max}; guarded by itself. */
    private static final class Stripe extends LinkedHashMap<String, Slot> {
        private final int max;

        Stripe(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
            return size() > max;
        }
    }
}
