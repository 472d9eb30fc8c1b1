package dev.seqmind.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.server.api.AdminRoutes;
import dev.seqmind.server.api.ApiRoutes;
import dev.seqmind.server.api.EventRoutes;
import dev.seqmind.server.api.ItemRoutes;
import dev.seqmind.server.api.OpsRoutes;
import dev.seqmind.server.api.PatternRoutes;
import dev.seqmind.server.api.RecommendationRoutes;
import dev.seqmind.server.api.RouteTable;
import dev.seqmind.server.api.UserRoutes;
import dev.seqmind.server.model.ModelRegistry;
import dev.seqmind.server.model.RuleIndex;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.model.StoredVersions;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.RateLimiter;
import dev.seqmind.server.state.ServiceState;
import dev.seqmind.server.store.EventStore;
import dev.seqmind.server.store.EventStores;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The running service: opens the store and rebuilds live state from it, loads models and rules, and serves the
 * route groups on Helidon (a virtual thread per request). {@link #close()} stops the server, then the store, then
 * the models.
 */
public final class SeqmindServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SeqmindServer.class);

    private final WebServer web;
    private final ServiceState state;
    private final List<RouteTable.Route> routes;
    private final StartupReport report;

    /**
     * What start-up did.
     *
     * @param rebuiltEvents  stored events read into live state
     * @param rebuildMillis  time to read them
     * @param startMillis    time from the call to listening
     */
    public record StartupReport(long rebuiltEvents, long rebuildMillis, long startMillis, int rules) {
    }

    private SeqmindServer(WebServer web, ServiceState state, List<RouteTable.Route> routes, StartupReport report) {
        this.web = web;
        this.state = state;
        this.routes = routes;
        this.report = report;
    }

    /** Starts a server; throws (and releases what it opened) when anything cannot be loaded. */
    public static SeqmindServer start(ServerConfig config) throws IOException {
        long t0 = System.nanoTime();
        ApiKeys keys = ApiKeys.read(config.keys());
        ItemCatalog catalog = ItemCatalog.EMPTY;
        SequenceDataset data = null;
        if (config.dataset() != null) {
            data = DatasetStore.open(config.dataset());
            catalog = data.catalog();
        }
        ModelRegistry models = new ModelRegistry(config.scoring(), StoredVersions.open(config.store()),
                dev.seqmind.server.model.StoredItems.open(config.store()));
        EventStore store = null;
        dev.seqmind.server.experiment.Experiments experiments = null;
        try {
            for (Map.Entry<String, Path> m : config.models().entrySet()) {
                ServedModel served = models.restore(m.getKey(), m.getValue());
                LOG.info("model '{}' serves version {} ({})", m.getKey(), served.version(), served.loaded().dir());
            }
            RuleIndex rules = rules(config, data);
            store = EventStores.open(config.store());
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .findAndRegisterModules();
            json.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            ServiceState state = new ServiceState(store, config.maxLength(), models, rules, catalog,
                    config.pseudonymizer(), config.limits(), meters, json);
            experiments = new dev.seqmind.server.experiment.Experiments(
                    dev.seqmind.server.experiment.ExperimentStore.open(config.store()),
                    () -> models.list().stream().map(dev.seqmind.server.model.ServedModel::name)
                            .collect(java.util.stream.Collectors.toSet()), System::currentTimeMillis, 1000);
            state.experiments(experiments);
            long r0 = System.nanoTime();
            long rebuilt = state.rebuild();
            long rebuildMillis = (System.nanoTime() - r0) / 1_000_000;
            store.listener(state);
            EventStore s = store;
            Gauge.builder("seqmind.store.queue.depth", s, EventStore::queueDepth)
                    .description("writes waiting for the store's writer").register(meters);
            Gauge.builder("seqmind.live.users", state.live(), l -> l.users()).register(meters);
            for (boolean hit : new boolean[] {true, false}) {
                io.micrometer.core.instrument.FunctionCounter.builder("seqmind.encoded.lookups", models,
                                r -> encodedLookups(r, hit)).tag("result", hit ? "hit" : "miss")
                        .description("live recommendations whose user's encoded history was kept (hit) or had "
                                + "to be computed (miss), over the models served now").register(meters);
            }
            Gauge.builder("seqmind.model.version", models, r -> r.list().stream()
                    .mapToLong(dev.seqmind.server.model.ServedModel::version).max().orElse(0))
                    .description("the newest loaded model version").register(meters);

            HttpRouting.Builder routing = HttpRouting.builder();
            RouteTable table = new RouteTable(routing, keys, new RateLimiter(config.limits().ratePerSecond(),
                    2 * config.limits().ratePerSecond()), meters, json);
            for (ApiRoutes group : groups(state)) {
                group.register(table);
            }
            table.finish();
            WebServer web = WebServer.builder().host(config.bind()).port(config.port())
                    .maxPayloadSize(2 * config.limits().maxBodyBytes()).shutdownHook(false)
                    .routing(routing).build().start();
            StartupReport report = new StartupReport(rebuilt, rebuildMillis, (System.nanoTime() - t0) / 1_000_000,
                    rules.size());
            LOG.info("seqmind serving on {}:{} (store {}, {} stored events rebuilt in {} ms, {} rules)",
                    config.bind(), web.port(), store.describe(), rebuilt, rebuildMillis, rules.size());
            return new SeqmindServer(web, state, table.routes(), report);
        } catch (IOException | RuntimeException e) {
            if (experiments != null) {
                experiments.close();
            }
            if (store != null) {
                store.close();
            }
            models.close();
            throw e;
        }
    }

    /** The route groups, in registration order; later features add groups here. */
    static List<ApiRoutes> groups(ServiceState state) {
        List<ApiRoutes> out = new ArrayList<>();
        out.add(new OpsRoutes(state));
        out.add(new EventRoutes(state));
        out.add(new RecommendationRoutes(state));
        out.add(new UserRoutes(state));
        out.add(new ItemRoutes(state));
        out.add(new PatternRoutes(state));
        out.add(new AdminRoutes(state));
        out.add(new dev.seqmind.server.api.ItemAdminRoutes(state));
        out.add(new dev.seqmind.server.api.ExperimentRoutes(state));
        out.add(new dev.seqmind.server.api.DashboardRoutes(state));
        out.add(new dev.seqmind.server.api.ModelRoutes(state));
        return out;
    }

    private static RuleIndex rules(ServerConfig config, SequenceDataset data) throws IOException {
        if (config.rules() != null && Files.exists(config.rules())) {
            return RuleIndex.read(config.rules());
        }
        if (data == null) {
            return RuleIndex.empty();
        }
        long t0 = System.nanoTime();
        RuleIndex mined = null;
        double support = 0.01;
        while (mined == null) {
            try {
                mined = RuleIndex.mine(data, support, 0.1, 100_000);
            } catch (dev.seqmind.mining.BudgetExceededException e) {
                if (support >= 0.5) {
                    throw e;
                }
                support = Math.min(0.5, support * 2); // dense data: fewer, stronger rules are enough to explain
            }
        }
        LOG.info("mined {} sequential rules (support >= {}, confidence >= 0.1) from {} in {} ms", mined.size(),
                support, config.dataset(), (System.nanoTime() - t0) / 1_000_000);
        if (config.rules() != null) {
            mined.write(config.rules());
        }
        return mined;
    }

    private static double encodedLookups(ModelRegistry models, boolean hits) {
        double n = 0;
        for (var m : models.list()) {
            var e = m.encodedHistories();
            if (e != null) {
                n += hits ? e.hits() : e.misses();
            }
        }
        return n;
    }

    public int port() {
        return web.port();
    }

    public ServiceState state() {
        return state;
    }

    /** The routes the server answers (for the OpenAPI check). */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    public StartupReport report() {
        return report;
    }

    @Override
    public void close() {
        web.stop();
        state.experiments().close();
        state.store().close();
        state.models().close();
    }
}
