package dev.seqmind.rec;

import dev.seqmind.data.model.ItemCatalog;

import java.util.List;

/**
 * A model that can take items added after it was fitted and score them from their content (text, attributes)
 * without retraining. Models that score items by learned ids only do not implement it: an item they never saw in
 * training stays unknown to them.
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
}
