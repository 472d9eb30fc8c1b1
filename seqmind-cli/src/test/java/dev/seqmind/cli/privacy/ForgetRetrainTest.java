package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code forget --retrain}: models fitted on the dataset are fitted again without the user and lose their trace. */
class ForgetRetrainTest {
    private static final String USER = ErasedUserLog.USER;
    private static final String ONLY_THEIRS = ErasedUserLog.ONLY_THEIRS;

    @TempDir
    Path tmp;

    @Test
    void retrainedPopularityAndMarkovModelsNoLongerKnowTheErasedUsersItem() throws Exception {
        // the erased user goes item1 -> zed-only-item -> ... (not last, so it is in every training part)
        Path ds = ErasedUserLog.ingest(tmp, 6, k -> k == 2 ? ONLY_THEIRS : k == 1 ? "item1" : "item" + (5 + k) % 9);
        Path models = tmp.resolve("models");
        CliRun eval = run("evaluate", "--data", ds.toString(), "--models", "pop,markov1", "--save-models",
                models.toString(), "--out", tmp.resolve("report").toString());
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(score(models.resolve("pop"), "item3", ONLY_THEIRS)).isPositive(); // the oracle can see it before
        assertThat(score(models.resolve("markov1"), "item1", ONLY_THEIRS)).isPositive();
        String popBefore = ModelDirectory.readMeta(models.resolve("pop")).provenance().datasetFingerprint();

        CliRun r = run("forget", "--dataset", ds.toString(), "--user", USER, "--models", models.toString(),
                "--retrain");
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("retrained model: " + models.resolve("pop"))
                .contains("retrained model: " + models.resolve("markov1")).doesNotContain("stale model");

        SequenceDataset after = DatasetStore.open(ds);
        String expected = DatasetFingerprint.of(new LeaveOneOutSplitter().split(after).trainForTest()).id();
        for (String name : new String[] {"pop", "markov1"}) {
            var meta = ModelDirectory.readMeta(models.resolve(name));
            assertThat(meta.provenance().datasetFingerprint()).isEqualTo(expected).isNotEqualTo(popBefore);
            assertThat(meta.provenance().trainer()).isEqualTo(name);
            assertThat(meta.provenance().users()).isEqualTo(39);
        }
        assertThat(score(models.resolve("pop"), "item3", ONLY_THEIRS)).isZero();
        assertThat(score(models.resolve("markov1"), "item1", ONLY_THEIRS)).isZero();

        ObjectMapper om = new ObjectMapper();
        Path receipt;
        try (var s = Files.list(ds.resolve(ResultFiles.RECEIPTS))) {
            receipt = s.findFirst().orElseThrow();
        }
        JsonNode retrain = om.readTree(receipt.toFile()).path("retrain");
        assertThat(retrain).hasSize(2);
        for (JsonNode o : retrain) {
            assertThat(o.path("retrained").asBoolean()).isTrue();
            assertThat(o.path("fittedOn").asText()).isEqualTo("TRAIN_FOR_TEST");
            assertThat(o.path("fingerprintAfter").asText()).isEqualTo(expected);
        }
        assertThat(Files.readString(ds.resolve("audit.jsonl"))).contains("\"retrain\"");
    }

    /** The model's score for {@code item} after {@code history}; 0 when the model does not know the item at all. */
    private static float score(Path dir, String history, String item) throws Exception {
        Recommender m = ModelDirectory.load(dir);
        try {
            if (!m.items().contains(item)) {
                return 0;
            }
            float[] out = new float[m.numItems()];
            m.score(new int[] {m.items().denseId(history)}, out);
            return out[m.items().denseId(item)];
        } finally {
            m.close();
        }
    }
}
