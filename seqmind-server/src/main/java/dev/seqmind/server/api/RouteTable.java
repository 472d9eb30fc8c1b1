package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.RateLimiter;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.store.StoreUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers routes on Helidon's routing and wraps each handler in what every route needs, in this order: the
 * {@code Authorization: Bearer KEY} check (401 without a valid key, 403 for a role below the route's), the per-key
 * rate limit (429), the handler, the JSON error format for refusals ({@link ApiException}), 503 when the store is
 * unavailable, a generic 500 without detail for anything else (logged, never sent), and a latency timer per route.
 * Keeps the list of registered routes for the OpenAPI check. Not thread-safe while registering; the handlers it
 * installs are.
 */
public final class RouteTable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

    /** A registered route; {@code role} is {@code null} for public routes. */
    public record Route(String method, String path, Role role) {
    }

    private final HttpRouting.Builder routing;
    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final List<Route> routes = new ArrayList<>();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public RouteTable(HttpRouting.Builder routing, ApiKeys keys, RateLimiter limiter, MeterRegistry meters,
                      ObjectMapper json) {
        this.routing = routing;
        this.keys = keys;
        this.limiter = limiter;
        this.meters = meters;
        this.json = json;
    }

    public ObjectMapper json() {
        return json;
    }

    public void get(String path, Role role, ApiHandler handler) {
        add(Method.GET, path, role, handler);
    }

    public void post(String path, Role role, ApiHandler handler) {
        add(Method.POST, path, role, handler);
    }

    public void delete(String path, Role role, ApiHandler handler) {
        add(Method.DELETE, path, role, handler);
    }

    /**
     * A public static file at {@code path} (a page of the dashboard): not part of the API, so neither in
     * {@link #routes()} nor in the OpenAPI document, and never behind a key (its data comes from keyed routes).
     */
    public void file(String path, String contentType, String cacheControl, byte[] body) {
        routing.route(Method.GET, path, (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, contentType);
            res.header(HeaderNames.CACHE_CONTROL, cacheControl);
            res.header("X-Content-Type-Options", "nosniff");
            res.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
            res.send(body);
        });
    }

    private void add(Method method, String path, Role role, ApiHandler handler) {
        routes.add(new Route(method.text(), path, role));
        routing.route(method, path, (req, res) -> serve(method.text(), path, role, handler, req, res));
    }

    /** Ends registration: every other request gets a JSON 404. */
    public void finish() {
        routing.any((req, res) -> {
            long t0 = System.nanoTime();
            int status = sendError(res, ApiException.notFound("path", "no route " + req.prologue().method().text()
                    + " " + req.path().path() + "; see /openapi.json"));
            timer("unmatched", req.prologue().method().text(), status).record(System.nanoTime() - t0,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        });
    }

    /** The routes registered so far. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private void serve(String method, String path, Role role, ApiHandler handler, ServerRequest req,
                       ServerResponse res) {
        long t0 = System.nanoTime();
        int status;
        try {
            ApiKeys.Principal p = role == null ? null : authenticate(req, role);
            if (p != null && !limiter.tryAcquire(p.name())) {
                res.header("Retry-After", "1");
                throw new ApiException(429, "rate_limited", "", "too many requests for key '" + p.name()
                        + "'; slow down and retry after a second");
            }
            status = send(res, handler.handle(new Call(req, p)));
        } catch (ApiException e) {
            status = sendError(res, e);
        } catch (StoreUnavailableException e) {
            LOG.warn("{} {}: store unavailable: {}", method, path, e.getMessage());
            status = sendError(res, new ApiException(503, "store_unavailable", "", "the event store is unavailable;"
                    + " nothing was stored or acknowledged: retry later"));
        } catch (Exception | StackOverflowError e) {
            LOG.error("{} {} failed", method, path, e);
            status = sendError(res, new ApiException(500, "internal_error", "", "the server failed to answer; "
                    + "the error is logged"));
        }
        timer(path, method, status).record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private ApiKeys.Principal authenticate(ServerRequest req, Role role) {
        Optional<String> h = req.headers().first(HeaderNames.AUTHORIZATION);
        if (h.isEmpty() || !h.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "Authorization", "send 'Authorization: Bearer <key>'");
        }
        ApiKeys.Principal p = keys.check(h.get().substring(7).strip()).orElseThrow(() -> new ApiException(401,
                "unauthorized", "Authorization", "the key is not valid"));
        if (!p.role().allows(role)) {
            throw new ApiException(403, "forbidden", "Authorization", "this route needs the "
                    + role.name().toLowerCase(java.util.Locale.ROOT) + " role; key '" + p.name() + "' has "
                    + p.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        return p;
    }

    private int send(ServerResponse res, Reply reply) throws java.io.IOException {
        res.status(reply.status());
        res.header(HeaderNames.CONTENT_TYPE, reply.contentType());
        if (reply.body() instanceof String s) {
            res.send(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            res.send(json.writeValueAsBytes(reply.body()));
        }
        return reply.status();
    }

    private int sendError(ServerResponse res, ApiException e) {
        res.status(e.status());
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            res.send(json.writeValueAsBytes(e.body()));
        } catch (java.io.IOException io) {
            res.send("{\"error\":\"internal_error\",\"field\":\"\",\"detail\":\"\"}");
        }
        return e.status();
    }

    private Timer timer(String path, String method, int status) {
        String key = method + " " + path + " " + status;
        return timers.computeIfAbsent(key, k -> Timer.builder("seqmind.http.requests")
                .description("request latency per route").tag("route", path).tag("method", method)
                .tag("status", Integer.toString(status)).publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(0).plusNanos(50_000))
                .maximumExpectedValue(java.time.Duration.ofSeconds(10)).register(meters));
    }
}
