package dev.seqmind.server.retrain;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.retrain.Challenge;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.server.store.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The cycle on a stale model and a store holding events after a planted shift. */
class RetrainCycleTest {
    @TempDir
    Path tmp;

    private RetrainCycle cycle(Path dataset, Path store, double margin) {
        Challenge.Settings s = Challenge.Settings.defaults();
        s = new Challenge.Settings(0.2, margin, 0.05, s.metric(), s.k(), s.seen(), 30, 1, 42);
        return new RetrainCycle(dataset, List.of("sqlite:" + store), false, Optional.empty(), "markov1",
                tmp.resolve("models"), s);
    }

    private Path[] setUp() throws Exception {
        Path dataset = tmp.resolve("dataset");
        DatasetStore.save(ShiftedShop.before(), dataset);
        Path store = tmp.resolve("events.sqlite");
        try (SqliteEventStore s = new SqliteEventStore(store)) {
            s.append(ShiftedShop.after(240), null);
        }
        Path stale = cycle(dataset, store, 0.02).initial(ClassicTrainers.byName("markov1").orElseThrow(),
                Progress.NONE);
        return new Path[] {dataset, store, stale};
    }

    @Test
    void promotesAModelFittedOnTheShiftedEventsOverTheStaleOne() throws Exception {
        Path[] p = setUp();
        List<String> promoted = new ArrayList<>();
        RetrainCycle.Result r;
        try (var serving = ModelDirectory.open(p[2])) {
            r = cycle(p[0], p[1], 0.02).run(serving, (name, dir) -> {
                promoted.add(name + " " + dir);
                return "v2";
            }, Progress.NONE);
        }
        assertThat(r.appended()).isEqualTo(ShiftedShop.after(240).size());
        assertThat(r.decision().promoted()).as(r.decision().reason()).isTrue();
        assertThat(r.decision().candidate()).isGreaterThan(r.decision().serving() * 1.02);
        assertThat(r.decision().pValue()).isLessThan(0.05);
        assertThat(promoted).containsExactly("markov1 " + r.modelDir());
        assertThat(Files.readString(r.decisionFile())).contains("\"promoted\" : true").contains("p-value".isEmpty()
                ? "" : "pValue");
        // the new model was fitted on every event, stale + new, and says so
        var meta = ModelDirectory.readMeta(r.modelDir());
        assertThat(meta.provenance().events()).isEqualTo(DatasetStore.open(p[0]).numInteractions());
        assertThat(meta.provenance().trainer()).isEqualTo("markov1");

        // a second cycle right away: the store has nothing new and the promoted model has seen every event
        try (var serving = ModelDirectory.open(r.modelDir())) {
            RetrainCycle.Result again = cycle(p[0], p[1], 0.02).run(serving, (n, d) -> {
                throw new AssertionError("nothing to promote");
            }, Progress.NONE);
            assertThat(again.appended()).isZero();
            assertThat(again.decision().promoted()).isFalse();
            assertThat(again.decision().reason()).contains("not decided");
        }
    }

    @Test
    void aBetterModelBelowTheMarginIsNotPromoted() throws Exception {
        Path[] p = setUp();
        try (var serving = ModelDirectory.open(p[2])) {
            RetrainCycle.Result r = cycle(p[0], p[1], 50.0).run(serving, (n, d) -> {
                throw new AssertionError("below the margin: nothing to promote");
            }, Progress.NONE);
            assertThat(r.decision().candidate()).isGreaterThan(r.decision().serving());
            assertThat(r.decision().promoted()).isFalse();
            assertThat(r.decision().reason()).contains("below the margin");
            assertThat(r.modelDir()).isNull();
            assertThat(Files.readString(r.decisionFile())).contains("\"promoted\" : false");
        }
    }
}
