package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.rec.AddedItemVectors;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/admin/items}: items that arrived after the models were saved, with the text they are known by and
 * optionally their vectors of other modalities. Models that score items from content (content-knn, and the hybrids
 * sasrec-text and gru4rec-text through their learned text and modality projections) are extended with them at once,
 * without retraining, and events on them count from then on; id-only models ignore them as before. The items are
 * kept in the server's store and added again to every model loaded later, after a restart too.
 * {@code GET /v1/admin/items} lists what was added.
 */
public final class ItemAdminRoutes implements ApiRoutes {
    /** Most items in one call. */
    static final int MAX_ITEMS = 1_000;
    /** Longest title and longest text, in characters. */
    static final int MAX_TITLE = 1_000;
    static final int MAX_TEXT = 10_000;
    /** Longest vector of another modality. */
    static final int MAX_VECTOR = 8_192;
    private static final Set<String> FIELDS = Set.of("id", "title", "text", "categories", "attributes", "vectors");

    private final ServiceState state;

    public ItemAdminRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/admin/items", Role.ADMIN, this::list);
        t.post("/v1/admin/items", Role.ADMIN, this::add);
    }

    private Reply list(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        AddedItemVectors vectors = state.models().addedVectors();
        state.models().addedItems().asMap().forEach((id, m) -> rows.add(view(id, m, vectors)));
        return Reply.ok(Map.of("items", rows));
    }

    private Reply add(Call call) {
        JsonNode body = Bodies.object(call, state.json(), state.limits().maxBodyBytes());
        Bodies.onlyFields(body, "", Set.of("items"));
        JsonNode items = body.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.badRequest("items", "required: a non-empty array of {id, title, text, categories, "
                    + "attributes}");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.badRequest("items", "more than " + MAX_ITEMS + " items");
        }
        LinkedHashMap<String, ItemMetadata> parsed = new LinkedHashMap<>();
        Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
        Map<String, Integer> modalities = state.models().modalities();
        int[] cut = {0};
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            JsonNode n = items.get(i);
            if (!n.isObject()) {
                throw ApiException.badRequest(at, "must be an object");
            }
            Bodies.onlyFields(n, at + ".", FIELDS);
            if (!n.hasNonNull("id")) {
                throw ApiException.badRequest(at + ".id", "required: the item's id");
            }
            String id = EventParser.id(n.get("id"), at + ".id");
            if (parsed.containsKey(id)) {
                throw ApiException.badRequest(at + ".id", "'" + id + "' appears twice");
            }
            ItemMetadata m = metadata(n, at, cut);
            boolean hasVector = vectors(n.get("vectors"), at + ".vectors", id, modalities, vectors);
            if (m.isEmpty() && !hasVector) {
                throw ApiException.badRequest(at, "no content: give a title, text, categories, attributes or "
                        + "vectors");
            }
            parsed.put(id, m);
        }
        Map<String, Integer> extended;
        try {
            extended = state.models().addItems(parsed, new AddedItemVectors(vectors));
        } catch (SeqmindException e) {
            throw ApiException.badRequest("items", e.getMessage());
        }
        Set<String> scoring = new HashSet<>(extended.keySet());
        List<Map<String, Object>> models = new ArrayList<>();
        for (ServedModel m : state.models().list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.name());
            row.put("model", m.model().name());
            row.put("items", m.model().numItems());
            row.put("scores_new_items", scoring.contains(m.name()));
            models.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", parsed.size());
        out.put("text_truncated", cut[0]);
        // a text is cut at the token limit when it is first embedded; later models find its vector in the cache
        out.put("tokens_truncated", extended.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        out.put("models", models);
        return Reply.ok(out);
    }

    /**
     * The item's {@code vectors} object (modality name to an array of numbers) into {@code out}; each name must be a
     * modality a served model fuses, with that model's vector length.
     *
     * @return whether the item has any vector
     */
    private static boolean vectors(JsonNode v, String at, String id, Map<String, Integer> modalities,
                                   Map<String, Map<String, float[]>> out) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isObject()) {
            throw ApiException.badRequest(at, "must be an object: modality name to an array of numbers");
        }
        for (var e : v.properties()) {
            String field = at + "." + e.getKey();
            Integer dim = modalities.get(e.getKey());
            if (dim == null) {
                throw ApiException.badRequest(field, "no served model fuses a modality called '" + e.getKey()
                        + "'; the served models' modalities: " + (modalities.isEmpty() ? "none"
                        : modalities.keySet()));
            }
            JsonNode a = e.getValue();
            if (!a.isArray() || a.size() > MAX_VECTOR) {
                throw ApiException.badRequest(field, "must be an array of at most " + MAX_VECTOR + " numbers");
            }
            if (a.size() != dim) {
                throw ApiException.badRequest(field, a.size() + " values; the modality has " + dim);
            }
            float[] f = new float[a.size()];
            boolean nonZero = false;
            for (int j = 0; j < f.length; j++) {
                JsonNode x = a.get(j);
                if (!x.isNumber() || !Float.isFinite((float) x.asDouble())) {
                    throw ApiException.badRequest(field + "[" + j + "]", "must be a finite number");
                }
                f[j] = (float) x.asDouble();
                nonZero |= f[j] != 0f;
            }
            if (!nonZero) {
                throw ApiException.badRequest(field, "all zero; leave the modality out and the item is masked "
                        + "for it");
            }
            out.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(id, f);
        }
        return !v.isEmpty();
    }

    /**
     * The item's metadata; a text longer than {@link #MAX_TEXT} characters is cut there (at a whole code point) and
     * counted in {@code cut[0]} (the sentence model cuts it further at its token limit).
     */
    private static ItemMetadata metadata(JsonNode n, String at, int[] cut) {
        String title = n.hasNonNull("title") ? FreeText.of(n.get("title"), at + ".title", MAX_TITLE) : "";
        String text = "";
        if (n.hasNonNull("text")) {
            text = FreeText.of(n.get("text"), at + ".text", Integer.MAX_VALUE);
            if (text.length() > MAX_TEXT) {
                int end = Character.isLowSurrogate(text.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
                text = text.substring(0, end);
                cut[0]++;
            }
        }
        List<String> cats = new ArrayList<>();
        JsonNode c = n.get("categories");
        if (c != null && !c.isNull()) {
            if (!c.isArray()) {
                throw ApiException.badRequest(at + ".categories", "must be an array of strings");
            }
            for (int j = 0; j < c.size(); j++) {
                cats.add(FreeText.of(c.get(j), at + ".categories[" + j + "]", MAX_TITLE));
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        JsonNode a = n.get("attributes");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw ApiException.badRequest(at + ".attributes", "must be an object of strings");
            }
            a.properties().forEach(e -> attrs.put(EventParser.id(e.getKey(), at + ".attributes"),
                    FreeText.of(e.getValue(), at + ".attributes." + e.getKey(), MAX_TITLE)));
        }
        return new ItemMetadata(title, cats, text, attrs);
    }

    private static Map<String, Object> view(String id, ItemMetadata m, AddedItemVectors vectors) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", m.title());
        row.put("text", m.text());
        row.put("categories", m.categories());
        row.put("attributes", m.attributes());
        Map<String, Integer> dims = new LinkedHashMap<>();
        vectors.byModality().forEach((name, byItem) -> {
            if (byItem.containsKey(id)) {
                dims.put(name, byItem.get(id).length);
            }
        });
        row.put("vectors", dims);
        return row;
    }
}
