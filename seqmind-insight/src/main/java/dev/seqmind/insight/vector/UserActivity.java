package dev.seqmind.insight.vector;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;

import java.util.Arrays;

/**
 * Per-user activity counts from one pass over a dataset: events, distinct items, and, when the dataset has clock
 * times, days since the user's last event (relative to the dataset's last event), distinct active days, and
 * sessions (a new session starts after more than {@link #SESSION_GAP_MILLIS} without an event) with their mean
 * duration. Without clock times those are {@code NaN}. Immutable; arrays are indexed by dense user id and are the
 * object's own (do not modify).
 */
public final class UserActivity {
    /** Thirty minutes, the usual web-analytics session timeout. */
    public static final long SESSION_GAP_MILLIS = 30 * 60_000L;
    private static final double DAY_MILLIS = 86_400_000.0;

    private final boolean timed;
    private final int[] events;
    private final int[] distinctItems;
    private final double[] recencyDays;
    private final int[] activeDays;
    private final int[] sessions;
    private final double[] sessionMinutes;

    private UserActivity(boolean timed, int[] events, int[] distinctItems, double[] recencyDays, int[] activeDays,
                         int[] sessions, double[] sessionMinutes) {
        this.timed = timed;
        this.events = events;
        this.distinctItems = distinctItems;
        this.recencyDays = recencyDays;
        this.activeDays = activeDays;
        this.sessions = sessions;
        this.sessionMinutes = sessionMinutes;
    }

    public static UserActivity of(SequenceDataset data) {
        int n = data.numUsers();
        boolean timed = data.info().timeKind() == TimeKind.EPOCH_MILLIS;
        int[] events = new int[n];
        int[] distinct = new int[n];
        double[] recency = new double[n];
        int[] days = new int[n];
        int[] sessions = new int[n];
        double[] minutes = new double[n];
        long last = Long.MIN_VALUE;
        for (int u = 0; u < n; u++) {
            if (data.length(u) > 0) {
                last = Math.max(last, data.time(data.end(u) - 1));
            }
        }
        for (int u = 0; u < n; u++) {
            int from = data.start(u);
            int to = data.end(u);
            events[u] = to - from;
            distinct[u] = (int) Arrays.stream(data.itemsOf(u)).distinct().count();
            if (!timed || to == from) {
                recency[u] = Double.NaN;
                minutes[u] = Double.NaN;
                continue;
            }
            recency[u] = (last - data.time(to - 1)) / DAY_MILLIS;
            long sessionStart = data.time(from);
            long durationSum = 0;
            int s = 1;
            int d = 1;
            for (int i = from + 1; i < to; i++) {
                if (data.time(i) - data.time(i - 1) > SESSION_GAP_MILLIS) {
                    durationSum += data.time(i - 1) - sessionStart;
                    sessionStart = data.time(i);
                    s++;
                }
                if (Math.floorDiv(data.time(i), 86_400_000L) != Math.floorDiv(data.time(i - 1), 86_400_000L)) {
                    d++;
                }
            }
            durationSum += data.time(to - 1) - sessionStart;
            sessions[u] = s;
            days[u] = d;
            minutes[u] = durationSum / 60_000.0 / s;
        }
        return new UserActivity(timed, events, distinct, recency, days, sessions, minutes);
    }

    /** True when the dataset has clock times (recency, days and sessions are known). */
    public boolean timed() {
        return timed;
    }

    public int events(int user) {
        return events[user];
    }

    public int distinctItems(int user) {
        return distinctItems[user];
    }

    /** Days from the user's last event to the dataset's last event; NaN without clock times. */
    public double recencyDays(int user) {
        return recencyDays[user];
    }

    /** Distinct calendar days (UTC) with an event; 0 without clock times. */
    public int activeDays(int user) {
        return activeDays[user];
    }

    /** Sessions; 0 without clock times. */
    public int sessions(int user) {
        return sessions[user];
    }

    /** Mean session length in minutes (first to last event of the session); NaN without clock times. */
    public double sessionMinutes(int user) {
        return sessionMinutes[user];
    }
}
