package dev.seqmind.data.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Item metadata keyed by external item id. It may describe items that have no interaction yet (cold-start items),
 * so it is keyed by external id rather than by a dataset's dense ids. Immutable and thread-safe.
 */
public final class ItemCatalog {
    public static final ItemCatalog EMPTY = new ItemCatalog(Map.of());

    private final Map<String, ItemMetadata> byItem;

    public ItemCatalog(Map<String, ItemMetadata> byItem) {
        // Keep insertion order for stable output, and drop entries that say nothing.
        LinkedHashMap<String, ItemMetadata> copy = new LinkedHashMap<>();
        byItem.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                copy.put(Objects.requireNonNull(k), v);
            }
        });
        this.byItem = Collections.unmodifiableMap(copy);
    }

    /** The item's metadata, or {@link ItemMetadata#EMPTY}. */
    public ItemMetadata get(String externalItemId) {
        return byItem.getOrDefault(externalItemId, ItemMetadata.EMPTY);
    }

    /** The item's title, or its id when it has none: what to print for a person. */
    public String label(String externalItemId) {
        String title = get(externalItemId).title();
        return title.isEmpty() ? externalItemId : title;
    }

    public int size() {
        return byItem.size();
    }

    public boolean isEmpty() {
        return byItem.isEmpty();
    }

    /** All entries in insertion order (unmodifiable). */
    public Map<String, ItemMetadata> asMap() {
        return byItem;
    }

    /** This catalog with {@code other}'s entries added; {@code other} wins where both describe an item. */
    public ItemCatalog merge(ItemCatalog other) {
        LinkedHashMap<String, ItemMetadata> m = new LinkedHashMap<>(byItem);
        m.putAll(other.byItem);
        return new ItemCatalog(m);
    }
}
