package dev.seqmind.server.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.rec.abtest.Bucketing;
import dev.seqmind.server.store.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiment service on a real SQLite file with a hand-driven clock (PostgreSQL: the subclass). */
class ExperimentsTest {
    private static final String SALT = "00112233445566778899aabbccddeeff";
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final java.util.concurrent.atomic.AtomicReference<Set<String>> loaded =
            new java.util.concurrent.atomic.AtomicReference<>(Set.of("pop", "markov1"));

    /** The {@code --store} value of a fresh, empty database. */
    String freshStore(Path tmp) throws Exception {
        return tmp.resolve("e.sqlite").toString();
    }

    private Experiments open(String store) {
        return new Experiments(ExperimentStore.open(store), loaded::get, clock::get, 60_000);
    }

    private Experiment define(Experiments x) throws Exception {
        return x.create(json.readTree("{\"name\":\"t\",\"variants\":[{\"name\":\"control\",\"model\":\"pop\","
                + "\"share\":0.5},{\"name\":\"markov\",\"model\":\"markov1\",\"share\":0.5}],"
                + "\"attribution_window_seconds\":60,\"conversion_actions\":[\"buy\"],\"salt\":\"" + SALT + "\"}"));
    }

    private static Map<String, Object> response(String... items) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String i : items) {
            rows.add(Map.of("item", i));
        }
        out.put("items", rows);
        return out;
    }

    @Test
    void bucketsLikeTheSharedBucketingAndCreditsOnlyInsideTheWindow(@TempDir Path tmp) throws Exception {
        try (Experiments x = open(freshStore(tmp))) {
            Experiment e = define(x);
            assertThat(x.assign("alice")).as("not running yet").isNull();
            x.start(e.id());
            Bucketing b = new Bucketing(Bucketing.salt(SALT), new double[] {0.5, 0.5});
            for (int u = 0; u < 50; u++) {
                assertThat(x.assign("u" + u).variant()).isEqualTo(b.variant("u" + u));
            }
            Experiments.Assignment a = x.assign("alice");
            Experiments.Served r = x.served(a, "alice", List.of("i1", "i2"));
            assertThat(r.experiment()).isEqualTo(e.id());
            assertThat(r.variant()).isEqualTo(a.name());
            assertThat(r.recommendationId()).startsWith("rec-");
            clock.addAndGet(30_000);
            x.observe(List.of(new Event("alice", "i2", "view", 0, null))); // inside: a click
            x.observe(List.of(new Event("alice", "i9", "view", 0, null))); // not recommended
            clock.addAndGet(31_000);
            x.observe(List.of(new Event("alice", "i1", "buy", 0, null))); // 61 s after: outside the window
            var arm = e.look().arms().get(a.variant());
            assertThat(arm.exposures()).isEqualTo(1);
            assertThat(arm.clicks()).isEqualTo(1);
            assertThat(arm.conversions()).isZero();
        }
    }

    @Test
    void experimentsAndCountersSurviveARestart(@TempDir Path tmp) throws Exception {
        String id;
        int variant;
        String store = freshStore(tmp);
        try (Experiments x = open(store)) {
            Experiment e = define(x);
            id = e.id();
            x.start(id);
            Experiments.Assignment a = x.assign("bob");
            variant = a.variant();
            for (int i = 0; i < 3; i++) {
                x.served(a, "bob", List.of("i" + i));
                x.observe(List.of(new Event("bob", "i" + i, "buy", 0, null)));
            }
        }
        try (Experiments x = open(store)) {
            Experiment e = x.get(id).orElseThrow();
            assertThat(e.status()).isEqualTo(Status.RUNNING);
            var arm = e.look().arms().get(variant);
            assertThat(arm.exposures()).isEqualTo(3);
            assertThat(arm.clicks()).isEqualTo(3);
            assertThat(arm.conversions()).isEqualTo(3);
            assertThat(x.assign("bob").variant()).as("sticky across restarts").isEqualTo(variant);
            loaded.set(Set.of("pop")); // restarted without markov1: its users are served outside the experiment
            assertThat(x.assign("bob") == null).isEqualTo(variant == 1);
            loaded.set(Set.of("pop", "markov1"));
            x.stop(id);
            assertThatThrownBy(() -> x.start(id)).isInstanceOf(IllegalStateException.class);
            assertThat(x.assign("bob")).isNull();
        }
    }

    @Test
    void recommendationsServedBeforeARestartAreCreditedAfterItUntilTheWindowEnds(@TempDir Path tmp) throws Exception {
        String store = freshStore(tmp);
        String id;
        int carol;
        int dave;
        long shownAt = clock.get();
        try (Experiments x = open(store)) {
            Experiment e = define(x);
            id = e.id();
            x.start(id);
            carol = x.assign("carol").variant();
            dave = x.assign("dave").variant();
            x.served(x.assign("carol"), "carol", List.of("i1", "i2"));
            x.served(x.assign("dave"), "dave", List.of("i7"));
            x.served(x.assign("erin"), "erin", List.of("i5"));
            clock.addAndGet(5_000);
            x.observe(List.of(new Event("carol", "i1", "view", 0, null))); // a click before the restart
        }
        try (ExperimentStore s = ExperimentStore.open(store)) {
            var stored = s.load().getFirst().exposures();
            assertThat(stored).extracting(Experiment.Exposure::user)
                    .containsExactlyInAnyOrder("carol", "dave", "erin");
            var c = stored.stream().filter(x -> x.user().equals("carol")).findFirst().orElseThrow();
            assertThat(c.clicked()).isTrue();
            assertThat(c.converted()).isFalse();
            assertThat(c.shown().items()).containsExactlyInAnyOrder("i1", "i2");
            assertThat(c.shown().at()).isEqualTo(shownAt);
            assertThat(c.shown().variant()).isEqualTo(carol);
        }
        try (Experiments x = open(store)) {
            clock.addAndGet(10_000); // 15 s after the recommendations, inside the 60 s window
            x.observe(List.of(new Event("carol", "i2", "view", 0, null))); // clicked already: no second click
            x.observe(List.of(new Event("carol", "i1", "buy", 0, null)));  // but the conversion counts
            x.observe(List.of(new Event("dave", "i7", "view", 0, null)));  // a click after the restart
            x.forget("erin");
            var arms = x.get(id).orElseThrow().look().arms();
            long[] clicks = new long[2];
            long[] conversions = new long[2];
            clicks[carol]++;
            clicks[dave]++;
            conversions[carol]++;
            for (int v = 0; v < 2; v++) {
                assertThat(arms.get(v).clicks()).as("variant %d clicks", v).isEqualTo(clicks[v]);
                assertThat(arms.get(v).conversions()).as("variant %d conversions", v).isEqualTo(conversions[v]);
            }
        }
        try (ExperimentStore s = ExperimentStore.open(store)) {
            var stored = s.load().getFirst().exposures();
            assertThat(stored).as("erin erased").extracting(Experiment.Exposure::user)
                    .containsExactlyInAnyOrder("carol", "dave");
            assertThat(stored.stream().filter(x -> x.user().equals("carol")).findFirst().orElseThrow().converted())
                    .isTrue();
        }
        try (Experiments x = open(store)) {
            clock.set(shownAt + 60_001); // past the window: credited no more, and deleted from the store
            x.observe(List.of(new Event("dave", "i7", "buy", 0, null)));
            x.tick();
            assertThat(x.get(id).orElseThrow().look().arms().get(dave).conversions()).isZero();
        }
        try (ExperimentStore s = ExperimentStore.open(store)) {
            assertThat(s.load().getFirst().exposures()).isEmpty();
        }
    }

    @Test
    void badDefinitionsNameTheField(@TempDir Path tmp) throws Exception {
        try (Experiments x = open(freshStore(tmp))) {
            assertField(x, "{\"variants\":[]}", "name");
            assertField(x, "{\"name\":\"t\",\"variants\":[{\"name\":\"a\",\"model\":\"pop\",\"share\":0.5}]}",
                    "variants");
            assertField(x, "{\"name\":\"t\",\"variants\":[{\"name\":\"a\",\"model\":\"pop\",\"share\":0.5},"
                    + "{\"name\":\"b\",\"model\":\"sasrec\",\"share\":0.5}]}", "variants[1].model");
            assertField(x, "{\"name\":\"t\",\"variants\":[{\"name\":\"a\",\"model\":\"pop\",\"share\":0.5},"
                    + "{\"name\":\"b\",\"model\":\"markov1\",\"share\":0.4}]}", "variants");
            assertField(x, "{\"name\":\"t\",\"variants\":[{\"name\":\"a\",\"model\":\"pop\",\"share\":0.5},"
                    + "{\"name\":\"a\",\"model\":\"markov1\",\"share\":0.5}]}", "variants[1].name");
            assertField(x, "{\"name\":\"t\",\"variants\":[{\"name\":\"a\",\"model\":\"pop\",\"share\":-1},"
                    + "{\"name\":\"b\",\"model\":\"markov1\",\"share\":2}]}", "variants[0].share");
            String ok = "\"variants\":[{\"name\":\"a\",\"model\":\"pop\",\"share\":0.5},"
                    + "{\"name\":\"b\",\"model\":\"markov1\",\"share\":0.5}]";
            assertField(x, "{\"name\":\"t\"," + ok + ",\"attribution_window_seconds\":0}",
                    "attribution_window_seconds");
            assertField(x, "{\"name\":\"t\"," + ok + ",\"alpha\":2}", "alpha");
            assertField(x, "{\"name\":\"t\"," + ok + ",\"salt\":\"xyz\"}", "salt");
            assertField(x, "{\"name\":\"t\"," + ok + ",\"click_actions\":[1]}", "click_actions[0]");
            assertField(x, "{\"name\":\"t\"," + ok + ",\"colour\":\"red\"}", "colour");
            assertThat(x.list()).isEmpty();
        }
    }

    private void assertField(Experiments x, String body, String field) {
        assertThatThrownBy(() -> x.create(json.readTree(body))).isInstanceOfSatisfying(
                InvalidDefinitionException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
