package dev.seqmind.server.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.text.QueryRanker;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.server.experiment.Experiments;
import dev.seqmind.server.model.ModelRegistry;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.model.TextSide;
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
 * never an error. A user with one to three events on a model with a text side gets the cold-start blend (labelled
 * {@code cold-start-blend}); a POSTed {@code query} ranks by free text blended with the history, as
 * {@code seqmind recommend --query} does.
 */
public final class RecommendationRoutes implements ApiRoutes {
    private static final Set<String> POST_FIELDS = Set.of("history", "k", "exclude_seen", "exclude", "category",
            "model", "explain", "query", "query_weight");
    /** Longest free-text query, in characters (the sentence models read at most 256 to 512 tokens anyway). */
    static final int MAX_QUERY_CHARS = 1_000;
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

    /**
     * What a request asks.
     *
     * @param query        free text blended with the history, or null
     * @param queryWeight  the query's weight in the blend
     */
    private record Ask(int k, boolean excludeSeen, List<String> exclude, String category, String model,
                       boolean explain, String query, float queryWeight) {
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
                QueryParams.text(call, "model"), QueryParams.bool(call, "explain", true), null, 0f);
        String stored = state.storedUser(user);
        int[] live = state.live().history(stored);
        var experiment = ask.model() == null ? state.experiments().assign(stored) : null; // A/B test, if one runs
        try (ModelRegistry.Lease lease = lease(experiment == null ? ask.model() : experiment.model())) {
            ServedModel m = lease.model();
            int[] h = m.translate(live, state.items());
            Answer out = (cold(m, h) ? coldAnswer(m, h, ask) : answer(m, m.scorerFor(stored), h, ask, List.of()))
                    .forUser(user);
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
                exclude, textField(body, "category"), textField(body, "model"), boolField(body, "explain", true),
                queryField(body), weightField(body));
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
            int[] known = java.util.Arrays.copyOf(h, n);
            return Reply.ok(ask.query() == null ? answer(m, m.model(), known, ask, unknown)
                    : queryAnswer(m, known, ask, unknown));
        }
    }

    /** A user with one to {@link TextSide#COLD_USER_EVENTS} events, on a model with a text side. */
    private static boolean cold(ServedModel m, int[] h) {
        return h.length >= 1 && h.length <= TextSide.COLD_USER_EVENTS && m.hasText();
    }

    /** The cold-start blend's answer: text similarity, the server's rules and recent popularity. */
    private Answer coldAnswer(ServedModel m, int[] h, Ask ask) {
        TextSide text = textSide(m, "model");
        Recommender blend = text.coldBlend(recentPopularity(m));
        int[] candidates = candidates(m, ask);
        Recommendations.DenseResult r = new Recommendations(blend).top(new Recommendations.Query(h, ask.k(),
                ask.excludeSeen() ? SeenItems.EXCLUDE : SeenItems.KEEP, excluded(m, ask, new int[0]), candidates,
                Explain.NONE));
        IdMap items = blend.items();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String id = items.externalId(r.items()[i]);
            Map<String, Object> e = null;
            if (ask.explain()) {
                e = new LinkedHashMap<>();
                e.put("sentence", "Few events yet (" + h.length + "): " + blend.explain(h, r.items()[i]).text()
                        + ".");
                e.put("rules", List.of());
                e.put("contributors", List.of());
            }
            rows.add(new Row(id, r.scores()[i], state.title(m, id), e));
        }
        return new Answer(m.name(), m.version(), h.length, List.of(), "cold-start-blend", rows, null, null);
    }

    /** Recent popularity in the model's dense ids, {@code count / (max + 1)}, for the most frequent items. */
    private float[] recentPopularity(ServedModel m) {
        IdMap items = m.model().items();
        float[] out = new float[items.size()];
        int[][] top = state.popularity().top(Math.min(state.items().size(), 1_000));
        double max = top[1].length == 0 ? 0 : top[1][0];
        for (int i = 0; i < top[0].length; i++) {
            int d = items.denseId(state.items().name(top[0][i]));
            if (d != IdMap.ABSENT) {
                out[d] = (float) (top[1][i] / (max + 1));
            }
        }
        return out;
    }

    /** The served model's text side, or a 400 naming {@code field} when it has none. */
    private TextSide textSide(ServedModel m, String field) {
        try {
            return m.text(state.rules()).orElseThrow(() -> ApiException.badRequest(field, "model '" + m.name()
                    + "' (" + m.model().name() + ") has no text side; free-text queries need a content-knn, "
                    + "lm-zero-shot or sasrec-text model"));
        } catch (java.io.IOException e) {
            throw new ApiException(503, "text_unavailable", field, "the model's item text could not be read: "
                    + e.getMessage());
        }
    }

    /** The query's answer: items ranked by the query's cosine, blended with the model's scores for the history. */
    private Answer queryAnswer(ServedModel m, int[] h, Ask ask, List<String> unknown) {
        QueryRanker ranker = textSide(m, "query").ranker();
        if (ranker.items().size() != m.model().numItems()) {
            throw new ApiException(503, "text_unavailable", "query", "the model's item text and its items differ");
        }
        int[] candidates = candidates(m, ask);
        int[] exclude = excluded(m, ask, ask.excludeSeen() ? h : new int[0]);
        if (candidates != null) {
            exclude = outside(candidates, m.model().numItems(), exclude);
        }
        List<QueryRanker.Hit> hits = QueryRanker.blend(ranker.cosines(ask.query()), m.model(), h, ask.queryWeight(),
                ask.k(), exclude);
        int[] ids = hits.stream().mapToInt(QueryRanker.Hit::item).toArray();
        List<Map<String, Object>> why = ask.explain() && h.length > 0 ? views.explain(m, h, ids) : null;
        IdMap items = m.model().items();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            QueryRanker.Hit hit = hits.get(i);
            String id = items.externalId(hit.item());
            Map<String, Object> e = null;
            if (ask.explain()) {
                e = why == null ? new LinkedHashMap<>() : new LinkedHashMap<>(why.get(i));
                String q = String.format(java.util.Locale.ROOT, "Matches the query (cosine %.2f)", hit.cosine());
                e.put("sentence", h.length == 0 ? q + "." : q + String.format(java.util.Locale.ROOT,
                        "; history %.2f of the best behaviour score. ", hit.behaviour()) + why.get(i).get("sentence"));
                e.putIfAbsent("rules", List.of());
                e.putIfAbsent("contributors", List.of());
                e.put("query_cosine", round(hit.cosine()));
                if (!Float.isNaN(hit.behaviour())) {
                    e.put("behaviour", round(hit.behaviour()));
                }
            }
            rows.add(new Row(id, hit.score(), state.title(m, id), e));
        }
        return new Answer(m.name(), m.version(), h.length, unknown, null, rows, null, null);
    }

    private static double round(float v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** {@code exclude} plus every item outside {@code candidates}. */
    private static int[] outside(int[] candidates, int numItems, int[] exclude) {
        boolean[] in = new boolean[numItems];
        for (int c : candidates) {
            in[c] = true;
        }
        int[] out = java.util.Arrays.copyOf(exclude, exclude.length + numItems - candidates.length);
        int n = exclude.length;
        for (int i = 0; i < numItems; i++) {
            if (!in[i] && n < out.length) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private ModelRegistry.Lease lease(String model) {
        return state.models().lease(model).orElseThrow(() -> model == null
                ? new ApiException(503, "no_model", "model", "no model is loaded; load one with POST /v1/admin/models")
                : ApiException.notFound("model", "no model named '" + model + "' is loaded"));
    }

    /** Top-K of {@code h} scored by {@code scorer} (the model, or its view for one user's live history). */
    private Answer answer(ServedModel m, Recommender scorer, int[] h, Ask ask, List<String> unknown) {
        IdMap items = m.model().items();
        int[] candidates = candidates(m, ask);
        if (h.length == 0) {
            return new Answer(m.name(), m.version(), 0, unknown, "recent-popularity", fallback(m, ask, candidates),
                    null, null);
        }
        Recommendations.DenseResult r = m.recommendations().top(new Recommendations.Query(h, ask.k(),
                ask.excludeSeen() ? SeenItems.EXCLUDE : SeenItems.KEEP, excluded(m, ask, new int[0]),
                candidates, Explain.NONE), scorer);
        List<Map<String, Object>> why = ask.explain() ? views.explain(m, h, r.items()) : null;
        Row[] rows = new Row[r.size()];
        for (int i = 0; i < rows.length; i++) {
            String id = items.externalId(r.items()[i]);
            rows[i] = new Row(id, r.scores()[i], state.title(m, id), why == null ? null : why.get(i));
        }
        return new Answer(m.name(), m.version(), h.length, unknown, null, java.util.Arrays.asList(rows), null, null);
    }

    /** The model's items in the asked category (empty when none has it), or null for every item. */
    private static int[] candidates(ServedModel m, Ask ask) {
        if (ask.category() == null) {
            return null;
        }
        int[] c = m.category(ask.category());
        return c == null ? new int[0] : c;
    }

    /** The asked exclusions the model knows, as dense ids, followed by {@code also}. */
    private static int[] excluded(ServedModel m, Ask ask, int[] also) {
        IdMap items = m.model().items();
        int[] exclude = new int[ask.exclude().size() + also.length];
        int e = 0;
        for (String id : ask.exclude()) {
            int d = items.denseId(id);
            if (d != IdMap.ABSENT) {
                exclude[e++] = d;
            }
        }
        for (int d : also) {
            exclude[e++] = d;
        }
        return java.util.Arrays.copyOf(exclude, e);
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

    /** {@code query}: null when absent; else non-blank text of at most {@link #MAX_QUERY_CHARS}, no controls. */
    private static String queryField(JsonNode body) {
        JsonNode v = body.get("query");
        if (v == null || v.isNull()) {
            if (body.has("query_weight") && !body.get("query_weight").isNull()) {
                throw ApiException.badRequest("query_weight", "only with a query");
            }
            return null;
        }
        return FreeText.of(v, "query", MAX_QUERY_CHARS);
    }

    /** {@code query_weight} in [0, 1], default {@link QueryRanker#DEFAULT_QUERY_WEIGHT}. */
    private static float weightField(JsonNode body) {
        JsonNode v = body.get("query_weight");
        if (v == null || v.isNull()) {
            return QueryRanker.DEFAULT_QUERY_WEIGHT;
        }
        if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
            throw ApiException.badRequest("query_weight", "must be a number in [0, 1] (1 = the query alone, "
                    + "0 = the history alone)");
        }
        return (float) v.asDouble();
    }

    private static String textField(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : EventParser.id(v, name);
    }
}
