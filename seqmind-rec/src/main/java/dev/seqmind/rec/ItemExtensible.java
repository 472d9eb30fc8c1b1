package dev.seqmind.rec;

import dev.seqmind.data.model.ItemCatalog;

import java.util.List;
import java.util.Map;

/**
 * A model that can take items added after it was fitted and score them from their content (text, attributes,
 * per-item vectors of other modalities) without retraining. Models that score items by learned ids only do not
 * implement it (or answer {@code false} to {@link #scoresNewItems}): an item they never saw in training stays unknown
 * to them.
 */
public interface ItemExtensible {
    /**
     * This model with {@code ids} appended to its item map, in order, each scored from its metadata in
     * {@code catalog}; ids the model already knows are skipped. Returns this model when nothing is new. The returned
     * model shares no closable resource with this one: closing either leaves the other usable.
     *
     * @throws dev.seqmind.data.error.InvalidParameterException when a new item has no content to score it by
     */
    Recommender withItems(List<String> ids, ItemCatalog catalog);

    /**
     * As {@link #withItems(List, ItemCatalog)}, with the new items' vectors of other modalities (an image embedding,
     * ...) for a model that fuses them; models without modalities ignore {@code vectors}.
     */
    default Recommender withItems(List<String> ids, ItemCatalog catalog, AddedItemVectors vectors) {
        return withItems(ids, catalog);
    }

    /** Whether this model scores added items at all (a model type may take them only in some configurations). */
    default boolean scoresNewItems() {
        return true;
    }

    /** The modalities besides text this model fuses, by name, with their vector length (none by default). */
    default Map<String, Integer> modalities() {
        return Map.of();
    }

    /** How many of this model's item texts were cut to its sentence model's token limit so far. */
    default int truncatedTexts() {
        return 0;
    }
}
