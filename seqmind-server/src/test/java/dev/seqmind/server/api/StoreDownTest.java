package dev.seqmind.server.api;

import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.state.Limits;
import dev.seqmind.server.store.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that cannot write, over HTTP: the server runs on a real PostgreSQL that is stopped under it. Writes get
 * 503 with the error shape and nothing is acknowledged (not stored, not in live state, the idempotency key not
 * taken); when the database is back, the same request succeeds once.
 */
class StoreDownTest {
    @Test
    void aStoppedDatabaseGets503AcknowledgesNothingAndTheServerRecovers(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        try (LocalPostgres pg = LocalPostgres.startOrSkip()) {
            ServerConfig config = new ServerConfig("127.0.0.1", 0, pg.url(), shop.dataset(),
                    Map.of("markov1", shop.markov()), null, shop.keys(), null, 50, Limits.defaults());
            try (SeqmindServer server = SeqmindServer.start(config)) {
                Http http = new Http(server.port());
                String w = shop.writeKey();
                assertThat(http.post("/v1/events", w, "{\"user\":\"ann\",\"item\":\"i1\",\"action\":\"view\"}")
                        .status()).isEqualTo(200);
                String batch = "{\"idempotency_key\":\"b-1\",\"events\":[{\"user\":\"ann\",\"item\":\"i2\","
                        + "\"action\":\"view\"},{\"user\":\"bob\",\"item\":\"i3\",\"action\":\"view\"}]}";
                pg.stopServer();
                try {
                    Http.Response down = http.post("/v1/events", w, batch);
                    assertThat(down.status()).isEqualTo(503);
                    assertThat(down.json().get("error").asText()).isEqualTo("store_unavailable");
                    assertThat(down.json().has("field")).isTrue();
                    assertThat(down.text()).doesNotContain("Exception", "at org.", "jdbc:");
                    assertThat(http.get("/v1/users/ann/recommendations?explain=false", shop.readKey()).json()
                            .get("history_length").asInt()).isEqualTo(1); // live state took nothing
                    assertThat(http.get("/health", null).status()).isEqualTo(200);
                } finally {
                    pg.startServer();
                }
                Http.Response up = http.post("/v1/events", w, batch);
                assertThat(up.status()).isEqualTo(200);
                assertThat(up.json().get("stored").asInt()).isEqualTo(2);
                assertThat(up.json().get("duplicate").asBoolean()).isFalse(); // the failed try took no key
                assertThat(http.post("/v1/events", w, batch).json().get("duplicate").asBoolean()).isTrue();
                assertThat(http.get("/v1/users/ann/events", shop.adminKey()).json().get("events"))
                        .extracting(e -> e.get("item").asText()).containsExactly("i1", "i2");
                assertThat(http.get("/v1/users/bob/events", shop.adminKey()).json().get("events")).hasSize(1);
                assertThat(http.get("/v1/users/ann/recommendations?explain=false", shop.readKey()).json()
                        .get("history_length").asInt()).isEqualTo(2);
            }
        }
    }
}
