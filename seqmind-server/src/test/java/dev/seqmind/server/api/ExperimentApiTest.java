package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.rec.abtest.Bucketing;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An A/B test end to end on a real server: pop against markov1 on the fixture shop (users walk i(k) -> i(k+1)),
 * traffic posted over HTTP, the verdict read back, and everything still there after a restart.
 */
class ExperimentApiTest {
    private static final String SALT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static ServerConfig config(Fixtures.Shop shop, Path dir) {
        Map<String, Path> models = new LinkedHashMap<>();
        models.put("markov1", shop.markov());
        models.put("pop", shop.pop());
        return new ServerConfig("127.0.0.1", 0, dir.resolve("events.sqlite").toString(), shop.dataset(), models,
                null, shop.keys(), null, 50, new Limits(64 * 1024, 1000, 100, 100, 0));
    }

    @Test
    void trafficThroughTheServerEndsInTheVerdictAndSurvivesARestart(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        String id;
        Map<String, Integer> clicksSeen = new HashMap<>();
        try (SeqmindServer server = SeqmindServer.start(config(shop, tmp))) {
            Http http = new Http(server.port());
            var bad = http.post("/v1/experiments", shop.adminKey(), "{\"name\":\"t\",\"variants\":["
                    + "{\"name\":\"control\",\"model\":\"pop\",\"share\":0.7},"
                    + "{\"name\":\"markov\",\"model\":\"markov1\",\"share\":0.7}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("variants");
            assertThat(http.post("/v1/experiments", shop.readKey(), "{}").status()).isEqualTo(403);

            var created = http.post("/v1/experiments", shop.adminKey(), "{\"name\":\"pop vs markov1\",\"variants\":["
                    + "{\"name\":\"control\",\"model\":\"pop\",\"share\":0.5},"
                    + "{\"name\":\"markov\",\"model\":\"markov1\",\"share\":0.5}],\"salt\":\"" + SALT + "\"}");
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asText();
            assertThat(created.json().get("status").asText()).isEqualTo("created");
            assertThat(created.json().has("salt")).as("the bucketing key is never sent back").isFalse();
            assertThat(http.post("/v1/experiments/" + id + "/start", shop.adminKey(), "").json().get("status")
                    .asText()).isEqualTo("running");

            Bucketing bucketing = new Bucketing(Bucketing.salt(SALT), new double[] {0.5, 0.5});
            for (int u = 0; u < 400; u++) {
                String user = "ab" + u;
                int k = u % Fixtures.ITEMS;
                http.post("/v1/events", shop.writeKey(), "{\"user\":\"" + user + "\",\"item\":\"i" + k
                        + "\",\"action\":\"view\"}");
                JsonNode r = http.get("/v1/users/" + user + "/recommendations?k=3&explain=false", shop.readKey())
                        .json();
                String variant = r.get("variant").asText();
                assertThat(r.get("experiment").asText()).isEqualTo(id);
                assertThat(r.get("recommendation_id").asText()).startsWith("rec-");
                assertThat(variant).isEqualTo(bucketing.variant(user) == 0 ? "control" : "markov");
                assertThat(r.get("model").asText()).isEqualTo(variant.equals("control") ? "pop" : "markov1");
                // sticky: the same user asks again and stays in the variant
                assertThat(http.get("/v1/users/" + user + "/recommendations?k=3&explain=false", shop.readKey())
                        .json().get("variant").asText()).isEqualTo(variant);
                // the user walks on to i(k+1) and buys it
                String next = "i" + (k + 1) % Fixtures.ITEMS;
                boolean shown = false;
                for (JsonNode it : r.get("items")) {
                    shown |= it.get("item").asText().equals(next);
                }
                clicksSeen.merge(variant, shown ? 1 : 0, Integer::sum);
                http.post("/v1/events", shop.writeKey(), "{\"user\":\"" + user + "\",\"item\":\"" + next
                        + "\",\"action\":\"buy\"}");
            }
            // an explicit model bypasses the experiment
            assertThat(http.get("/v1/users/ab1/recommendations?model=pop", shop.readKey()).json().has("variant"))
                    .isFalse();

            JsonNode list = http.get("/v1/experiments", shop.readKey()).json();
            JsonNode e = list.get("experiments").get(0);
            assertThat(e.get("id").asText()).isEqualTo(id);
            long exposures = 0;
            for (JsonNode v : e.get("variants")) {
                exposures += v.get("exposures").asLong();
                String name = v.get("name").asText();
                // two recommendation requests per user; clicks credited to the later (most recent) list
                assertThat(v.get("clicks").asInt()).isEqualTo(clicksSeen.get(name));
                assertThat(v.get("conversions").asInt()).isEqualTo(clicksSeen.get(name)); // every click is a buy
                assertThat(v.get("ctr").asDouble()).isEqualTo(v.get("clicks").asDouble()
                        / v.get("exposures").asDouble());
                assertThat(v.get("ctr_ci").get(0).asDouble()).isLessThanOrEqualTo(v.get("ctr").asDouble());
                assertThat(v.get("ctr_ci").get(1).asDouble()).isGreaterThanOrEqualTo(v.get("ctr").asDouble());
                assertThat(v.has("conversion_rate") && v.has("conversion_ci") && v.has("model") && v.has("share"))
                        .isTrue();
            }
            assertThat(exposures).isEqualTo(800);
            JsonNode verdict = e.get("verdict");
            assertThat(verdict.get("decision").asText()).isEqualTo("significant");
            assertThat(verdict.get("winner").asText()).isEqualTo("markov");
            assertThat(verdict.get("p_value").asDouble()).isLessThan(0.05);
            assertThat(verdict.get("text").asText()).startsWith("markov wins on CTR");
            assertThat(http.get("/v1/experiments/nope", shop.readKey()).status()).isEqualTo(404);
        }
        try (SeqmindServer server = SeqmindServer.start(config(shop, tmp))) {
            Http http = new Http(server.port());
            JsonNode e = http.get("/v1/experiments/" + id, shop.readKey()).json();
            assertThat(e.get("status").asText()).isEqualTo("running");
            assertThat(e.get("variants").get(0).get("clicks").asInt()).isEqualTo(clicksSeen.get("control"));
            assertThat(e.get("variants").get(1).get("clicks").asInt()).isEqualTo(clicksSeen.get("markov"));
            assertThat(e.get("verdict").get("winner").asText()).isEqualTo("markov");
            var stopped = http.post("/v1/experiments/" + id + "/stop", shop.adminKey(), "");
            assertThat(stopped.json().get("status").asText()).isEqualTo("stopped");
            assertThat(http.post("/v1/experiments/" + id + "/start", shop.adminKey(), "").status()).isEqualTo(409);
            assertThat(http.get("/v1/users/ab1/recommendations", shop.readKey()).json().has("variant")).isFalse();
        }
    }
}
