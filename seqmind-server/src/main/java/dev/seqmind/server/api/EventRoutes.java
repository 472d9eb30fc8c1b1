package dev.seqmind.server.api;

import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;
import dev.seqmind.server.store.AppendResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/events}: one event or a batch, acknowledged after the commit (and after the live sequences took
 * it). A batch's {@code idempotency_key} (or the {@code Idempotency-Key} header) makes a retry a no-op.
 */
public final class EventRoutes implements ApiRoutes {
    private final ServiceState state;

    public EventRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.post("/v1/events", Role.WRITE, this::post);
    }

    private Reply post(Call call) {
        var body = Bodies.object(call, state.json(), state.limits().maxBodyBytes());
        EventParser.Parsed p = EventParser.parse(body, state.limits().maxBatch(), System.currentTimeMillis(),
                state::storedUser);
        String key = p.idempotencyKey();
        var header = call.request().headers().first(io.helidon.http.HeaderNames.create("Idempotency-Key"));
        if (key == null && header.isPresent()) {
            key = EventParser.id(header.get(), "Idempotency-Key");
        }
        AppendResult r = state.store().append(p.events(), key);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", p.events().size());
        out.put("stored", r.stored());
        out.put("duplicate", r.duplicate());
        return Reply.ok(out);
    }
}
