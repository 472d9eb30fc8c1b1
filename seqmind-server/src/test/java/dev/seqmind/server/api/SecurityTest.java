package dev.seqmind.server.api;

import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityTest {
    @Test
    void aKeyOverItsRateGets429AndOtherKeysAreNotSlowedDown(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        try (SeqmindServer server = SeqmindServer.start(Fixtures.config(shop, tmp, new Limits(1 << 20, 100, 100, 100,
                5)))) {
            Http http = new Http(server.port());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(http.get("/v1/patterns?limit=1", shop.readKey()).status());
            }
            assertThat(statuses).contains(200, 429);
            assertThat(statuses.indexOf(429)).isGreaterThanOrEqualTo(9); // a burst of twice the rate passes
            var limited = http.get("/v1/patterns?limit=1", shop.readKey());
            assertThat(limited.json().get("error").asText()).isEqualTo("rate_limited");
            assertThat(http.get("/v1/admin/models", shop.adminKey()).status()).isEqualTo(200);
        }
    }

    @Test
    void withPseudonymisationNoRawUserIdIsStoredAndRawIdsStillWork(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        Pseudonymizer p = new Pseudonymizer("a-test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
        Path store = tmp.resolve("pseudo.sqlite");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, store.toString(), shop.dataset(),
                Map.of("markov1", shop.markov()), null, shop.keys(), p, 50, Limits.defaults());
        try (SeqmindServer server = SeqmindServer.start(config)) {
            Http http = new Http(server.port());
            http.post("/v1/events", shop.writeKey(), "{\"user\":\"alice@example.com\",\"item\":\"i3\",\"action\":\"v\"}");
            assertThat(http.get("/v1/users/alice@example.com/events", shop.adminKey()).json().get("events")).hasSize(1);
            assertThat(http.get("/v1/users/alice@example.com/recommendations", shop.readKey()).json()
                    .get("history_length").asInt()).isEqualTo(1);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
                 ResultSet rs = c.createStatement().executeQuery("SELECT user_id FROM events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(p.pseudonym("alice@example.com")).doesNotContain("alice");
            }
            assertThat(http.delete("/v1/users/alice@example.com", shop.adminKey()).json().get("erased_events").asInt())
                    .isEqualTo(1);
        }
        for (Path f : List.of(store, Path.of(store + "-wal"))) {
            if (Files.exists(f)) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("alice");
            }
        }
    }
}
