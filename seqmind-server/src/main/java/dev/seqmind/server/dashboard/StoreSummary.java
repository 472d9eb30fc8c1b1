package dev.seqmind.server.dashboard;

import dev.seqmind.server.store.EventStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the stored events look like, from one scan of the store: sequence lengths, item popularity (the long tail and
 * its Gini coefficient), actions over time and the most recently active users (as stored: pseudonyms when
 * pseudonymisation is on).
 *
 * @param events        stored events
 * @param users         distinct users
 * @param items         distinct items
 * @param lengths       users per sequence-length bucket ("1", "2", "3-4", "5-8", ...), in order
 * @param tail          item popularity by rank: rank (1 = most frequent) to events, at most ~200 log-spaced ranks
 * @param topShare      share of events on the most frequent 1%, 10% and 20% of items ("1%" to share)
 * @param gini          Gini coefficient of the events per item (0 = all equal)
 * @param bucketMillis  width of a time bucket in {@code timeline}
 * @param timeline      bucket start (epoch ms) to events per action, in time order
 * @param actions       events per action
 * @param recentUsers   up to 20 users, the most recently active first
 */
public record StoreSummary(long events, int users, int items, Map<String, Long> lengths, List<long[]> tail,
                           Map<String, Double> topShare, double gini, long bucketMillis,
                           Map<Long, Map<String, Long>> timeline, Map<String, Long> actions,
                           List<String> recentUsers) {
    private static final long[] BUCKETS = {60_000L, 300_000L, 900_000L, 3_600_000L, 21_600_000L, 86_400_000L,
            604_800_000L, 2_592_000_000L, 31_536_000_000L};
    private static final int MAX_BUCKETS = 120;
    private static final int RECENT = 20;

    /** Scans {@code store} once. */
    public static StoreSummary of(EventStore store) {
        Map<String, long[]> perUser = new HashMap<>(); // {events, last seq}
        Map<String, long[]> perItem = new HashMap<>();
        Map<String, long[]> actions = new HashMap<>();
        List<Long> times = new ArrayList<>();
        List<String> timeActions = new ArrayList<>();
        long[] n = {0};
        store.scan((seq, user, item, action, ts) -> {
            long[] u = perUser.computeIfAbsent(user, k -> new long[2]);
            u[0]++;
            u[1] = seq;
            perItem.computeIfAbsent(item, k -> new long[1])[0]++;
            actions.computeIfAbsent(action, k -> new long[1])[0]++;
            times.add(ts);
            timeActions.add(action);
            n[0]++;
        });
        return new StoreSummary(n[0], perUser.size(), perItem.size(), lengths(perUser), tail(perItem),
                topShare(perItem, n[0]), gini(perItem), bucket(times), timeline(times, timeActions, bucket(times)),
                counts(actions), recent(perUser));
    }

    /** Users per length bucket: 1, 2, 3-4, 5-8, ... up to the longest sequence. */
    static Map<String, Long> lengths(Map<String, long[]> perUser) {
        TreeMap<Integer, Long> byBucket = new TreeMap<>();
        for (long[] u : perUser.values()) {
            byBucket.merge(bucketOf(u[0]), 1L, Long::sum);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        if (byBucket.isEmpty()) {
            return out;
        }
        for (int b = 0; b <= byBucket.lastKey(); b++) {
            long lo = b == 0 ? 1 : (1L << (b - 1)) + 1;
            long hi = 1L << b;
            out.put(lo == hi ? Long.toString(lo) : lo + "-" + hi, byBucket.getOrDefault(b, 0L));
        }
        return out;
    }

    /** Bucket b holds lengths in (2^(b-1), 2^b]. */
    static int bucketOf(long length) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, length) - 1);
    }

    private static long[] sortedCounts(Map<String, long[]> perItem) {
        long[] c = perItem.values().stream().mapToLong(a -> a[0]).toArray();
        Arrays.sort(c);
        return c; // ascending
    }

    static List<long[]> tail(Map<String, long[]> perItem) {
        long[] asc = sortedCounts(perItem);
        int m = asc.length;
        List<long[]> out = new ArrayList<>();
        long last = 0;
        for (int k = 0; k < 200 && m > 0; k++) {
            long rank = Math.max(1, Math.round(Math.pow(m, k / 199.0)));
            if (rank == last) {
                continue;
            }
            last = rank;
            out.add(new long[]{rank, asc[m - (int) rank]});
        }
        return out;
    }

    static Map<String, Double> topShare(Map<String, long[]> perItem, long events) {
        long[] asc = sortedCounts(perItem);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int pct : new int[]{1, 10, 20}) {
            int top = (int) Math.ceil(asc.length * pct / 100.0);
            long sum = 0;
            for (int i = 0; i < top; i++) {
                sum += asc[asc.length - 1 - i];
            }
            out.put(pct + "%", events == 0 ? 0 : (double) sum / events);
        }
        return out;
    }

    /** Gini of the counts: sum_i (2i - m - 1) x_i / (m sum x), x ascending, i from 1. */
    static double gini(Map<String, long[]> perItem) {
        long[] asc = sortedCounts(perItem);
        int m = asc.length;
        double num = 0;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            num += (2.0 * (i + 1) - m - 1) * asc[i];
            sum += asc[i];
        }
        return m == 0 || sum == 0 ? 0 : num / (m * sum);
    }

    /** The narrowest bucket from the list that covers the time span in at most 120 buckets. */
    static long bucket(List<Long> times) {
        if (times.isEmpty()) {
            return BUCKETS[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : times) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        for (long b : BUCKETS) {
            if ((max / b) - (min / b) + 1 <= MAX_BUCKETS) {
                return b;
            }
        }
        return BUCKETS[BUCKETS.length - 1];
    }

    private static Map<Long, Map<String, Long>> timeline(List<Long> times, List<String> actions, long bucket) {
        TreeMap<Long, Map<String, Long>> out = new TreeMap<>();
        for (int i = 0; i < times.size(); i++) {
            long start = Math.floorDiv(times.get(i), bucket) * bucket;
            out.computeIfAbsent(start, k -> new TreeMap<>()).merge(actions.get(i), 1L, Long::sum);
        }
        return out;
    }

    private static Map<String, Long> counts(Map<String, long[]> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    private static List<String> recent(Map<String, long[]> perUser) {
        return perUser.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(RECENT).map(Map.Entry::getKey).toList();
    }
}
