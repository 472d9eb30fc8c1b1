package dev.seqmind.rec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vectors of other modalities that come with items added after a model was fitted ({@link ItemExtensible}): by
 * modality name, then by item id. An item without a vector of a modality is masked for it, as in training. The arrays
 * are not copied; nothing may write them after construction.
 *
 * @param byModality modality name to (item id to vector)
 */
public record AddedItemVectors(Map<String, Map<String, float[]>> byModality) {
    /** No vectors. */
    public static final AddedItemVectors NONE = new AddedItemVectors(Map.of());

    public AddedItemVectors {
        Map<String, Map<String, float[]>> copy = new LinkedHashMap<>();
        byModality.forEach((m, v) -> copy.put(m, Map.copyOf(v)));
        byModality = java.util.Collections.unmodifiableMap(copy);
    }

    /** Item {@code id}'s vector of {@code modality}, or {@code null}. */
    public float[] get(String modality, String id) {
        Map<String, float[]> m = byModality.get(modality);
        return m == null ? null : m.get(id);
    }

    /** These vectors with {@code more}'s added (theirs win for an item both have). */
    public AddedItemVectors plus(AddedItemVectors more) {
        Map<String, Map<String, float[]>> all = new LinkedHashMap<>();
        byModality.forEach((m, v) -> all.put(m, new LinkedHashMap<>(v)));
        more.byModality.forEach((m, v) -> all.computeIfAbsent(m, k -> new LinkedHashMap<>()).putAll(v));
        return new AddedItemVectors(all);
    }

    public boolean isEmpty() {
        return byModality.values().stream().allMatch(Map::isEmpty);
    }
}
