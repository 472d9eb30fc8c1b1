package dev.seqmind.data.stats;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Descriptive statistics of a {@link SequenceDataset}. Immutable; {@link #of} reads the dataset once and sorts
 * two count arrays (users and items), so it is cheap next to loading. Render with {@link StatsRenderer}.
 *
 * @param name         the dataset's name
 * @param users        users (including any without events)
 * @param items        items
 * @param interactions events
 * @param density      {@code interactions / (users * items)}, 0 when either is 0
 * @param lengths      the distribution of events per user
 * @param popularity   how events spread over items
 * @param actions      events per action type, in dense-id order
 * @param time         first and last event time
 */
public record DatasetStats(String name, int users, int items, long interactions, double density,
                           LengthStats lengths, PopularityStats popularity, List<ActionCount> actions,
                           TimeSpan time) {
    public DatasetStats {
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
    }

    /**
     * Events per user.
     *
     * @param histogram users per length bucket: {@code [0,0]} (only when some user has no events), {@code [1,1]},
     *                  {@code [2,2]}, {@code [3,4]}, {@code [5,8]}, ... doubling, up to the bucket holding the max
     */
    public record LengthStats(long min, double median, double mean, double p90, double p99, long max,
                              List<Bucket> histogram) {
        public LengthStats {
            histogram = List.copyOf(histogram);
        }
    }

    /** {@code users} users have between {@code from} and {@code to} events, both inclusive. */
    public record Bucket(long from, long to, long users) {
    }

    /**
     * Item popularity: shares of all events that fall on the most popular 1%, 10% and 20% of items (at least one
     * item each), the Gini coefficient of events per item (all items, including those without events), and how
     * many items have no event.
     */
    public record PopularityStats(double top1PercentShare, double top10PercentShare, double top20PercentShare,
                                  double gini, int itemsWithoutEvents, long maxItemEvents) {
    }

    /** Events of one action type and their share of all events. */
    public record ActionCount(String action, long events, double share) {
    }

    /**
     * First and last event time as stored (see {@link TimeKind}); as ISO-8601 instants when the kind is
     * {@link TimeKind#EPOCH_MILLIS}, else empty strings. {@code days} is the span in days for epoch times, else 0.
     * All zero/empty when there is no event.
     */
    public record TimeSpan(TimeKind kind, long first, long last, String firstIso, String lastIso, double days) {
    }

    public static DatasetStats of(SequenceDataset data) {
        int users = data.numUsers();
        int items = data.numItems();
        long n = data.numInteractions();
        long[] lengths = new long[users];
        for (int u = 0; u < users; u++) {
            lengths[u] = data.length(u);
        }
        Arrays.sort(lengths);
        int[] itemCounts = data.itemCounts();
        long[] pop = new long[items];
        int cold = 0;
        for (int i = 0; i < items; i++) {
            pop[i] = itemCounts[i];
            if (pop[i] == 0) {
                cold++;
            }
        }
        Arrays.sort(pop);
        long[] perAction = data.actionCounts();
        List<ActionCount> actions = new ArrayList<>();
        for (int a = 0; a < perAction.length; a++) {
            actions.add(new ActionCount(data.actions().externalId(a), perAction[a], n == 0 ? 0 : perAction[a] / (double) n));
        }
        double density = users == 0 || items == 0 ? 0 : n / ((double) users * items);
        return new DatasetStats(data.info().name(), users, items, n, density, lengthStats(lengths, n),
                new PopularityStats(Distribution.topShare(pop, 0.01), Distribution.topShare(pop, 0.10),
                        Distribution.topShare(pop, 0.20), Distribution.gini(pop), cold,
                        items == 0 ? 0 : pop[items - 1]),
                actions, timeSpan(data));
    }

    private static LengthStats lengthStats(long[] sorted, long total) {
        int users = sorted.length;
        if (users == 0) {
            return new LengthStats(0, 0, 0, 0, 0, 0, List.of());
        }
        long max = sorted[users - 1];
        List<Bucket> buckets = new ArrayList<>();
        int i = 0;
        if (sorted[0] == 0) {
            int j = i;
            while (j < users && sorted[j] == 0) {
                j++;
            }
            buckets.add(new Bucket(0, 0, j));
            i = j;
        }
        for (long from = 1, to = 1; max > 0 && from <= max; from = to + 1, to = Math.max(to * 2, from)) {
            int j = i;
            while (j < users && sorted[j] <= to) {
                j++;
            }
            buckets.add(new Bucket(from, to, j - i));
            i = j;
            if (to >= max) {
                break;
            }
        }
        return new LengthStats(sorted[0], Distribution.quantile(sorted, 0.5), total / (double) users,
                Distribution.quantile(sorted, 0.9), Distribution.quantile(sorted, 0.99), max, buckets);
    }

    private static TimeSpan timeSpan(SequenceDataset data) {
        TimeKind kind = data.info().timeKind();
        if (data.numInteractions() == 0) {
            return new TimeSpan(kind, 0, 0, "", "", 0);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.length(u) > 0) {
                first = Math.min(first, data.time(data.start(u)));
                last = Math.max(last, data.time(data.end(u) - 1));
            }
        }
        if (kind == TimeKind.EPOCH_MILLIS) {
            return new TimeSpan(kind, first, last, Instant.ofEpochMilli(first).toString(),
                    Instant.ofEpochMilli(last).toString(), (last - first) / 86_400_000.0);
        }
        return new TimeSpan(kind, first, last, "", "", 0);
    }
}
