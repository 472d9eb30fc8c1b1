package dev.seqmind.data.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Immutable two-way map between external ids (strings as they appear in the input) and dense ids {@code 0..size-1}.
 * Dense ids are assigned in first-seen order by {@link Builder}. Absent lookups return {@link #ABSENT}.
 * The reverse index is an open-addressing table of dense ids (no boxing, about 8 bytes per id beside the strings).
 * Thread-safe once built.
 */
public final class IdMap {
    /** Returned by {@link #denseId(String)} for an external id that is not in the map. */
    public static final int ABSENT = -1;

    private final String[] external;
    private final int[] table; // dense id + 1; 0 = empty slot

    private IdMap(String[] external, int[] table) {
        this.external = external;
        this.table = table;
    }

    /** Builds a map whose dense id {@code i} is {@code externalIds.get(i)}; ids must be distinct. */
    public static IdMap of(List<String> externalIds) {
        return of(externalIds.toArray(new String[0]));
    }

    /** Adopts {@code externalIds} (not copied); dense id {@code i} is element {@code i}; ids must be distinct. */
    public static IdMap of(String[] externalIds) {
        int[] table = new int[capacityFor(externalIds.length)];
        for (int i = 0; i < externalIds.length; i++) {
            String id = Objects.requireNonNull(externalIds[i], "externalId");
            if (insert(table, externalIds, id, i) != i) {
                throw new IllegalArgumentException("duplicate external id '" + id + "'");
            }
        }
        return new IdMap(externalIds, table);
    }

    /** A map of {@code n} ids whose external id is the dense id's decimal string offset by {@code firstExternal}. */
    public static IdMap sequential(int n, int firstExternal) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(firstExternal + i);
        }
        return of(ids);
    }

    public int size() {
        return external.length;
    }

    /** The dense id of {@code externalId}, or {@link #ABSENT}. */
    public int denseId(String externalId) {
        return find(table, external, externalId);
    }

    /** The external id of {@code denseId}; throws {@link IndexOutOfBoundsException} outside {@code [0, size)}. */
    public String externalId(int denseId) {
        return external[denseId];
    }

    public boolean contains(String externalId) {
        return denseId(externalId) != ABSENT;
    }

    /** External ids in dense-id order (an unmodifiable view). */
    public List<String> externalIds() {
        return Collections.unmodifiableList(Arrays.asList(external));
    }

    /** Keeps the entries whose dense id has {@code keep[id]}, renumbering them densely in the same order. */
    public IdMap retain(boolean[] keep) {
        int n = 0;
        for (int i = 0; i < external.length; i++) {
            if (keep[i]) {
                n++;
            }
        }
        String[] kept = new String[n];
        int k = 0;
        for (int i = 0; i < external.length; i++) {
            if (keep[i]) {
                kept[k++] = external[i];
            }
        }
        return of(kept);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdMap other && Arrays.equals(external, other.external);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(external);
    }

    @Override
    public String toString() {
        return "IdMap[size=" + external.length + "]";
    }

    private static int capacityFor(int n) {
        return Integer.highestOneBit(Math.max(8, (int) Math.min(1 << 30, n * 2L)) - 1) << 1;
    }

    private static int slot(String s, int mask) {
        int h = s.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private static int find(int[] table, String[] external, String id) {
        int mask = table.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return ABSENT;
            }
            if (external[v - 1].equals(id)) {
                return v - 1;
            }
        }
    }

    /** Inserts dense id {@code candidate} for {@code id} unless present; returns the id stored for it. */
    private static int insert(int[] table, String[] external, String id, int candidate) {
        int mask = table.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                table[i] = candidate + 1;
                return candidate;
            }
            if (external[v - 1].equals(id)) {
                return v - 1;
            }
        }
    }

    /** Mutable, single-threaded builder assigning dense ids in first-seen order. */
    public static final class Builder {
        private String[] external;
        private int[] table;
        private int size;

        public Builder() {
            this(16);
        }

        public Builder(int expected) {
            external = new String[Math.max(16, expected)];
            table = new int[capacityFor(Math.max(16, expected))];
        }

        /** The dense id of {@code externalId}, assigning the next one if it is new. */
        public int getOrAdd(String externalId) {
            Objects.requireNonNull(externalId, "externalId");
            if (size == external.length) {
                external = Arrays.copyOf(external, size * 2);
            }
            external[size] = externalId; // tentatively: insert compares against it only if it takes the slot
            int id = insert(table, external, externalId, size);
            if (id != size) {
                external[size] = null;
                return id;
            }
            size++;
            if (size * 2L > table.length) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            int[] t = new int[table.length * 2];
            for (int i = 0; i < size; i++) {
                insert(t, external, external[i], i);
            }
            table = t;
        }

        public int denseId(String externalId) {
            return find(table, external, externalId);
        }

        public int size() {
            return size;
        }

        public IdMap build() {
            return new IdMap(Arrays.copyOf(external, size), table.clone());
        }
    }
}
