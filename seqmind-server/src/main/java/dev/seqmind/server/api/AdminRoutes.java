package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/admin/models} loads a model directory and swaps it in atomically under a name (requests in
 * flight finish on the old model, which is then closed); {@code GET /v1/admin/models} lists what is loaded, with
 * provenance.
 */
public final class AdminRoutes implements ApiRoutes {
    private final ServiceState state;

    public AdminRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/admin/models", Role.ADMIN, this::list);
        t.post("/v1/admin/models", Role.ADMIN, this::load);
    }

    private Reply list(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServedModel m : state.models().list()) {
            rows.add(describe(m));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default", state.models().defaultName());
        out.put("models", rows);
        return Reply.ok(out);
    }

    private Reply load(Call call) {
        JsonNode body = Bodies.object(call, state.json(), 64 * 1024);
        Bodies.onlyFields(body, "", Set.of("name", "path"));
        String name = body.has("name") ? EventParser.id(body.get("name"), "name") : "default";
        if (!body.has("path") || !body.get("path").isTextual()) {
            throw ApiException.badRequest("path", "required: the model directory on the server");
        }
        Path dir = Path.of(body.get("path").asText());
        if (!Files.isDirectory(dir)) {
            throw ApiException.badRequest("path", "not a directory on the server");
        }
        ServedModel m;
        try {
            m = state.models().load(name, dir);
        } catch (IOException | SeqmindException e) {
            throw ApiException.badRequest("path", "not a loadable model directory: " + e.getMessage());
        }
        return Reply.ok(describe(m));
    }

    private static Map<String, Object> describe(ServedModel m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", m.name());
        row.put("version", m.version());
        row.put("type", m.loaded().meta().type());
        row.put("model", m.model().name());
        row.put("items", m.model().numItems());
        row.put("path", m.loaded().dir().toString());
        row.put("loaded_at", m.loadedAt().toString());
        row.put("provenance", m.loaded().meta().provenance());
        return row;
    }
}
