package dev.seqmind.rec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code items.json} of a model directory: {@code {"items": [{"id": ..., "title": ..., "categories": [...],
 * "text": ..., "attributes": {...}}, ...]}} in dense-id order. Every field but the id is optional (absent =
 * unknown), so older files without text and attributes still load. Content models need the text and attributes to
 * render item text after a reload.
 */
public final class ItemsFile {
    public static final String NAME = "items.json";

    private ItemsFile() {
    }

    public static void write(Path dir, IdMap items, ItemCatalog catalog) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String id = items.externalId(i);
            ItemMetadata m = catalog.get(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            if (!m.title().isEmpty()) {
                row.put("title", m.title());
            }
            if (!m.categories().isEmpty()) {
                row.put("categories", m.categories());
            }
            if (!m.text().isEmpty()) {
                row.put("text", m.text());
            }
            if (!m.attributes().isEmpty()) {
                row.put("attributes", new java.util.TreeMap<>(m.attributes()));
            }
            rows.add(row);
        }
        new ObjectMapper().writeValue(dir.resolve(NAME).toFile(), Map.of("items", rows));
    }

    /** The item id map of the model in {@code dir}. */
    public static IdMap readIds(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode n : read(dir)) {
            ids.add(n.path("id").asText());
        }
        return IdMap.of(ids);
    }

    /** Titles, categories, text and attributes saved with the model in {@code dir}. */
    public static ItemCatalog readCatalog(Path dir) throws IOException {
        Map<String, ItemMetadata> m = new LinkedHashMap<>();
        for (JsonNode n : read(dir)) {
            List<String> cats = new ArrayList<>();
            n.path("categories").forEach(c -> cats.add(c.asText()));
            Map<String, String> attrs = new LinkedHashMap<>();
            n.path("attributes").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
            m.put(n.path("id").asText(), new ItemMetadata(n.path("title").asText(""), cats, n.path("text").asText(""),
                    attrs));
        }
        return new ItemCatalog(m);
    }

    private static JsonNode read(Path dir) throws IOException {
        Path f = dir.resolve(NAME);
        JsonNode items = new ObjectMapper().readTree(f.toFile()).path("items");
        if (!items.isArray()) {
            throw new InputFormatException(f.toString(), 0, "items", "missing or not an array");
        }
        return items;
    }
}
