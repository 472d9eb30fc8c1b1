package dev.seqmind.data.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What is known about an item besides its id. Empty strings and collections stand for "unknown". */
public record ItemMetadata(String title, List<String> categories, String text, Map<String, String> attributes) {
    public static final ItemMetadata EMPTY = new ItemMetadata("", List.of(), "", Map.of());

    public ItemMetadata {
        title = Objects.requireNonNullElse(title, "");
        categories = List.copyOf(Objects.requireNonNullElse(categories, List.of()));
        text = Objects.requireNonNullElse(text, "");
        attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
    }

    public boolean isEmpty() {
        return title.isEmpty() && categories.isEmpty() && text.isEmpty() && attributes.isEmpty();
    }
}
