package dev.seqmind.data.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code {"item": [attribute, ...]}} JSON object (the S3-Rec {@code *_item2attributes.json} files). The attributes
 * become the item's categories, as {@code "a<id>"} when they are bare numbers.
 */
public final class AttributesJsonReader implements ItemCatalogReader {
    @Override
    public ItemCatalog read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = InputFiles.open(file)) {
            root = new ObjectMapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputFormatException(file.toString(), 1, "", "expected one JSON object {item: [attributes]}");
        }
        Map<String, ItemMetadata> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> cats = new ArrayList<>();
            for (JsonNode a : e.getValue()) {
                cats.add(a.isNumber() ? "a" + a.asText() : a.asText());
            }
            out.put(e.getKey(), new ItemMetadata("", cats, "", Map.of()));
        }
        return new ItemCatalog(out);
    }
}
