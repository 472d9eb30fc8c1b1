package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.server.ServiceState;
import dev.seqmind.server.model.ModelRegistry;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.security.Role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/users/{id}/recommendations} from the user's live sequence and {@code POST /v1/recommendations}
 * for a history the caller keeps. An unknown user or an empty history gets a labelled fallback (recent popularity),
 * never an error.
 */
public final class RecommendationRoutes implements ApiRoutes {
    private static final Set<String> POST_FIELDS = Set.of("history", "k", "exclude_seen", "exclude", "category",
            "model", "explain");
    private final ServiceState state;
    private final ExplanationViews views;

    public RecommendationRoutes(ServiceState state) {
        this.state = state;
        this.views = new ExplanationViews(state);
    }

    /** What a request asks. */
    private record Ask(int k, boolean excludeSeen, List<String> exclude, String category, String model,
                       boolean explain) {
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/users/{id}/recommendations", Role.READ, this::forUser);
        t.post("/v1/recommendations", Role.READ, this::forHistory);
    }

    private Reply forUser(Call call) {
        String user = EventParser.id(call.path("id"), "id");
        Ask ask = new Ask(QueryParams.integer(call, "k", 10, 1, state.limits().maxK()),
                QueryParams.bool(call, "exclude_seen", true), List.of(), QueryParams.text(call, "category"),
                QueryParams.text(call, "model"), QueryParams.bool(call, "explain", true));
        String stored = state.storedUser(user);
        int[] live = state.live().history(stored);
        var experiment = ask.model() == null ? state.experiments().assign(stored) : null; // A/B test, if one runs
        try (ModelRegistry.Lease lease = lease(experiment == null ? ask.model() : experiment.model())) {
            ServedModel m = lease.model();
            int[] h = m.translate(live, state.items());
            Map<String, Object> out = answer(m, h, ask, List.of());
            out.put("user", user);
            if (experiment != null) {
                state.experiments().served(experiment, stored, out);
            }
            return Reply.ok(out);
        }
    }

    private Reply forHistory(Call call) {
        JsonNode body = Bodies.object(call, state.json(), state.limits().maxBodyBytes());
        Bodies.onlyFields(body, "", POST_FIELDS);
        JsonNode hist = body.get("history");
        if (hist == null || !hist.isArray()) {
            throw ApiException.badRequest("history", "required: an array of item ids, oldest first");
        }
        if (hist.size() > state.limits().maxHistory()) {
            throw ApiException.badRequest("history", "more than " + state.limits().maxHistory() + " items");
        }
        List<String> history = new ArrayList<>(hist.size());
        for (int i = 0; i < hist.size(); i++) {
            history.add(EventParser.id(hist.get(i), "history[" + i + "]"));
        }
        List<String> exclude = new ArrayList<>();
        JsonNode ex = body.get("exclude");
        if (ex != null && !ex.isNull()) {
            if (!ex.isArray()) {
                throw ApiException.badRequest("exclude", "must be an array of item ids");
            }
            for (int i = 0; i < ex.size(); i++) {
                exclude.add(EventParser.id(ex.get(i), "exclude[" + i + "]"));
            }
        }
        Ask ask = new Ask(intField(body, "k", 10, 1, state.limits().maxK()), boolField(body, "exclude_seen", true),
                exclude, textField(body, "category"), textField(body, "model"), boolField(body, "explain", true));
        try (ModelRegistry.Lease lease = lease(ask.model())) {
            ServedModel m = lease.model();
            IdMap items = m.model().items();
            int[] h = new int[history.size()];
            int n = 0;
            List<String> unknown = new ArrayList<>();
            for (String id : history) {
                int d = items.denseId(id);
                if (d == IdMap.ABSENT) {
                    unknown.add(id);
                } else {
                    h[n++] = d;
                }
            }
            return Reply.ok(answer(m, java.util.Arrays.copyOf(h, n), ask, unknown));
        }
    }

    private ModelRegistry.Lease lease(String model) {
        return state.models().lease(model).orElseThrow(() -> model == null
                ? new ApiException(503, "no_model", "model", "no model is loaded; load one with POST /v1/admin/models")
                : ApiException.notFound("model", "no model named '" + model + "' is loaded"));
    }

    private Map<String, Object> answer(ServedModel m, int[] h, Ask ask, List<String> unknown) {
        IdMap items = m.model().items();
        int[] candidates = null;
        if (ask.category() != null) {
            candidates = m.category(ask.category());
            if (candidates == null) {
                candidates = new int[0];
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", m.name());
        out.put("model_version", m.version());
        out.put("history_length", h.length);
        if (!unknown.isEmpty()) {
            out.put("unknown_history_items", unknown);
        }
        if (h.length == 0) {
            out.put("fallback", "recent-popularity");
            out.put("items", fallback(m, ask, candidates));
            return out;
        }
        int[] exclude = new int[ask.exclude().size()];
        int e = 0;
        for (String id : ask.exclude()) {
            int d = items.denseId(id);
            if (d != IdMap.ABSENT) {
                exclude[e++] = d;
            }
        }
        Recommendations.DenseResult r = m.recommendations().top(new Recommendations.Query(h, ask.k(),
                ask.excludeSeen() ? SeenItems.EXCLUDE : SeenItems.KEEP, java.util.Arrays.copyOf(exclude, e),
                candidates, Explain.NONE));
        List<Map<String, Object>> why = ask.explain() ? views.explain(m, h, r.items()) : null;
        List<Map<String, Object>> list = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
            String id = items.externalId(r.items()[i]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", id);
            row.put("score", r.scores()[i]);
            row.put("title", state.title(m, id));
            if (why != null) {
                row.put("explanation", why.get(i));
            }
            list.add(row);
        }
        out.put("fallback", null);
        out.put("items", list);
        return out;
    }

    /** The most frequent items among recent events (that the model knows, in the category, not excluded). */
    private List<Map<String, Object>> fallback(ServedModel m, Ask ask, int[] candidates) {
        IdMap items = m.model().items();
        Set<String> excluded = new HashSet<>(ask.exclude());
        Set<Integer> allowed = null;
        if (candidates != null) {
            allowed = new HashSet<>();
            for (int c : candidates) {
                allowed.add(c);
            }
        }
        int[][] top = state.popularity().top(Math.min(state.items().size(), ask.k() * 4 + 100));
        int window = state.popularity().events();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < top[0].length && out.size() < ask.k(); i++) {
            String id = state.items().name(top[0][i]);
            int d = items.denseId(id);
            if (excluded.contains(id) || (allowed != null && (d == IdMap.ABSENT || !allowed.contains(d)))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", id);
            row.put("score", (float) top[1][i] / window);
            row.put("title", state.title(m, id));
            if (ask.explain()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("sentence", "Popular right now: " + top[1][i] + " of the last " + window
                        + " events (no history to go on yet).");
                e.put("rules", List.of());
                e.put("contributors", List.of());
                row.put("explanation", e);
            }
            out.add(row);
        }
        return out;
    }

    private static int intField(JsonNode body, String name, int def, int min, int max) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw ApiException.badRequest(name, "must be an integer in [" + min + ", " + max + "]");
        }
        return v.asInt();
    }

    private static boolean boolField(JsonNode body, String name, boolean def) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(name, "must be true or false");
        }
        return v.asBoolean();
    }

    private static String textField(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : EventParser.id(v, name);
    }
}
