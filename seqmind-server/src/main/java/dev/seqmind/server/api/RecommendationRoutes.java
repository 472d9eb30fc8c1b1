package dev.seqmind.server.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.server.experiment.Experiments;
import dev.seqmind.server.model.ModelRegistry;
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

    /**
     * The answer's JSON (records: one object a row instead of a map with its entries, in the order written here).
     * {@code unknown_history_items} and {@code user} appear only when there are some; {@code fallback} always.
     */
    @JsonPropertyOrder({"model", "model_version", "history_length", "unknown_history_items", "fallback", "items",
            "user", "recommendation_id", "experiment", "variant"})
    record Answer(String model, @JsonProperty("model_version") long modelVersion,
                  @JsonProperty("history_length") int historyLength,
                  @JsonProperty("unknown_history_items") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                  List<String> unknown,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String fallback, List<Row> items,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String user,
                  @JsonIgnore Experiments.Served served) {
        Answer forUser(String id) {
            return new Answer(model, modelVersion, historyLength, unknown, fallback, items, id, served);
        }

        Answer inExperiment(Experiments.Served s) {
            return new Answer(model, modelVersion, historyLength, unknown, fallback, items, user, s);
        }

        /** Present when an A/B test served this answer; events on its items are credited to it. */
        @JsonProperty("recommendation_id") @JsonInclude(JsonInclude.Include.NON_NULL)
        String recommendationId() {
            return served == null ? null : served.recommendationId();
        }

        @JsonProperty("experiment") @JsonInclude(JsonInclude.Include.NON_NULL)
        String experiment() {
            return served == null ? null : served.experiment();
        }

        @JsonProperty("variant") @JsonInclude(JsonInclude.Include.NON_NULL)
        String variant() {
            return served == null ? null : served.variant();
        }
    }

    /** One recommended item; {@code explanation} only when asked. */
    record Row(String item, float score, String title,
               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> explanation) {
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
            Answer out = answer(m, m.scorerFor(stored), h, ask, List.of()).forUser(user);
            if (experiment != null) {
                out = out.inExperiment(state.experiments().served(experiment, stored,
                        out.items().stream().map(Row::item).toList()));
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
            return Reply.ok(answer(m, m.model(), java.util.Arrays.copyOf(h, n), ask, unknown));
        }
    }

    private ModelRegistry.Lease lease(String model) {
        return state.models().lease(model).orElseThrow(() -> model == null
                ? new ApiException(503, "no_model", "model", "no model is loaded; load one with POST /v1/admin/models")
                : ApiException.notFound("model", "no model named '" + model + "' is loaded"));
    }

    /** Top-K of {@code h} scored by {@code scorer} (the model, or its view for one user's live history). */
    private Answer answer(ServedModel m, dev.seqmind.rec.Recommender scorer, int[] h, Ask ask, List<String> unknown) {
        IdMap items = m.model().items();
        int[] candidates = null;
        if (ask.category() != null) {
            candidates = m.category(ask.category());
            if (candidates == null) {
                candidates = new int[0];
            }
        }
        if (h.length == 0) {
            return new Answer(m.name(), m.version(), 0, unknown, "recent-popularity", fallback(m, ask, candidates),
                    null, null);
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
                candidates, Explain.NONE), scorer);
        List<Map<String, Object>> why = ask.explain() ? views.explain(m, h, r.items()) : null;
        Row[] rows = new Row[r.size()];
        for (int i = 0; i < rows.length; i++) {
            String id = items.externalId(r.items()[i]);
            rows[i] = new Row(id, r.scores()[i], state.title(m, id), why == null ? null : why.get(i));
        }
        return new Answer(m.name(), m.version(), h.length, unknown, null, java.util.Arrays.asList(rows), null, null);
    }

    /** The most frequent items among recent events (that the model knows, in the category, not excluded). */
    private List<Row> fallback(ServedModel m, Ask ask, int[] candidates) {
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
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < top[0].length && out.size() < ask.k(); i++) {
            String id = state.items().name(top[0][i]);
            int d = items.denseId(id);
            if (excluded.contains(id) || (allowed != null && (d == IdMap.ABSENT || !allowed.contains(d)))) {
                continue;
            }
            Map<String, Object> e = null;
            if (ask.explain()) {
                e = new LinkedHashMap<>();
                e.put("sentence", "Popular right now: " + top[1][i] + " of the last " + window
                        + " events (no history to go on yet).");
                e.put("rules", List.of());
                e.put("contributors", List.of());
            }
            out.add(new Row(id, (float) top[1][i] / window, state.title(m, id), e));
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
