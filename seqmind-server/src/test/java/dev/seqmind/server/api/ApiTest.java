package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API end to end on a real server (127.0.0.1, free port) with markov1 over a SQLite store. */
class ApiTest {
    @TempDir
    static Path tmp;
    static Fixtures.Shop shop;
    static SeqmindServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        shop = Fixtures.shop(tmp);
        server = SeqmindServer.start(Fixtures.config(shop, tmp, new Limits(64 * 1024, 100, 100, 100, 200)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEventIsReflectedInTheVeryNextRecommendationWithItsExplanation() {
        var ack = http.post("/v1/events", shop.writeKey(),
                "{\"user\":\"alice\",\"item\":\"i10\",\"action\":\"view\",\"timestamp\":\"2024-05-01T12:00:00Z\"}");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("stored").asInt()).isEqualTo(1);
        var recs = http.get("/v1/users/alice/recommendations?k=3", shop.readKey());
        assertThat(recs.status()).isEqualTo(200);
        assertThat(recs.json().get("fallback").isNull()).isTrue();
        JsonNode first = recs.json().get("items").get(0);
        assertThat(first.get("item").asText()).isEqualTo("i11"); // the walk goes i10 -> i11
        assertThat(first.get("title").asText()).isEqualTo("Item 11");
        JsonNode why = first.get("explanation");
        assertThat(why.get("sentence").asText()).contains("Item 11");
        assertThat(why.get("contributors").get(0).get("item").asText()).isEqualTo("i10");
        assertThat(why.get("contributors").get(0).get("title").asText()).isEqualTo("Item 10");
        // mined at start from the dataset: a rule "i10 => i11" stands behind it
        assertThat(why.get("rules").get(0).get("consequent").get(0).asText()).isEqualTo("i11");
        assertThat(why.get("rules").get(0).get("confidence").asDouble()).isGreaterThan(0.1);

        var plain = http.get("/v1/users/alice/recommendations?k=3&explain=false&category=even", shop.readKey());
        for (JsonNode item : plain.json().get("items")) {
            assertThat(item.has("explanation")).isFalse();
            assertThat(Integer.parseInt(item.get("item").asText().substring(1)) % 2).isZero();
        }
    }

    @Test
    void unknownUsersAndEmptyHistoriesGetALabelledFallback() {
        http.post("/v1/events", shop.writeKey(), "{\"events\":[{\"user\":\"pop1\",\"item\":\"i3\",\"action\":\"buy\"},"
                + "{\"user\":\"pop2\",\"item\":\"i3\",\"action\":\"buy\"}]}");
        var r = http.get("/v1/users/nobody/recommendations", shop.readKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("fallback").asText()).isEqualTo("recent-popularity");
        assertThat(r.json().get("items").get(0).get("item").asText()).isEqualTo("i3");
        var p = http.post("/v1/recommendations", shop.readKey(), "{\"history\":[\"no-such-item\"]}");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.json().get("fallback").asText()).isEqualTo("recent-popularity");
        assertThat(p.json().get("unknown_history_items").get(0).asText()).isEqualTo("no-such-item");
    }

    @Test
    void postedHistoriesAreRankedWithoutStoringAnything() {
        var r = http.post("/v1/recommendations", shop.readKey(),
                "{\"history\":[\"i20\",\"i21\"],\"k\":2,\"exclude\":[\"i22\"],\"explain\":false}");
        assertThat(r.status()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        r.json().get("items").forEach(n -> items.add(n.get("item").asText()));
        assertThat(items).hasSize(2).doesNotContain("i22", "i20", "i21");
    }

    @Test
    void idempotentBatchesAreStoredOnce() {
        String batch = "{\"idempotency_key\":\"b-1\",\"events\":[{\"user\":\"bob\",\"item\":\"i1\",\"action\":\"view\"},"
                + "{\"user\":\"bob\",\"item\":\"i2\",\"action\":\"view\"}]}";
        var first = http.post("/v1/events", shop.writeKey(), batch);
        var again = http.post("/v1/events", shop.writeKey(), batch);
        assertThat(first.json().get("stored").asInt()).isEqualTo(2);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("stored").asInt()).isZero();
        var events = http.get("/v1/users/bob/events", shop.adminKey());
        assertThat(events.json().get("events")).hasSize(2);
        assertThat(events.json().get("events").get(1).get("item").asText()).isEqualTo("i2");
    }

    @Test
    void rejectedBatchesWriteNothingAndNameTheField() {
        var r = http.post("/v1/events", shop.writeKey(), "{\"events\":[{\"user\":\"carol\",\"item\":\"i1\",\"action\":"
                + "\"view\"},{\"user\":\"carol\",\"item\":\"i2\",\"action\":\"view\",\"timestamp\":1}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("events[1].timestamp");
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(http.get("/v1/users/carol/events", shop.adminKey()).json().get("events")).isEmpty();
        assertThat(http.post("/v1/events", shop.writeKey(), "{\"user\":\"c\",\"item\":\"i1\",\"action\":\"v\","
                + "\"colour\":1}").json().get("field").asText()).isEqualTo("colour");
        assertThat(http.post("/v1/events", shop.writeKey(), "{\"user\":\"c\\u0001\",\"item\":\"i1\",\"action\":\"v\"}")
                .json().get("field").asText()).isEqualTo("user");
        assertThat(http.post("/v1/events", shop.writeKey(), "{\"user\":\"" + "x".repeat(257)
                + "\",\"item\":\"i1\",\"action\":\"v\"}").status()).isEqualTo(400);
        assertThat(http.post("/v1/events", shop.writeKey(), "{\"user\":\"c\",\"item\":\"i1\",\"action\":\"v\","
                + "\"timestamp\":\"2999-01-01T00:00:00Z\"}").json().get("field").asText()).isEqualTo("timestamp");
        assertThat(http.post("/v1/events", shop.writeKey(), "{\"user\":").json().get("detail").asText())
                .contains("malformed JSON");
        StringBuilder big = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 101; i++) {
            big.append(i == 0 ? "" : ",").append("{\"user\":\"d\",\"item\":\"i1\",\"action\":\"v\"}");
        }
        assertThat(http.post("/v1/events", shop.writeKey(), big + "]}").status()).isEqualTo(413);
        assertThat(http.post("/v1/events", shop.writeKey(), "{\"pad\":\"" + "x".repeat(70_000) + "\"}").status())
                .isEqualTo(413);
    }

    @Test
    void keysAndRolesAreEnforcedWithoutLeakingDetail() {
        var none = http.get("/v1/users/alice/recommendations", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(http.get("/v1/patterns", "sk_wrong").status()).isEqualTo(401);
        assertThat(http.post("/v1/events", shop.readKey(), "{}").status()).isEqualTo(403);
        assertThat(http.delete("/v1/users/alice", shop.writeKey()).status()).isEqualTo(403);
        assertThat(http.get("/v1/admin/models", shop.writeKey()).status()).isEqualTo(403);
        assertThat(http.get("/health", null).status()).isEqualTo(200);
        var missing = http.get("/v1/nothing", shop.adminKey());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).doesNotContain("Exception", "at dev.");
    }

    @Test
    void erasureRemovesStoredEventsAndLiveState() {
        http.post("/v1/events", shop.writeKey(), "{\"events\":[{\"user\":\"erin\",\"item\":\"i5\",\"action\":\"v\"},"
                + "{\"user\":\"erin\",\"item\":\"i6\",\"action\":\"v\"}]}");
        var gone = http.delete("/v1/users/erin", shop.adminKey());
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("erased_events").asLong()).isEqualTo(2);
        assertThat(http.get("/v1/users/erin/events", shop.adminKey()).json().get("events")).isEmpty();
        assertThat(http.get("/v1/users/erin/recommendations", shop.readKey()).json().get("fallback").asText())
                .isEqualTo("recent-popularity");
    }

    @Test
    void similarItemsPatternsModelsAndMetricsAnswer() {
        var sim = http.get("/v1/items/i7/similar?k=2", shop.readKey());
        assertThat(sim.json().get("similar").get(0).get("item").asText()).isEqualTo("i8");
        assertThat(http.get("/v1/items/nope/similar", shop.readKey()).status()).isEqualTo(404);
        var pats = http.get("/v1/patterns?item=i7&min_confidence=0.2&sort=confidence&limit=5", shop.readKey());
        assertThat(pats.json().get("patterns").size()).isBetween(1, 5);
        for (JsonNode p : pats.json().get("patterns")) {
            assertThat(p.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.2);
        }
        assertThat(http.get("/v1/patterns?sort=weird", shop.readKey()).json().get("field").asText()).isEqualTo("sort");
        var models = http.get("/v1/admin/models", shop.adminKey());
        assertThat(models.json().get("models").get(0).get("provenance").get("trainer").asText()).isEqualTo("markov1");
        var loaded = http.post("/v1/admin/models", shop.adminKey(), "{\"name\":\"pop\",\"path\":\""
                + shop.pop().toString().replace("\\", "\\\\") + "\"}");
        assertThat(loaded.status()).isEqualTo(200);
        assertThat(http.get("/v1/users/alice/recommendations?model=pop", shop.readKey()).json().get("model").asText())
                .isEqualTo("pop");
        assertThat(http.post("/v1/admin/models", shop.adminKey(), "{\"path\":\"/no/such/dir\"}").json().get("field")
                .asText()).isEqualTo("path");
        String metrics = http.get("/metrics", shop.readKey()).text();
        assertThat(metrics).contains("seqmind_http_requests_seconds_bucket", "seqmind_events_ingested_total",
                "seqmind_store_queue_depth", "seqmind_model_version");
    }
}
