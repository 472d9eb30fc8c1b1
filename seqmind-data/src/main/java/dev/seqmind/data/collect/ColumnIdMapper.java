package dev.seqmind.data.collect;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.LongDenseIds;

import java.util.Arrays;

/**
 * Assigns dense ids (first-seen order) to the values of an id column, in the cheapest of three modes:
 * <ol>
 *   <li>direct: while every value is a small non-negative number, an {@code int[]} indexed by the value (4 bytes a
 *       slot; most logs number users and items compactly, and a small array stays in cache where a hash table
 *       does not);</li>
 *   <li>hash: numbers that are large or sparse go through a primitive {@code long -> int} hash map;</li>
 *   <li>string: at the first value that is not a canonical number, everything moves to string keys.</li>
 * </ol>
 * The external ids are the values' text in every mode, so the mode never shows in the result. Not thread-safe.
 */
public final class ColumnIdMapper {
    /** The direct table never grows past this many slots (64 MiB). */
    private static final int MAX_DIRECT = 1 << 24;

    private int[] direct = new int[1 << 16]; // dense id + 1; 0 = not seen
    private LongDenseIds numeric;
    private long[] numericKeys;
    private IdMap.Builder strings;
    private int size;

    public ColumnIdMapper(int expected) {
        numericKeys = new long[Math.max(16, expected)];
    }

    /** Dense id of an id that was written as a canonical decimal number (see {@link CanonicalNumber}). */
    public int id(long canonicalNumber) {
        if (direct != null) {
            if (canonicalNumber >= 0 && canonicalNumber < direct.length) {
                int v = direct[(int) canonicalNumber];
                if (v != 0) {
                    return v - 1;
                }
                direct[(int) canonicalNumber] = size + 1;
                return remember(canonicalNumber);
            }
            if (!growDirect(canonicalNumber)) {
                switchToHash();
            }
            return id(canonicalNumber);
        }
        if (numeric != null) {
            int id = numeric.getOrAdd(canonicalNumber);
            return id == size ? remember(canonicalNumber) : id;
        }
        return strings.getOrAdd(Long.toString(canonicalNumber));
    }

    private int remember(long key) {
        if (size == numericKeys.length) {
            numericKeys = Arrays.copyOf(numericKeys, size * 2);
        }
        numericKeys[size] = key;
        return size++;
    }

    /** Grows the direct table to hold {@code n} if that keeps it small and dense enough. */
    private boolean growDirect(long n) {
        if (n < 0 || n >= MAX_DIRECT || n > 16L * size + (1 << 20)) {
            return false;
        }
        int len = direct.length;
        while (len <= n) {
            len *= 2;
        }
        direct = Arrays.copyOf(direct, Math.min(len, MAX_DIRECT));
        return true;
    }

    private void switchToHash() {
        numeric = LongDenseIds.of(Arrays.copyOf(numericKeys, size));
        direct = null;
    }

    public int id(String value) {
        if (strings == null) {
            long n = CanonicalNumber.parse(value);
            if (n != CanonicalNumber.NOT_CANONICAL) {
                return id(n);
            }
            switchToStrings();
        }
        return strings.getOrAdd(value);
    }

    private void switchToStrings() {
        strings = new IdMap.Builder(Math.max(16, size * 2));
        for (int i = 0; i < size; i++) {
            strings.getOrAdd(Long.toString(numericKeys[i]));
        }
        direct = null;
        numeric = null;
        numericKeys = null;
    }

    public int size() {
        return strings != null ? strings.size() : size;
    }

    public IdMap build() {
        if (strings != null) {
            return strings.build();
        }
        String[] ids = new String[size];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.toString(numericKeys[i]);
        }
        return IdMap.of(ids);
    }
}
