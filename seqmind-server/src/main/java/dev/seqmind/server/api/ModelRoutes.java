package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.server.model.ModelVersions;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Model versions: {@code GET /v1/models} lists every version served under every name (read key), with provenance,
 * metrics and which one is active; {@code POST /v1/admin/models/{id}/rollback} ({@code id} = the model's name)
 * serves an earlier version again (the one before the active one, or {@code {"version": n}}), swapped in like a
 * load.
 */
public final class ModelRoutes implements ApiRoutes {
    private final ServiceState state;

    public ModelRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/models", Role.READ, this::list);
        t.post("/v1/admin/models/{id}/rollback", Role.ADMIN, this::rollback);
    }

    private Reply list(Call call) {
        ModelVersions history = state.models().history();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelVersions.Version v : history.list()) {
            rows.add(row(v, state.models().serving(v)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default", state.models().defaultName());
        out.put("models", rows);
        return Reply.ok(out);
    }

    static Map<String, Object> row(ModelVersions.Version v, boolean active) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", v.name());
        row.put("version", v.version());
        row.put("active", active);
        row.put("trained_at", v.trainedAt().toString());
        row.put("loaded_at", v.loadedAt().toString());
        row.put("metrics", v.metrics());
        row.put("provenance", v.provenance());
        return row;
    }

    private Reply rollback(Call call) {
        String name = EventParser.id(call.path("id"), "name");
        Long version = null;
        if (call.request().content().hasEntity()) {
            JsonNode body = Bodies.object(call, state.json(), 4 * 1024);
            Bodies.onlyFields(body, "", Set.of("version"));
            if (body.has("version")) {
                if (!body.get("version").canConvertToLong() || body.get("version").asLong() < 1) {
                    throw ApiException.badRequest("version", "a version number >= 1");
                }
                version = body.get("version").asLong();
            }
        }
        if (state.models().list().stream().noneMatch(m -> m.name().equals(name))) {
            throw ApiException.badRequest("id", "no model called '" + name + "' is served");
        }
        Optional<ServedModel> m;
        try {
            m = state.models().rollback(name, version);
        } catch (IOException | SeqmindException e) {
            throw ApiException.badRequest("version", "its directory cannot be loaded any more: " + e.getMessage());
        }
        if (m.isEmpty()) {
            throw ApiException.badRequest("version", version == null ? "'" + name + "' has no version before the "
                    + "active one" : "'" + name + "' has no version " + version);
        }
        var active = state.models().history().active(name).orElseThrow();
        return Reply.ok(row(active, true));
    }
}
