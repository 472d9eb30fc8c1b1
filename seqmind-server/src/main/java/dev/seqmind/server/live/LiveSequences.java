package dev.seqmind.server.live;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's most recent {@code maxLength} items (server item ids, see {@link ItemDictionary}) in a primitive ring
 * buffer. One writer (the store's commit listener) appends; any thread copies a history out. Thread-safe: each
 * user's buffer is guarded by its own lock, held only for an array copy.
 */
public final class LiveSequences {
    private final int maxLength;
    private final ConcurrentHashMap<String, Ring> users = new ConcurrentHashMap<>();

    public LiveSequences(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, but got " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** Appends {@code item} to {@code user}'s sequence, dropping the oldest beyond the maximum length. */
    public void append(String user, int item) {
        users.computeIfAbsent(user, u -> new Ring()).add(item, maxLength);
    }

    /** {@code user}'s items, oldest first; empty for an unknown user. Returns a copy. */
    public int[] history(String user) {
        Ring r = users.get(user);
        return r == null ? new int[0] : r.copy();
    }

    /** Forgets {@code user}; true when there was something to forget. */
    public boolean remove(String user) {
        return users.remove(user) != null;
    }

    public int users() {
        return users.size();
    }

    public int maxLength() {
        return maxLength;
    }

    /** Grows to {@code maxLength}, then overwrites the oldest. */
    private static final class Ring {
        private int[] items = new int[8];
        private int start;
        private int size;

        synchronized void add(int item, int max) {
            if (size < items.length) {
                items[(start + size) % items.length] = item;
                size++;
                return;
            }
            if (items.length < max) {
                int[] grown = new int[Math.min(max, items.length * 2)];
                for (int i = 0; i < size; i++) {
                    grown[i] = items[(start + i) % items.length];
                }
                items = grown;
                start = 0;
                items[size++] = item;
                return;
            }
            items[start] = item;
            start = (start + 1) % items.length;
        }

        synchronized int[] copy() {
            int[] out = new int[size];
            int first = Math.min(size, items.length - start);
            System.arraycopy(items, start, out, 0, first);
            System.arraycopy(items, 0, out, first, size - first);
            return out;
        }
    }
}
