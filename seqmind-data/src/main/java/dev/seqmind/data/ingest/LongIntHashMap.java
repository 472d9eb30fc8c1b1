package dev.seqmind.data.ingest;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} keys to non-negative {@code int} values, for id mapping in the ingest hot
 * loop without boxing. Keys and values are interleaved in parallel arrays of power-of-two capacity; absent is
 * {@link #ABSENT}. Not thread-safe.
 */
final class LongIntHashMap {
    static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private int resizeAt;

    LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, ABSENT);
        mask = cap - 1;
        resizeAt = (int) (cap * 0.65);
    }

    int size() {
        return size;
    }

    int get(long key) {
        int i = slot(key);
        while (true) {
            int v = values[i];
            if (v == ABSENT || keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value of {@code key}, or {@code candidate} after storing it when the key is new. */
    int getOrPut(long key, int candidate) {
        int i = slot(key);
        while (true) {
            int v = values[i];
            if (v == ABSENT) {
                keys[i] = key;
                values[i] = candidate;
                if (++size > resizeAt) {
                    rehash();
                }
                return candidate;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                int j = slot(oldKeys[i]);
                while (values[j] != ABSENT) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
