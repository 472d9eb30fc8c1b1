package dev.seqmind.data.ingest;

import dev.seqmind.data.model.IdMap;

import java.util.Arrays;

/**
 * Assigns dense ids (first-seen order) to the values of an id column. While every value is a canonical decimal
 * number it maps {@code long}s through a primitive hash map, so no string is created per row; at the first value
 * that is not, it moves what it has to string keys and goes on with those. Either way the external ids are the
 * values' text. Not thread-safe.
 */
public final class ColumnIdMapper {
    private LongIntHashMap numeric;
    private long[] numericKeys;
    private IdMap.Builder strings;

    public ColumnIdMapper(int expected) {
        numeric = new LongIntHashMap(expected);
        numericKeys = new long[Math.max(16, expected)];
    }

    /** Dense id of an id that was written as a canonical decimal number (see {@link CanonicalNumber}). */
    public int id(long canonicalNumber) {
        if (numeric == null) {
            return strings.getOrAdd(Long.toString(canonicalNumber));
        }
        int next = numeric.size();
        int id = numeric.getOrPut(canonicalNumber, next);
        if (id == next) {
            if (next == numericKeys.length) {
                numericKeys = Arrays.copyOf(numericKeys, next * 2);
            }
            numericKeys[next] = canonicalNumber;
        }
        return id;
    }

    public int id(String value) {
        if (numeric != null) {
            long n = CanonicalNumber.parse(value);
            if (n != CanonicalNumber.NOT_CANONICAL) {
                return id(n);
            }
            switchToStrings();
        }
        return strings.getOrAdd(value);
    }

    private void switchToStrings() {
        strings = new IdMap.Builder(Math.max(16, numeric.size() * 2));
        for (int i = 0; i < numeric.size(); i++) {
            strings.getOrAdd(Long.toString(numericKeys[i]));
        }
        numeric = null;
        numericKeys = null;
    }

    public int size() {
        return numeric != null ? numeric.size() : strings.size();
    }

    public IdMap build() {
        if (strings != null) {
            return strings.build();
        }
        String[] ids = new String[numeric.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.toString(numericKeys[i]);
        }
        return IdMap.of(ids);
    }
}
