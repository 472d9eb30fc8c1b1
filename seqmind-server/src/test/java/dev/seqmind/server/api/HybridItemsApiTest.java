package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.modality.ModalityFile;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.text.HybridTrainer;
import dev.seqmind.neural.text.TextModelSpec;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.AddedItemVectors;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.model.Scoring;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Items added to a running server are scored by the served hybrids (sasrec-text with a second modality on the
 * pure-Java forward pass and on the native engine, gru4rec-text on the engine) from their content alone, enter the
 * users' encoded histories, and are kept in the store: a restart and a hot swap serve them again. The oracle for a
 * score is the model directory loaded in the test and extended through {@link ItemExtensible}, whose scores equal
 * those of the same item present at load time without an id embedding ({@code HybridAddedItemsTest} in
 * seqmind-neural).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HybridItemsApiTest {
    private static final String ADD = "{\"items\":[{\"id\":\"space5\",\"title\":\"Star Trek: First Contact\","
            + "\"categories\":[\"Sci-Fi\",\"Adventure\"],\"text\":\"The starship crew travels through space and time.\","
            + "\"vectors\":{\"genre\":[1.0,0.1]}}]}";
    private static final List<String> ALICE = List.of("space1", "space2", "space3", "space4", "space5");

    private Path tmp;
    private Path dataset;
    private Map<String, Path> models;
    private Fixtures.Keys keys;
    private SeqmindServer server;
    private Http http;
    private ItemCatalog catalog;

    @BeforeAll
    void train(@TempDir Path dir) throws IOException {
        tmp = dir;
        SequenceDataset data = TextApiTest.films();
        catalog = data.catalog();
        dataset = tmp.resolve("dataset");
        DatasetStore.save(data, dataset);
        StringBuilder tsv = new StringBuilder();
        data.items().externalIds().forEach(id -> tsv.append(id).append('\t')
                .append(id.startsWith("space") ? "1\t0.1" : "0.1\t1").append('\n'));
        Path genres = tmp.resolve("genres.tsv");
        Files.writeString(genres, tsv);
        TextSettings text = TextSettings.of(TextModelSpec.MINILM);
        TrainConfig training = TrainConfig.defaults().withEpochs(4).withBatch(32).withLearningRate(5e-3f)
                .withPatience(0).withExcludeSeen(false);
        models = new LinkedHashMap<>();
        models.put("hyb", save(data, new HybridTrainer(new SasRecConfig(16, 1, 1, 0f, 8, SasRecLoss.FULL_SOFTMAX, 8),
                text, List.of(new ModalityFile("genre", genres)), training, EngineOptions.defaults(), 0.3f), "hyb"));
        models.put("gru", save(data, new HybridTrainer(new Gru4RecConfig(16, 16, 0f, 8), text, List.of(), training,
                EngineOptions.defaults(), 0.3f), "gru"));
        models.put("markov1", save(data, ClassicTrainers.byName("markov1").orElseThrow(), "markov1"));
        keys = Fixtures.keys(tmp);
        start("events.sqlite", Scoring.defaults());
    }

    private Path save(SequenceDataset data, RecommenderTrainer t, String name) throws IOException {
        Path dir = tmp.resolve(name);
        try (Recommender r = t.fit(data, FitContext.of(1))) {
            ModelDirectory.save(r, dir, Provenance.of(data, t, FitContext.of(1)), data.catalog());
        }
        return dir;
    }

    private void start(String store, Scoring scoring) throws IOException {
        server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0, tmp.resolve(store).toString(), dataset,
                models, null, keys.file(), null, 50, Limits.defaults(), scoring));
        http = new Http(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The model directory extended with space5 in the test itself: the oracle's scores, by item id. */
    private Map<String, Float> oracle(String model, List<String> history) throws IOException {
        ItemCatalog added = catalog.merge(new ItemCatalog(Map.of("space5", new ItemMetadata(
                "Star Trek: First Contact", List.of("Sci-Fi", "Adventure"),
                "The starship crew travels through space and time.", Map.of()))));
        try (Recommender loaded = ModelDirectory.load(models.get(model));
             Recommender r = ((ItemExtensible) loaded).withItems(List.of("space5"), added,
                     new AddedItemVectors(Map.of("genre", Map.of("space5", new float[] {1f, 0.1f}))))) {
            int[] h = history.stream().mapToInt(id -> r.items().denseId(id)).toArray();
            float[] s = new float[r.numItems()];
            r.score(h, s);
            Map<String, Float> out = new LinkedHashMap<>();
            for (int i = 0; i < s.length; i++) {
                out.put(r.items().externalId(i), s[i]);
            }
            return out;
        }
    }

    private Http.Response recommend(String model, List<String> history) {
        String h = String.join("\",\"", history);
        return http.post("/v1/recommendations", keys.read(), "{\"history\":[\"" + h + "\"],\"model\":\"" + model
                + "\",\"k\":20,\"exclude_seen\":false,\"explain\":false}");
    }

    private static Map<String, Float> scores(Http.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, Float> out = new LinkedHashMap<>();
        r.json().get("items").forEach(i -> out.put(i.get("item").asText(), i.get("score").floatValue()));
        return out;
    }

    private static void assertSameScores(Map<String, Float> got, Map<String, Float> want) {
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((id, s) -> assertThat(got.get(id)).as(id).isCloseTo(s, within(1e-4f * Math.max(1, Math.abs(s)))));
    }

    private void event(String user, String item) {
        Http.Response r = http.post("/v1/events", keys.write(), "{\"user\":\"" + user + "\",\"item\":\"" + item
                + "\",\"action\":\"view\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static void badRequest(Http.Response r, String field, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode e = r.json();
        assertThat(e.get("field").asText()).isEqualTo(field);
        assertThat(e.get("detail").asText()).contains(detail);
    }

    @Test
    @Order(1)
    void anAddedItemIsScoredByTheHybridsFromItsContentAndEntersTheEncodedHistory() throws IOException {
        // alice's fifth event is on an item no model knows yet: her encoded history is kept without it
        ALICE.forEach(item -> event("alice", item));
        String aliceAsks = "/v1/users/alice/recommendations?model=hyb&k=20&exclude_seen=false&explain=false";
        assertThat(scores(http.get(aliceAsks, keys.read()))).doesNotContainKey("space5").hasSize(12);
        assertThat(scores(http.get(aliceAsks, keys.read()))).hasSize(12);   // a kept encoded history

        badRequest(http.post("/v1/admin/items", keys.admin(), ADD.replace("genre", "image")),
                "items[0].vectors.image", "no served model fuses a modality called 'image'");
        badRequest(http.post("/v1/admin/items", keys.admin(), ADD.replace("[1.0,0.1]", "[1.0,0.1,0.3]")),
                "items[0].vectors.genre", "3 values; the modality has 2");
        badRequest(http.post("/v1/admin/items", keys.admin(), ADD.replace("[1.0,0.1]", "[0,0]")),
                "items[0].vectors.genre", "all zero");
        badRequest(http.post("/v1/admin/items", keys.admin(), ADD.replace("[1.0,0.1]", "[1.0,\"x\"]")),
                "items[0].vectors.genre[1]", "finite number");

        Http.Response add = http.post("/v1/admin/items", keys.admin(), ADD);
        assertThat(add.status()).as(add.text()).isEqualTo(200);
        Map<String, Boolean> takes = new LinkedHashMap<>();
        add.json().get("models").forEach(m -> takes.put(m.get("name").asText(), m.get("scores_new_items").asBoolean()));
        assertThat(takes).containsEntry("hyb", true).containsEntry("gru", true).containsEntry("markov1", false);

        // the live user's history now holds space5: the kept vector of the four-item history is not reused
        Map<String, Float> live = scores(http.get(aliceAsks, keys.read()));
        assertThat(live).containsKey("space5").hasSize(13);
        Map<String, Float> posted = scores(recommend("hyb", ALICE));
        assertSameScores(live, posted);
        assertSameScores(posted, oracle("hyb", ALICE));
        assertThat(scores(recommend("hyb", List.of("space1", "space2", "space3", "space4"))).get("space5"))
                .isNotEqualTo(posted.get("space5"));
        assertThat(recommend("hyb", ALICE).json().has("unknown_history_items")).isFalse();
        // the hybrid GRU4Rec on the engine
        List<String> h = List.of("love1", "space5", "space1");
        assertSameScores(scores(recommend("gru", h)), oracle("gru", h));
        // the id-only model still ignores it
        assertThat(scores(recommend("markov1", ALICE))).doesNotContainKey("space5");
        // a query and the cold-start blend see the added item too
        Http.Response q = http.post("/v1/recommendations", keys.read(), "{\"history\":[],\"model\":\"hyb\",\"k\":1,"
                + "\"query\":\"a starship crew travelling through time\"}");
        assertThat(q.status()).as(q.text()).isEqualTo(200);
        assertThat(q.json().get("items").get(0).get("item").asText()).isEqualTo("space5");
        event("bob", "space5");
        Http.Response cold = http.get("/v1/users/bob/recommendations?model=hyb&k=20", keys.read());
        assertThat(cold.status()).as(cold.text()).isEqualTo(200);
        assertThat(cold.json().get("fallback").asText()).isEqualTo("cold-start-blend");
        // a text over the length limit is cut and counted, not refused
        Http.Response longText = http.post("/v1/admin/items", keys.admin(), "{\"items\":[{\"id\":\"long1\","
                + "\"title\":\"A very long film\",\"text\":\"" + System.nanoTime() + " space opera".repeat(1_000)
                + "\"}]}");    // a new text each run: the vector cache counts a cut text when it first embeds it
        assertThat(longText.status()).as(longText.text()).isEqualTo(200);
        assertThat(longText.json().get("text_truncated").asInt()).isEqualTo(1);
        assertThat(longText.json().get("tokens_truncated").asInt()).isEqualTo(1);
        assertThat(scores(recommend("hyb", List.of("long1")))).containsKey("long1");
    }

    @Test
    @Order(2)
    void addedItemsSurviveARestartAndAHotSwap() throws IOException {
        Map<String, Float> before = scores(recommend("hyb", ALICE));
        server.close();
        start("events.sqlite", Scoring.defaults());
        JsonNode listed = http.get("/v1/admin/items", keys.admin()).json().get("items");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("id").asText()).isEqualTo("space5");
        assertThat(listed.get(0).get("vectors").get("genre").asInt()).isEqualTo(2);
        assertSameScores(scores(recommend("hyb", ALICE)), before);
        String aliceAsks = "/v1/users/alice/recommendations?model=hyb&k=20&exclude_seen=false&explain=false";
        assertSameScores(scores(http.get(aliceAsks, keys.read())), before);

        Http.Response swap = http.post("/v1/admin/models", keys.admin(), "{\"name\":\"hyb\",\"path\":\""
                + models.get("hyb").toString().replace("\\", "\\\\") + "\"}");
        assertThat(swap.status()).as(swap.text()).isEqualTo(200);
        assertSameScores(scores(recommend("hyb", ALICE)), before);
        assertSameScores(scores(http.get(aliceAsks, keys.read())), before);
    }

    @Test
    @Order(3)
    void theNativeEngineGivesTheSameScoresAsThePureJavaPass() throws IOException {
        Map<String, Float> pureJava = new LinkedHashMap<>(scores(recommend("hyb", ALICE)));
        pureJava.remove("long1");                          // added to the first store only
        server.close();
        start("native.sqlite", new Scoring(Scoring.Forward.NATIVE, 32, 1_000, 0));
        assertThat(scores(recommend("hyb", ALICE))).doesNotContainKey("space5");
        assertThat(http.post("/v1/admin/items", keys.admin(), ADD).status()).isEqualTo(200);
        Map<String, Float> nativeScores = scores(recommend("hyb", ALICE));
        assertSameScores(nativeScores, pureJava);
    }
}
