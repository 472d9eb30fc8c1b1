package dev.seqmind.server.live;

import java.util.Arrays;

/**
 * How often each item occurs among the last {@code window} events (server item ids): the labelled fallback for
 * users with no history. Counts are kept incrementally; {@link #top} scans them (O(items)). Thread-safe
 * (synchronised; one writer, rare readers).
 */
public final class RecentPopularity {
    private final int[] ring;
    private final String[] owners;
    private int next;
    private int filled;
    private int empty;
    private int[] counts = new int[1024];

    public RecentPopularity(int window) {
        this.ring = new int[window];
        this.owners = new String[window];
    }

    /** Counts one event of {@code item} by {@code user} (kept beside it so {@link #forget} can take it back). */
    public synchronized void add(int item, String user) {
        if (filled == ring.length) {
            if (ring[next] >= 0) {
                counts[ring[next]]--;
            } else {
                empty--;
            }
        } else {
            filled++;
        }
        if (item >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(item + 1, counts.length * 2));
        }
        ring[next] = item;
        owners[next] = user;
        counts[item]++;
        next = (next + 1) % ring.length;
    }

    /** Takes back every event of {@code user} still in the window (erasure); their slots age out as empty. */
    public synchronized void forget(String user) {
        for (int i = 0; i < filled; i++) {
            if (ring[i] >= 0 && user.equals(owners[i])) {
                counts[ring[i]]--;
                ring[i] = -1;
                owners[i] = null;
                empty++;
            }
        }
    }

    /** Up to {@code k} items with the highest recent counts, most frequent first (ties: lower id), and counts. */
    public synchronized int[][] top(int k) {
        int[] best = new int[k];
        int[] bestCount = new int[k];
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c <= 0 || (n == k && c <= bestCount[n - 1])) {
                continue;
            }
            int at = n < k ? n++ : k - 1;
            while (at > 0 && bestCount[at - 1] < c) {
                best[at] = best[at - 1];
                bestCount[at] = bestCount[at - 1];
                at--;
            }
            best[at] = i;
            bestCount[at] = c;
        }
        return new int[][] {Arrays.copyOf(best, n), Arrays.copyOf(bestCount, n)};
    }

    public synchronized int events() {
        return filled - empty;
    }
}
