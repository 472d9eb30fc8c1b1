package dev.seqmind.server.api;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.server.model.ModelRegistry;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/items/{id}/similar}: the items the model ranks highest right after this one (the history of one
 * item), the item itself left out.
 */
public final class ItemRoutes implements ApiRoutes {
    private final ServiceState state;

    public ItemRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/items/{id}/similar", Role.READ, this::similar);
    }

    private Reply similar(Call call) {
        String item = EventParser.id(call.path("id"), "id");
        int k = QueryParams.integer(call, "k", 10, 1, state.limits().maxK());
        String model = QueryParams.text(call, "model");
        try (ModelRegistry.Lease lease = state.models().lease(model).orElseThrow(() ->
                ApiException.notFound("model", model == null ? "no model is loaded" : "no model named '" + model
                        + "' is loaded"))) {
            var m = lease.model();
            IdMap items = m.model().items();
            int d = items.denseId(item);
            if (d == IdMap.ABSENT) {
                throw ApiException.notFound("id", "model '" + m.name() + "' does not know item '" + item + "'");
            }
            var r = m.recommendations().top(new Recommendations.Query(new int[] {d}, k, SeenItems.EXCLUDE,
                    new int[0], null, Explain.NONE));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                String id = items.externalId(r.items()[i]);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("item", id);
                row.put("score", r.scores()[i]);
                row.put("title", state.title(m, id));
                rows.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("item", item);
            out.put("title", state.title(m, item));
            out.put("model", m.name());
            out.put("similar", rows);
            return Reply.ok(out);
        }
    }
}
