package dev.seqmind.data.collect;

/**
 * Open-addressing map from {@code long} keys to non-negative {@code int} values, for id mapping in the ingest hot
 * loop without boxing. Each slot holds its key and value side by side in one {@code long[]} (one cache line per
 * probe), capacity is a power of two, linear probing; absent is {@link #ABSENT}. Not thread-safe.
 */
final class LongIntHashMap {
    static final int ABSENT = -1;
    private static final long EMPTY = -1L;

    private long[] slots; // [2i] = key, [2i+1] = value or EMPTY
    private int mask;
    private int size;
    private int resizeAt;

    LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 29, expected * 2L)) - 1) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        slots = new long[cap * 2];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = cap - 1;
        resizeAt = (int) (cap * 0.6);
    }

    int size() {
        return size;
    }

    int get(long key) {
        final long[] s = slots;
        int i = slot(key);
        while (true) {
            long v = s[2 * i + 1];
            if (v == EMPTY) {
                return ABSENT;
            }
            if (s[2 * i] == key) {
                return (int) v;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value of {@code key}, or {@code candidate} after storing it when the key is new. */
    int getOrPut(long key, int candidate) {
        final long[] s = slots;
        int i = slot(key);
        while (true) {
            long v = s[2 * i + 1];
            if (v == EMPTY) {
                s[2 * i] = key;
                s[2 * i + 1] = candidate;
                if (++size > resizeAt) {
                    rehash();
                }
                return candidate;
            }
            if (s[2 * i] == key) {
                return (int) v;
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    private void rehash() {
        long[] old = slots;
        allocate((mask + 1) * 2);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != EMPTY) {
                int j = slot(old[i]);
                while (slots[2 * j + 1] != EMPTY) {
                    j = (j + 1) & mask;
                }
                slots[2 * j] = old[i];
                slots[2 * j + 1] = old[i + 1];
            }
        }
    }
}
