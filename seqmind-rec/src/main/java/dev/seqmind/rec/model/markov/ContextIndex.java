package dev.seqmind.rec.model.markov;

import java.util.Arrays;

/**
 * Open-addressing map from a packed context key (non-negative long) to a dense row id assigned in insertion order.
 * Absent is {@code -1}. Power-of-two capacity, linear probing, load factor at most 1/2. Not thread-safe while being
 * filled; safe to read from many threads once filling is done.
 */
final class ContextIndex {
    private static final long EMPTY = -1L;
    private long[] keys;
    private int[] rows;
    private int mask;
    private int size;

    ContextIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        rows = new int[cap];
        mask = cap - 1;
    }

    /** An index whose row {@code i} is {@code rowKeys[i]}. */
    static ContextIndex of(long[] rowKeys) {
        ContextIndex idx = new ContextIndex(rowKeys.length);
        for (long k : rowKeys) {
            idx.getOrAdd(k);
        }
        return idx;
    }

    int size() {
        return size;
    }

    /** The row of {@code key}, or {@code -1}. */
    int get(long key) {
        int pos = slot(key);
        while (true) {
            long k = keys[pos];
            if (k == key) {
                return rows[pos];
            }
            if (k == EMPTY) {
                return -1;
            }
            pos = (pos + 1) & mask;
        }
    }

    /** The row of {@code key}, adding it as row {@code size()} when new. */
    int getOrAdd(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("context key " + key + " is negative");
        }
        int pos = slot(key);
        while (true) {
            long k = keys[pos];
            if (k == key) {
                return rows[pos];
            }
            if (k == EMPTY) {
                keys[pos] = key;
                rows[pos] = size;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            pos = (pos + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        rows = new int[keys.length];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int pos = slot(oldKeys[i]);
                while (keys[pos] != EMPTY) {
                    pos = (pos + 1) & mask;
                }
                keys[pos] = oldKeys[i];
                rows[pos] = oldRows[i];
            }
        }
    }
}
