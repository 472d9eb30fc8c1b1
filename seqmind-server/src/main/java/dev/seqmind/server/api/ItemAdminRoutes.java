package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.ItemMetadata;
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
 * {@code POST /v1/admin/items}: items that arrived after the models were saved, with the text they are known by.
 * Models that score items from content (content-knn) are extended with them at once, without retraining, and events
 * on them count from then on; id-only models ignore them as before. {@code GET /v1/admin/items} lists what was added.
 * The additions live as long as the process: a restart needs them sent again (or the dataset's item file and a
 * retrained model).
 */
public final class ItemAdminRoutes implements ApiRoutes {
    /** Most items in one call. */
    static final int MAX_ITEMS = 1_000;
    /** Longest title and longest text, in characters. */
    static final int MAX_TITLE = 1_000;
    static final int MAX_TEXT = 10_000;
    private static final Set<String> FIELDS = Set.of("id", "title", "text", "categories", "attributes");

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
        state.models().addedItems().asMap().forEach((id, m) -> rows.add(view(id, m)));
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
            ItemMetadata m = metadata(n, at);
            if (m.isEmpty()) {
                throw ApiException.badRequest(at, "no content: give a title, text, categories or attributes");
            }
            parsed.put(id, m);
        }
        List<String> extended;
        try {
            extended = state.models().addItems(parsed);
        } catch (SeqmindException e) {
            throw ApiException.badRequest("items", e.getMessage());
        }
        Set<String> scoring = new HashSet<>(extended);
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
        out.put("models", models);
        return Reply.ok(out);
    }

    private static ItemMetadata metadata(JsonNode n, String at) {
        String title = n.hasNonNull("title") ? FreeText.of(n.get("title"), at + ".title", MAX_TITLE) : "";
        String text = n.hasNonNull("text") ? FreeText.of(n.get("text"), at + ".text", MAX_TEXT) : "";
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

    private static Map<String, Object> view(String id, ItemMetadata m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", m.title());
        row.put("text", m.text());
        row.put("categories", m.categories());
        row.put("attributes", m.attributes());
        return row;
    }
}
