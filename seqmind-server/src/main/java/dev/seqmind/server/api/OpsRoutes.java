package dev.seqmind.server.api;

import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operations: {@code GET /health} (public: liveness and readiness), {@code GET /openapi.json} (public: the API
 * description), {@code GET /metrics} (Prometheus text; read role).
 */
public final class OpsRoutes implements ApiRoutes {
    private final ServiceState state;
    private final String openApi;

    public OpsRoutes(ServiceState state) {
        this.state = state;
        try (InputStream in = OpsRoutes.class.getResourceAsStream("/openapi.json")) {
            this.openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json is missing from the server jar", e);
        }
    }

    @Override
    public void register(RouteTable t) {
        t.get("/health", null, this::health);
        t.get("/openapi.json", null, call -> new Reply(200, openApi, "application/json"));
        t.get("/metrics", Role.READ, call -> new Reply(200, state.meters().scrape(),
                "text/plain; version=0.0.4; charset=utf-8"));
    }

    private Reply health(Call call) {
        boolean ready = state.models().defaultName() != null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "up");
        out.put("ready", ready);
        out.put("store", state.store().describe());
        out.put("write_queue", state.store().queueDepth());
        out.put("live_users", state.live().users());
        out.put("models", state.models().list().stream().map(m -> m.name() + "@" + m.version()).toList());
        return new Reply(ready ? 200 : 503, out, "application/json");
    }
}
