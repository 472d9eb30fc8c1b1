package dev.seqmind.data.model;

import java.util.Arrays;

/**
 * Numbers {@code long} keys densely, {@code 0, 1, ...} in first-seen order, without boxing: the one primitive hash
 * table behind numeric id mapping at ingest, SPMF item renumbering and Markov context rows. Open addressing with
 * linear probing over a power-of-two table whose slots hold key and id side by side (one cache line per probe), load
 * factor at most 0.6. Any {@code long} is a valid key. Not thread-safe while being filled; safe to read from many
 * threads afterwards.
 */
public final class LongDenseIds {
    /** Returned by {@link #get} for a key never added. */
    public static final int ABSENT = -1;
    private static final long EMPTY = -1L;

    private long[] slots; // [2i] = key, [2i+1] = dense id or EMPTY
    private long[] keys = new long[16]; // dense id -> key
    private int mask;
    private int size;
    private int resizeAt;

    public LongDenseIds(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 29, expected * 2L)) - 1) << 1;
        allocate(cap);
    }

    /** Keys numbered {@code 0..keys.length-1} in the given order; the keys must be distinct. */
    public static LongDenseIds of(long[] keys) {
        LongDenseIds ids = new LongDenseIds(keys.length);
        for (long k : keys) {
            if (ids.getOrAdd(k) != ids.size() - 1) {
                throw new IllegalArgumentException("key " + k + " appears twice");
            }
        }
        return ids;
    }

    public int size() {
        return size;
    }

    /** The dense id of {@code key}, or {@link #ABSENT}. */
    public int get(long key) {
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

    /** The dense id of {@code key}, giving it the next id ({@code size()} before the call) when it is new. */
    public int getOrAdd(long key) {
        final long[] s = slots;
        int i = slot(key);
        while (true) {
            long v = s[2 * i + 1];
            if (v == EMPTY) {
                int id = size;
                s[2 * i] = key;
                s[2 * i + 1] = id;
                if (id == keys.length) {
                    keys = Arrays.copyOf(keys, id * 2);
                }
                keys[id] = key;
                if (++size > resizeAt) {
                    rehash();
                }
                return id;
            }
            if (s[2 * i] == key) {
                return (int) v;
            }
            i = (i + 1) & mask;
        }
    }

    /** The key numbered {@code id}. */
    public long key(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("id " + id + " of " + size);
        }
        return keys[id];
    }

    private void allocate(int cap) {
        slots = new long[cap * 2];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = cap - 1;
        resizeAt = (int) (cap * 0.6);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
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
