package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.neural.text.ContentKnnTrainer;
import dev.seqmind.neural.text.TextModelSpec;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's text side end to end, on a real sentence model: free-text queries in {@code POST
 * /v1/recommendations}, the cold-start blend for users with few events, and items added after the model was saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextApiTest {
    private static final String[][] FILMS = {
            {"space1", "Star Wars: A New Hope", "Sci-Fi|Adventure"},
            {"space2", "Star Trek: The Wrath of Khan", "Sci-Fi|Adventure"},
            {"space3", "Alien", "Sci-Fi|Horror"},
            {"space4", "2001: A Space Odyssey", "Sci-Fi"},
            {"love1", "Pride and Prejudice", "Romance|Drama"},
            {"love2", "Sense and Sensibility", "Romance|Drama"},
            {"love3", "Notting Hill", "Romance|Comedy"},
            {"love4", "When Harry Met Sally", "Romance|Comedy"},
            {"toon1", "Toy Story", "Animation|Children's|Comedy"},
            {"toon2", "Aladdin", "Animation|Children's|Musical"},
            {"toon3", "The Lion King", "Animation|Children's|Musical"},
            {"toon4", "Finding Nemo", "Animation|Children's|Adventure"},
    };

    private SeqmindServer server;
    private Http http;
    private Fixtures.Keys keys;

    /** 90 users, each watching films of one kind in a random order. */
    static SequenceDataset films() {
        Map<String, ItemMetadata> cat = new LinkedHashMap<>();
        for (String[] f : FILMS) {
            cat.put(f[0], new ItemMetadata(f[1], List.of(f[2].split("\\|")), "", Map.of()));
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("films", TimeKind.EPOCH_MILLIS), 1024)
                .catalog(new ItemCatalog(cat));
        SplittableRandom r = new SplittableRandom(3);
        long t = 1_700_000_000_000L;
        for (int u = 0; u < 90; u++) {
            int kind = u % 3;
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
            java.util.Collections.shuffle(order, new java.util.Random(r.nextLong()));
            for (int j : order) {
                b.add("u" + u, FILMS[kind * 4 + j][0], "view", t += 1000);
            }
        }
        return b.build();
    }

    private static Path save(SequenceDataset data, RecommenderTrainer t, Path dir) throws IOException {
        ModelDirectory.save(t.fit(data, FitContext.of(1)), dir, Provenance.of(data, t, FitContext.of(1)),
                data.catalog());
        return dir;
    }

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        SequenceDataset data = films();
        Path dataset = tmp.resolve("dataset");
        DatasetStore.save(data, dataset);
        Map<String, Path> models = new LinkedHashMap<>();
        models.put("markov1", save(data, ClassicTrainers.byName("markov1").orElseThrow(), tmp.resolve("markov1")));
        models.put("knn", save(data, ContentKnnTrainer.defaults(TextSettings.of(TextModelSpec.MINILM)),
                tmp.resolve("knn")));
        keys = Fixtures.keys(tmp);
        server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0, tmp.resolve("events.sqlite").toString(),
                dataset, models, null, keys.file(), null, 50, Limits.defaults()));
        http = new Http(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Http.Response recommend(String body) {
        return http.post("/v1/recommendations", keys.read(), body);
    }

    private static List<String> items(Http.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("item").asText()));
        return out;
    }

    private static void badRequest(Http.Response r, String field, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode e = r.json();
        assertThat(e.get("error").asText()).isEqualTo("invalid_request");
        assertThat(e.get("field").asText()).isEqualTo(field);
        assertThat(e.get("detail").asText()).contains(detail);
    }

    @Test
    void aQueryIsBlendedWithTheHistoryAsTheCommandLineBlendsIt() {
        String history = "\"history\":[\"space1\",\"space2\"],\"model\":\"knn\",\"k\":3";
        // the query alone: romance films, though the history is science fiction
        Http.Response q = recommend("{" + history + ",\"query\":\"a romantic love story\",\"query_weight\":1}");
        assertThat(q.status()).as(q.text()).isEqualTo(200);
        assertThat(items(q)).allMatch(i -> i.startsWith("love"));
        JsonNode why = q.json().get("items").get(0).get("explanation");
        assertThat(why.get("query_cosine").asDouble()).isGreaterThan(0.2);
        assertThat(why.get("sentence").asText()).startsWith("Matches the query");
        // the history alone: other science-fiction films (space5 too once another test has added it), seen ones
        // excluded
        Http.Response h = recommend("{" + history + ",\"query\":\"a romantic love story\",\"query_weight\":0}");
        assertThat(items(h).subList(0, 2)).allMatch(i -> i.startsWith("space")).doesNotContain("space1", "space2");
        // no history: the query alone, whatever the weight
        Http.Response none = recommend("{\"history\":[],\"model\":\"knn\",\"k\":2,"
                + "\"query\":\"cartoon musical for children\"}");
        assertThat(none.json().get("fallback").isNull()).isTrue();
        assertThat(items(none)).allMatch(i -> i.startsWith("toon"));
        // the category filter still holds
        Http.Response cat = recommend("{\"history\":[\"space1\"],\"model\":\"knn\",\"k\":5,\"category\":\"Comedy\","
                + "\"query\":\"space adventure\"}");
        assertThat(items(cat)).containsExactlyInAnyOrder("love3", "love4", "toon1");
    }

    @Test
    void badQueriesAreRefusedNamingTheField() {
        String base = "{\"history\":[\"space1\"],\"model\":\"knn\",";
        badRequest(recommend(base + "\"query\":\"" + "x".repeat(1001) + "\"}"), "query", "longer than 1000");
        badRequest(recommend(base + "\"query\":\"space\\u0007opera\"}"), "query", "control character U+0007");
        badRequest(recommend(base + "\"query\":\"line\\nbreak\"}"), "query", "control character U+000A");
        badRequest(recommend(base + "\"query\":\"   \"}"), "query", "blank");
        badRequest(recommend(base + "\"query\":42}"), "query", "string");
        badRequest(recommend(base + "\"query\":\"space\",\"query_weight\":1.5}"), "query_weight", "[0, 1]");
        badRequest(recommend(base + "\"query\":\"space\",\"query_weight\":\"half\"}"), "query_weight", "[0, 1]");
        badRequest(recommend(base + "\"query_weight\":0.5}"), "query_weight", "only with a query");
        // a model without a text side
        badRequest(recommend("{\"history\":[\"space1\"],\"model\":\"markov1\",\"query\":\"space\"}"), "query",
                "no text side");
    }

    @Test
    void usersWithOneToThreeEventsGetTheColdStartBlend() {
        for (int n = 1; n <= 4; n++) {
            Http.Response e = http.post("/v1/events", keys.write(), "{\"user\":\"newcomer\",\"item\":\"toon"
                    + n + "\",\"action\":\"view\"}");
            assertThat(e.status()).as(e.text()).isLessThan(300);
            Http.Response r = http.get("/v1/users/newcomer/recommendations?model=knn&k=3", keys.read());
            assertThat(r.status()).isEqualTo(200);
            if (n <= 3) {
                assertThat(r.json().get("fallback").asText()).isEqualTo("cold-start-blend");
                assertThat(r.json().get("history_length").asInt()).isEqualTo(n);
                // other animated films first: text and the mined rules agree
                assertThat(items(r).getFirst()).startsWith("toon");
                assertThat(r.json().get("items").get(0).get("explanation").get("sentence").asText())
                        .startsWith("Few events yet (" + n + ")");
            } else {
                assertThat(r.json().get("fallback").isNull()).as("the model itself from 4 events on").isTrue();
            }
        }
        // an id-only model is not replaced by the blend
        Http.Response m = http.get("/v1/users/newcomer/recommendations?model=markov1&k=3", keys.read());
        assertThat(m.json().get("fallback").isNull()).isTrue();
    }

    @Test
    void anItemAddedAfterTheModelWasSavedIsRecommendedByContentKnnAlone() {
        Http.Response bad = http.post("/v1/admin/items", keys.admin(), "{\"items\":[{\"id\":\"x\"}]}");
        badRequest(bad, "items[0]", "no content");
        badRequest(http.post("/v1/admin/items", keys.admin(), "{\"items\":[{\"id\":\"x\",\"title\":\"a\\u0000b\"}]}"),
                "items[0].title", "control character");
        badRequest(http.post("/v1/admin/items", keys.admin(), "{\"items\":[]}"), "items", "non-empty");
        assertThat(http.post("/v1/admin/items", keys.read(), "{\"items\":[{\"id\":\"x\",\"title\":\"y\"}]}")
                .status()).isEqualTo(403);

        Http.Response add = http.post("/v1/admin/items", keys.admin(), "{\"items\":[{\"id\":\"space5\","
                + "\"title\":\"Star Trek: First Contact\",\"categories\":[\"Sci-Fi\",\"Adventure\"],"
                + "\"text\":\"The starship crew travels through space and time.\"}]}");
        assertThat(add.status()).as(add.text()).isEqualTo(200);
        assertThat(add.json().get("added").asInt()).isEqualTo(1);
        Map<String, Boolean> scores = new LinkedHashMap<>();
        add.json().get("models").forEach(m -> scores.put(m.get("name").asText(),
                m.get("scores_new_items").asBoolean()));
        assertThat(scores).containsEntry("knn", true).containsEntry("markov1", false);
        assertThat(http.get("/v1/admin/items", keys.admin()).json().get("items").get(0).get("id").asText())
                .isEqualTo("space5");

        // content-knn ranks the new film with the science fiction it resembles, without retraining
        Http.Response knn = recommend("{\"history\":[\"space1\",\"space2\"],\"model\":\"knn\",\"k\":3}");
        assertThat(items(knn)).contains("space5");
        assertThat(knn.json().get("items").get(items(knn).indexOf("space5")).get("title").asText())
                .isEqualTo("Star Trek: First Contact");
        // its category is known, and events on it now count for the content model
        Http.Response cat = recommend("{\"history\":[\"space1\"],\"model\":\"knn\",\"k\":10,"
                + "\"category\":\"Adventure\"}");
        assertThat(items(cat)).contains("space5");
        assertThat(recommend("{\"history\":[\"space5\"],\"model\":\"knn\",\"k\":3}").json()
                .has("unknown_history_items")).isFalse();
        // the id-only model ignores it as before
        Http.Response markov = recommend("{\"history\":[\"space5\",\"space1\"],\"model\":\"markov1\",\"k\":12}");
        assertThat(items(markov)).doesNotContain("space5");
        assertThat(markov.json().get("unknown_history_items").get(0).asText()).isEqualTo("space5");
        // a query finds it by its text
        Http.Response q = recommend("{\"history\":[],\"model\":\"knn\",\"k\":1,"
                + "\"query\":\"a starship crew travelling through time\"}");
        assertThat(items(q)).containsExactly("space5");
    }
}
