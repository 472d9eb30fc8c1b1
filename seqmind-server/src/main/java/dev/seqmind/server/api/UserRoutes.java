package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;
import dev.seqmind.server.store.StoredEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's data: {@code GET /v1/users/{id}/events} (stored events, newest last: for the dashboard and access
 * requests) and {@code DELETE /v1/users/{id}} (erasure from the store and live state, through the store's writer so
 * it is ordered with appends). Both need the admin role.
 */
public final class UserRoutes implements ApiRoutes {
    private final ServiceState state;

    public UserRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/users/{id}/events", Role.ADMIN, this::events);
        t.delete("/v1/users/{id}", Role.ADMIN, this::erase);
    }

    private Reply events(Call call) throws IOException {
        String user = EventParser.id(call.path("id"), "id");
        int limit = QueryParams.integer(call, "limit", 1_000, 1, 100_000);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredEvent e : state.store().userEvents(state.storedUser(user), limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", e.seq());
            row.put("item", e.event().item());
            row.put("action", e.event().action());
            row.put("timestamp", Instant.ofEpochMilli(e.event().timestamp()).toString());
            if (e.event().properties() != null) {
                JsonNode p = state.json().readTree(e.event().properties());
                row.put("properties", p);
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("events", rows);
        return Reply.ok(out);
    }

    private Reply erase(Call call) {
        String user = EventParser.id(call.path("id"), "id");
        long erased = state.store().eraseUser(state.storedUser(user));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("erased_events", erased);
        out.put("live_state", "removed");
        return Reply.ok(out);
    }
}
