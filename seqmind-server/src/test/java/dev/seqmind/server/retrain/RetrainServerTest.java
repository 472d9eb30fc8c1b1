package dev.seqmind.server.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.retrain.Challenge;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.state.Limits;
import dev.seqmind.server.store.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop on a real server on 127.0.0.1: a stale model serves, the shifted events arrive through
 * {@code POST /v1/events}, a retraining cycle promotes a new version while four threads keep asking for
 * recommendations (none may fail), {@code GET /v1/models} lists both versions, and a rollback restores the first.
 */
class RetrainServerTest {
    @Test
    void retrainPromotesUnderLoadListsVersionsAndRollsBack(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("dataset");
        DatasetStore.save(ShiftedShop.before(), dataset);
        Challenge.Settings s = Challenge.Settings.defaults();
        s = new Challenge.Settings(0.2, 0.02, 0.05, s.metric(), s.k(), s.seen(), 30, 1, 42);
        Path store = tmp.resolve("events.sqlite");
        RetrainCycle cycle = new RetrainCycle(dataset, List.of("sqlite:" + store), false, Optional.empty(),
                "markov1", tmp.resolve("models"), s);
        Path stale = cycle.initial(ClassicTrainers.byName("markov1").orElseThrow(), Progress.NONE);
        Fixtures.Keys k = Fixtures.keys(tmp);
        Path keys = k.file();
        String read = k.read();
        String write = k.write();
        String admin = k.admin();
        ServerConfig config = new ServerConfig("127.0.0.1", 0, store.toString(), dataset, Map.of("markov1", stale),
                null, keys, null, 50, new Limits(1 << 22, 1000, 100, 100, 0));
        try (SeqmindServer server = SeqmindServer.start(config);
             RetrainScheduler scheduler = new RetrainScheduler(cycle, server.state().models())) {
            Http http = new Http(server.port());
            List<Event> after = ShiftedShop.after(240);
            ShiftedShop.post(http, write, after);
            JsonNode before = http.get("/v1/models", read).json();
            assertThat(before.get("models")).hasSize(1);
            assertThat(before.get("models").get(0).get("version").asLong()).isEqualTo(1);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                load.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        var r = http.get("/v1/users/u" + (2 * id) + "/recommendations?k=5&explain=false", read);
                        if (r.status() != 200 || r.json().get("items").isEmpty()) {
                            failures.add(r.status() + " " + r.text());
                        } else {
                            ok.incrementAndGet();
                        }
                    }
                }));
            }
            String outcome = scheduler.runOnce();
            Thread.sleep(200);
            stop.set(true);
            for (Thread t : load) {
                t.join();
            }
            assertThat(outcome).contains("promoted").contains("now serving markov1 version 2");
            assertThat(failures).isEmpty();
            assertThat(ok.get()).isGreaterThan(10);

            JsonNode models = http.get("/v1/models", read).json().get("models");
            assertThat(models).hasSize(2);
            assertThat(models.get(0).get("active").asBoolean()).isFalse();
            assertThat(models.get(1).get("active").asBoolean()).isTrue();
            assertThat(models.get(1).get("version").asLong()).isEqualTo(2);
            assertThat(models.get(1).get("provenance").get("dataset_fingerprint").asText())
                    .isNotEqualTo(models.get(0).get("provenance").get("dataset_fingerprint").asText());
            assertThat(models.get(1).get("provenance").get("events").asLong())
                    .isEqualTo(ShiftedShop.before().numInteractions() + after.size());
            assertThat(models.get(1).get("metrics").get("p_value").asDouble()).isLessThan(0.05);
            assertThat(models.get(1).get("trained_at").asText()).isNotEmpty();

            // rollback: read key refused, unknown names and versions 400 naming the field, then version 1 is back
            assertThat(http.post("/v1/admin/models/markov1/rollback", read, "{}").status()).isEqualTo(403);
            assertThat(http.post("/v1/admin/models/nope/rollback", admin, "{}").json().get("field").asText())
                    .isEqualTo("id");
            var noSuchVersion = http.post("/v1/admin/models/markov1/rollback", admin, "{\"version\":9}");
            assertThat(noSuchVersion.status()).isEqualTo(400);
            assertThat(noSuchVersion.json().get("field").asText()).isEqualTo("version");
            var rolled = http.post("/v1/admin/models/markov1/rollback", admin, "");
            assertThat(rolled.status()).as(rolled.text()).isEqualTo(200);
            assertThat(rolled.json().get("version").asLong()).isEqualTo(1);
            models = http.get("/v1/models", read).json().get("models");
            assertThat(models.get(0).get("active").asBoolean()).isTrue();
            assertThat(models.get(1).get("active").asBoolean()).isFalse();
            assertThat(server.state().models().list().getFirst().loaded().dir()).isEqualTo(stale);
            assertThat(http.post("/v1/admin/models/markov1/rollback", admin, "{}").status())
                    .as("nothing before version 1").isEqualTo(400);
            var forward = http.post("/v1/admin/models/markov1/rollback", admin, "{\"version\":2}");
            assertThat(forward.json().get("version").asLong()).isEqualTo(2);
        }

        // a restart with the same command line: both versions listed, version 2 (the last one activated) serves
        try (SeqmindServer server = SeqmindServer.start(config)) {
            Http http = new Http(server.port());
            JsonNode models = http.get("/v1/models", read).json().get("models");
            assertThat(models).hasSize(2);
            assertThat(models.get(0).get("version").asLong()).isEqualTo(1);
            assertThat(models.get(0).get("active").asBoolean()).isFalse();
            assertThat(models.get(1).get("active").asBoolean()).isTrue();
            assertThat(models.get(1).get("metrics").get("p_value").asDouble()).isLessThan(0.05);
            assertThat(models.get(1).get("provenance").get("events").asLong())
                    .isEqualTo(ShiftedShop.before().numInteractions() + ShiftedShop.after(240).size());
            assertThat(server.state().models().list().getFirst().version()).isEqualTo(2);
            assertThat(server.state().models().list().getFirst().loaded().dir()).isNotEqualTo(stale);
            JsonNode page = http.get("/v1/dashboard/models", read).json().get("models");
            assertThat(page).hasSize(2);
            assertThat(page.get(1).get("active").asBoolean()).isTrue();
            var rolled = http.post("/v1/admin/models/markov1/rollback", admin, "");
            assertThat(rolled.status()).as(rolled.text()).isEqualTo(200);
            assertThat(rolled.json().get("version").asLong()).isEqualTo(1);
            assertThat(http.get("/v1/users/u0/recommendations?k=5", read).status()).isEqualTo(200);
        }
        // and the rollback outlives the next restart
        try (SeqmindServer server = SeqmindServer.start(config)) {
            assertThat(server.state().models().list().getFirst().version()).isEqualTo(1);
            assertThat(server.state().models().list().getFirst().loaded().dir()).isEqualTo(stale);
            assertThat(server.state().models().history().list()).hasSize(2);
        }
    }

    @Test
    void aFailedCycleIsLoggedAndTheModelKeepsServing(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("dataset");
        DatasetStore.save(ShiftedShop.before(), dataset);
        RetrainCycle cycle = new RetrainCycle(dataset, List.of("sqlite:" + tmp.resolve("missing.sqlite")), false,
                Optional.empty(), "markov1", tmp.resolve("models"), Challenge.Settings.defaults());
        Path model = cycle.initial(ClassicTrainers.byName("markov1").orElseThrow(), Progress.NONE);
        var registry = new dev.seqmind.server.model.ModelRegistry();
        registry.load("markov1", model);
        try (RetrainScheduler scheduler = new RetrainScheduler(cycle, registry)) {
            assertThat(scheduler.runOnce()).contains("failed, the current model keeps serving")
                    .contains("missing.sqlite");
            assertThat(registry.lease("markov1")).isPresent();
            assertThat(registry.history().list()).hasSize(1);
        } finally {
            registry.close();
        }
    }
}
