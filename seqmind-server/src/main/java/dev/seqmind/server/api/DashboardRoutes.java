package dev.seqmind.server.api;

import dev.seqmind.server.dashboard.DashboardSite;
import dev.seqmind.server.dashboard.ModelReports;
import dev.seqmind.server.dashboard.StoreSummary;
import dev.seqmind.server.dashboard.TrafficSample;
import dev.seqmind.server.dashboard.TrafficWindow;
import dev.seqmind.server.model.MinedRule;
import dev.seqmind.server.model.ModelVersions;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;
import dev.seqmind.server.store.StoredEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dashboard: its static pages (see {@link DashboardSite}) and the read-only JSON they show, all behind the read
 * key. {@code GET /v1/dashboard/info} (what the pages can show), {@code /overview} (rates and latency percentiles over
 * the last 10 s from the meter registry, errors, store, loaded models with provenance), {@code /dataset} (the
 * stored events: lengths, long tail, actions over time, recent users; recomputed at most every 10 s),
 * {@code /patterns} (mined rules searched by id or title, filtered and sorted), {@code /users/{id}} (a user's stored
 * events and live history) and {@code /models} (loaded models with provenance and the figures of the evaluation
 * report beside them). User ids are shown as stored: pseudonyms when pseudonymisation is on.
 */
public final class DashboardRoutes implements ApiRoutes {
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final long SUMMARY_MAX_AGE_NANOS = 10_000_000_000L;
    private static final Predicate<String> COUNTED = route -> !route.startsWith("/v1/dashboard");
    private final ServiceState state;
    private final TrafficWindow window;
    private final ModelReports reports;
    private final Instant started = Instant.now();
    private RouteTable table;
    private StoreSummary summary;
    private long summaryNanos;
    private long summaryScanMillis;
    private Instant summaryAt;

    public DashboardRoutes(ServiceState state) {
        this.state = state;
        this.window = new TrafficWindow(WINDOW_NANOS, TrafficSample.zero(System.nanoTime()));
        this.reports = new ModelReports(state.json());
    }

    @Override
    public void register(RouteTable t) {
        this.table = t;
        t.get("/v1/dashboard/info", Role.READ, this::info);
        t.get("/v1/dashboard/overview", Role.READ, this::overview);
        t.get("/v1/dashboard/dataset", Role.READ, this::dataset);
        t.get("/v1/dashboard/patterns", Role.READ, this::patterns);
        t.get("/v1/dashboard/users/{id}", Role.READ, this::user);
        t.get("/v1/dashboard/models", Role.READ, this::models);
        DashboardSite.files().forEach(f -> t.file(f.path(), f.type(), f.cache(), f.body()));
    }

    private boolean has(String method, String path) {
        return table.routes().stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    private Reply info(Call call) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", call.principal().name());
        out.put("role", call.principal().role().name().toLowerCase(Locale.ROOT));
        out.put("pseudonymized", state.pseudonymized());
        out.put("default_model", state.models().defaultName());
        out.put("models", state.models().list().stream().map(ServedModel::name).toList());
        out.put("experiments_api", has("GET", "/v1/experiments"));
        return Reply.ok(out);
    }

    private Reply overview(Call call) {
        TrafficWindow.Rates r = window.observe(TrafficSample.take(state.meters(), System.nanoTime(), COUNTED));
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("window_seconds", round(r.seconds()));
        rates.put("events_per_second", round(r.eventsPerSecond()));
        rates.put("requests_per_second", round(r.requestsPerSecond()));
        rates.put("client_errors_per_second", round(r.clientErrorsPerSecond()));
        rates.put("server_errors_per_second", round(r.serverErrorsPerSecond()));
        rates.put("requests", r.requests());
        rates.put("p50_ms", Double.isNaN(r.p50Millis()) ? null : round(r.p50Millis()));
        rates.put("p99_ms", Double.isNaN(r.p99Millis()) ? null : round(r.p99Millis()));
        TrafficWindow.Rates life = TrafficWindow.between(TrafficSample.zero(0),
                TrafficSample.take(state.meters(), 1, COUNTED));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("requests", life.requests());
        totals.put("client_errors", Math.round(life.clientErrorsPerSecond() * life.seconds()));
        totals.put("server_errors", Math.round(life.serverErrorsPerSecond() * life.seconds()));
        totals.put("events_ingested", Math.round(life.eventsPerSecond() * life.seconds()));
        totals.put("stored_events", state.store().count());
        totals.put("live_users", state.live().users());
        totals.put("write_queue", state.store().queueDepth());
        totals.put("rules", state.rules().size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", Instant.now().toString());
        out.put("started", started.toString());
        out.put("store", state.store().describe());
        out.put("rates", rates);
        out.put("totals", totals);
        out.put("models", modelRows(false));
        return Reply.ok(out);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private synchronized StoreSummary summary() {
        long now = System.nanoTime();
        if (summary == null || now - summaryNanos > SUMMARY_MAX_AGE_NANOS) {
            summary = StoreSummary.of(state.store());
            summaryNanos = System.nanoTime();
            summaryScanMillis = (summaryNanos - now) / 1_000_000;
            summaryAt = Instant.now();
        }
        return summary;
    }

    private Reply dataset(Call call) {
        StoreSummary s;
        Map<String, Object> out = new LinkedHashMap<>();
        synchronized (this) {
            s = summary();
            out.put("scanned_at", summaryAt.toString());
            out.put("scan_ms", summaryScanMillis);
        }
        out.put("events", s.events());
        out.put("users", s.users());
        out.put("items", s.items());
        out.put("actions", s.actions());
        out.put("lengths", s.lengths());
        out.put("popularity_tail", s.tail());
        out.put("top_share", s.topShare());
        out.put("gini", round(s.gini()));
        out.put("bucket_ms", s.bucketMillis());
        List<Map<String, Object>> timeline = new ArrayList<>();
        s.timeline().forEach((t, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", t);
            row.put("actions", counts);
            timeline.add(row);
        });
        out.put("timeline", timeline);
        out.put("recent_users", s.recentUsers());
        out.put("pseudonymized", state.pseudonymized());
        return Reply.ok(out);
    }

    private Reply patterns(Call call) {
        String q = QueryParams.text(call, "q");
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        double minConfidence = QueryParams.decimal(call, "min_confidence", 0, 0, 1);
        double minLift = QueryParams.decimal(call, "min_lift", 0, 0, Double.MAX_VALUE);
        int minSupport = QueryParams.integer(call, "min_support", 0, 0, Integer.MAX_VALUE);
        int limit = QueryParams.integer(call, "limit", 50, 1, 500);
        int offset = QueryParams.integer(call, "offset", 0, 0, Integer.MAX_VALUE);
        String sortText = call.query("sort") == null ? "lift" : call.query("sort");
        Comparator<MinedRule> order = switch (sortText) {
            case "lift" -> Comparator.comparingDouble(MinedRule::lift);
            case "confidence" -> Comparator.comparingDouble(MinedRule::confidence);
            case "support" -> Comparator.comparingLong(MinedRule::support);
            default -> throw ApiException.badRequest("sort", "must be lift, confidence or support");
        };
        String dir = call.query("order") == null ? "desc" : call.query("order");
        if (!dir.equals("desc") && !dir.equals("asc")) {
            throw ApiException.badRequest("order", "must be desc or asc");
        }
        if (dir.equals("desc")) {
            order = order.reversed();
        }
        List<MinedRule> hits = state.rules().all().stream()
                .filter(r -> r.confidence() >= minConfidence && r.lift() >= minLift && r.support() >= minSupport)
                .filter(r -> needle == null || matches(r, needle)).sorted(order).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MinedRule r : hits.subList(Math.min(offset, hits.size()), Math.min(hits.size(), offset + limit))) {
            rows.add(PatternRoutes.row(state, r));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_rules", state.rules().size());
        out.put("matching", hits.size());
        out.put("offset", offset);
        out.put("patterns", rows);
        return Reply.ok(out);
    }

    private boolean matches(MinedRule r, String needle) {
        for (List<String> side : List.of(r.antecedent(), r.consequent())) {
            for (String item : side) {
                if (item.toLowerCase(Locale.ROOT).contains(needle)
                        || state.title(null, item).toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code ?stored=true} takes the id as stored (a pseudonym from this dashboard); otherwise a raw id is
     * pseudonymised first when pseudonymisation is on. The answer names the user only as stored.
     */
    private Reply user(Call call) throws IOException {
        String id = EventParser.id(call.path("id"), "id");
        String stored = QueryParams.bool(call, "stored", false) ? id : state.storedUser(id);
        int limit = QueryParams.integer(call, "limit", 500, 1, 10_000);
        List<Map<String, Object>> events = new ArrayList<>();
        for (StoredEvent e : state.store().userEvents(stored, limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", e.seq());
            row.put("item", e.event().item());
            row.put("title", state.title(null, e.event().item()));
            row.put("action", e.event().action());
            row.put("timestamp", e.event().timestamp());
            events.add(row);
        }
        List<String> history = new ArrayList<>();
        for (int item : state.live().history(stored)) {
            history.add(state.items().name(item));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", stored);
        out.put("pseudonymized", state.pseudonymized());
        out.put("events", events);
        out.put("history", history);
        return Reply.ok(out);
    }

    private Reply models(Call call) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default", state.models().defaultName());
        out.put("models", versionRows());
        return Reply.ok(out);
    }

    /**
     * Every version the server has served under every name (active or not), with its provenance and the evaluation
     * figures: those recorded with the version (a retraining's comparison) and those of a report beside its directory.
     */
    private List<Map<String, Object>> versionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        ModelVersions history = state.models().history();
        for (ModelVersions.Version v : history.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", v.name());
            row.put("version", v.version());
            row.put("active", state.models().serving(v));
            row.put("default", v.name().equals(state.models().defaultName()));
            row.put("trained_at", v.trainedAt().toString());
            row.put("loaded_at", v.loadedAt().toString());
            row.put("provenance", v.provenance());
            String trainer = String.valueOf(v.provenance().getOrDefault("trainer", v.name()));
            var e = reports.find(v.dir(), trainer);
            Map<String, Object> metrics = new LinkedHashMap<>(v.metrics());
            e.ifPresent(r -> metrics.putAll(r.metrics()));
            row.put("metrics", metrics);
            row.put("metric_intervals", e.map(ModelReports.Evaluation::intervals).orElse(Map.of()));
            row.put("evaluation", e.map(r -> {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("title", r.title());
                ev.put("protocol", r.protocol());
                ev.put("baseline", r.baseline());
                ev.put("markers", r.marker());
                return ev;
            }).orElse(null));
            rows.add(row);
        }
        return rows;
    }

    /** One row per loaded model, in the shape of {@code GET /v1/models}. */
    private List<Map<String, Object>> modelRows(boolean withMetrics) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServedModel m : state.models().list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.name());
            row.put("version", m.version());
            row.put("active", true);
            row.put("default", m.name().equals(state.models().defaultName()));
            row.put("type", m.loaded().meta().type());
            row.put("model", m.model().name());
            row.put("items", m.model().numItems());
            row.put("trained_at", savedAt(m));
            row.put("loaded_at", m.loadedAt().toString());
            row.put("provenance", m.loaded().meta().provenance());
            if (withMetrics) {
                var e = reports.find(m.loaded().dir(), m.model().name());
                row.put("metrics", e.map(ModelReports.Evaluation::metrics).orElse(Map.of()));
                row.put("metric_intervals", e.map(ModelReports.Evaluation::intervals).orElse(Map.of()));
                row.put("evaluation", e.map(v -> {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("title", v.title());
                    ev.put("protocol", v.protocol());
                    ev.put("baseline", v.baseline());
                    ev.put("markers", v.marker());
                    return ev;
                }).orElse(null));
            }
            rows.add(row);
        }
        return rows;
    }

    /** When the model directory was written (its {@code model.json}), or null. */
    private static String savedAt(ServedModel m) {
        try {
            return Files.getLastModifiedTime(m.loaded().dir().resolve("model.json")).toInstant().toString();
        } catch (IOException e) {
            return null;
        }
    }
}
