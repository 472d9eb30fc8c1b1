package dev.seqmind.server.model;

import dev.seqmind.data.model.ItemMetadata;

import java.util.List;
import java.util.Map;

/**
 * Where the items added at run time ({@code POST /v1/admin/items}) are kept so that they outlive the process, in the
 * order they were added. A call returns once the change is durable; it throws (and nothing is kept) when it cannot
 * be written.
 */
public interface ItemLog extends AutoCloseable {
    /**
     * One added item.
     *
     * @param id       its id
     * @param metadata what its text is rendered from
     * @param vectors  its vectors of other modalities, by modality name (none: empty)
     */
    record AddedItem(String id, ItemMetadata metadata, Map<String, float[]> vectors) {
        public AddedItem {
            vectors = Map.copyOf(vectors);
        }
    }

    /** Every kept item, oldest first. */
    List<AddedItem> items();

    /** Keeps {@code items} after the ones kept already; an id kept before keeps its first content. */
    void added(List<AddedItem> items);

    /** Releases what the log holds open (nothing by default). */
    @Override
    default void close() {
    }

    /** Keeps nothing: added items live as long as the process. */
    ItemLog NONE = new ItemLog() {
        @Override
        public List<AddedItem> items() {
            return List.of();
        }

        @Override
        public void added(List<AddedItem> items) {
        }
    };
}
