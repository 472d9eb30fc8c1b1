package dev.seqmind.data.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable two-way map between external ids (strings as they appear in the input) and dense ids {@code 0..size-1}.
 * Dense ids are assigned in first-seen order by {@link Builder}. Absent lookups return {@code -1}.
 * Thread-safe once built.
 */
public final class IdMap {
    /** Returned by {@link #denseId(String)} for an external id that is not in the map. */
    public static final int ABSENT = -1;

    private final String[] external;
    private final Map<String, Integer> dense;

    private IdMap(String[] external, Map<String, Integer> dense) {
        this.external = external;
        this.dense = dense;
    }

    /** Builds a map whose dense id {@code i} is {@code externalIds.get(i)}; ids must be distinct. */
    public static IdMap of(List<String> externalIds) {
        Builder b = new Builder(externalIds.size());
        for (String id : externalIds) {
            if (b.getOrAdd(id) != b.size() - 1) {
                throw new IllegalArgumentException("duplicate external id '" + id + "'");
            }
        }
        return b.build();
    }

    /** A map of {@code n} ids whose external id is the dense id's decimal string offset by {@code firstExternal}. */
    public static IdMap sequential(int n, int firstExternal) {
        Builder b = new Builder(n);
        for (int i = 0; i < n; i++) {
            b.getOrAdd(Integer.toString(firstExternal + i));
        }
        return b.build();
    }

    public int size() {
        return external.length;
    }

    /** The dense id of {@code externalId}, or {@link #ABSENT}. */
    public int denseId(String externalId) {
        Integer id = dense.get(externalId);
        return id == null ? ABSENT : id;
    }

    /** The external id of {@code denseId}; throws {@link IndexOutOfBoundsException} outside {@code [0, size)}. */
    public String externalId(int denseId) {
        return external[denseId];
    }

    public boolean contains(String externalId) {
        return dense.containsKey(externalId);
    }

    /** External ids in dense-id order (a copy). */
    public List<String> externalIds() {
        return List.of(external);
    }

    /** Keeps the entries whose dense id has {@code keep[id]}, renumbering them densely in the same order. */
    public IdMap retain(boolean[] keep) {
        Builder b = new Builder(external.length);
        for (int i = 0; i < external.length; i++) {
            if (keep[i]) {
                b.getOrAdd(external[i]);
            }
        }
        return b.build();
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

    /** Mutable, single-threaded builder assigning dense ids in first-seen order. */
    public static final class Builder {
        private final HashMap<String, Integer> dense;
        private String[] external;
        private int size;

        public Builder() {
            this(16);
        }

        public Builder(int expected) {
            dense = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
            external = new String[Math.max(16, expected)];
        }

        /** The dense id of {@code externalId}, assigning the next one if it is new. */
        public int getOrAdd(String externalId) {
            Objects.requireNonNull(externalId, "externalId");
            Integer id = dense.get(externalId);
            if (id != null) {
                return id;
            }
            if (size == external.length) {
                external = Arrays.copyOf(external, size * 2);
            }
            external[size] = externalId;
            dense.put(externalId, size);
            return size++;
        }

        public int denseId(String externalId) {
            Integer id = dense.get(externalId);
            return id == null ? ABSENT : id;
        }

        public int size() {
            return size;
        }

        public IdMap build() {
            return new IdMap(Arrays.copyOf(external, size), Map.copyOf(dense));
        }
    }
}
