package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.model.EncodedHistories;
import dev.seqmind.server.model.ModelRegistry;
import dev.seqmind.server.model.Scoring;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SASRec served by the pure-Java forward pass with users' encoded histories kept between requests: a user's
 * recommendations from live state (the cached path) carry exactly the scores of the same history sent with
 * {@code POST /v1/recommendations} (always computed afresh), on the first request, on a repeated one (answered from
 * the kept vector) and right after an event changed the sequence.
 */
class CachedSasRecServingTest {
    @Test
    void cachedLiveScoresEqualFreshlyComputedOnesIncludingRightAfterAnEvent(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        Path sasrec = sasrec(tmp.resolve("models/sasrec"));
        ServerConfig config = new ServerConfig("127.0.0.1", 0, tmp.resolve("events.sqlite").toString(),
                shop.dataset(), Map.of("sasrec", sasrec), null, shop.keys(), null, 50,
                new Limits(64 * 1024, 100, 100, 100, 0), new Scoring(Scoring.Forward.JAVA, 0, 0, 100));
        try (SeqmindServer server = SeqmindServer.start(config)) {
            Http http = new Http(server.port());
            List<String> history = new ArrayList<>(List.of("i3", "i4", "i5", "i9"));
            StringBuilder batch = new StringBuilder("{\"events\":[");
            for (int i = 0; i < history.size(); i++) {
                batch.append(i == 0 ? "" : ",").append("{\"user\":\"carol\",\"item\":\"").append(history.get(i))
                        .append("\",\"action\":\"view\"}");
            }
            assertThat(http.post("/v1/events", shop.writeKey(), batch.append("]}").toString()).status())
                    .isEqualTo(200);
            EncodedHistories kept;
            try (ModelRegistry.Lease l = server.state().models().lease(null).orElseThrow()) {
                kept = l.model().encodedHistories();
            }
            assertThat(kept).isNotNull();

            JsonNode first = live(http, shop);
            assertThat(first).isEqualTo(fresh(http, shop, history));
            assertThat(kept.misses()).isEqualTo(1);
            JsonNode again = live(http, shop);
            assertThat(again).isEqualTo(first);
            assertThat(kept.hits()).isEqualTo(1);

            assertThat(http.post("/v1/events", shop.writeKey(),
                    "{\"user\":\"carol\",\"item\":\"i17\",\"action\":\"view\"}").status()).isEqualTo(200);
            history.add("i17");
            JsonNode after = live(http, shop);
            assertThat(after).isEqualTo(fresh(http, shop, history)).isNotEqualTo(first);
            assertThat(kept.misses()).isEqualTo(2);
            assertThat(live(http, shop)).isEqualTo(after);
            assertThat(kept.hits()).isEqualTo(2);

            assertThat(http.delete("/v1/users/carol", shop.adminKey()).status()).isEqualTo(200);
            assertThat(kept.size()).isZero();
        }
    }

    /** Items and scores (every item, seen ones kept) for carol's live sequence. */
    private static JsonNode live(Http http, Fixtures.Shop shop) {
        var r = http.get("/v1/users/carol/recommendations?k=40&exclude_seen=false&explain=false", shop.readKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("fallback").isNull()).isTrue();
        return r.json().get("items");
    }

    /** The same for a history sent with the request. */
    private static JsonNode fresh(Http http, Fixtures.Shop shop, List<String> history) {
        var r = http.post("/v1/recommendations", shop.readKey(), "{\"history\":[\"" + String.join("\",\"", history)
                + "\"],\"k\":40,\"exclude_seen\":false,\"explain\":false}");
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("items");
    }

    private static Path sasrec(Path dir) throws Exception {
        String[] names = new String[Fixtures.ITEMS];
        for (int i = 0; i < names.length; i++) {
            names[i] = "i" + i;
        }
        return Fixtures.sasrec(dir, IdMap.of(names), 11);
    }
}
