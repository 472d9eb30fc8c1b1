package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.cli.CliRun;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.train.LengthBuckets;
import dev.seqmind.neural.train.LrSchedule;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingWindows;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.retrain.TrainerRebuild;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code forget --retrain} on neural models: a tiny GRU4Rec and SASRec trained by {@code train} are fitted again with
 * their recorded settings without the erased user, and the item only that user had stops being learnt; a DP-SGD
 * model stays stale with the reason.
 */
class ForgetNeuralRetrainTest {
    private static final String USER = ErasedUserLog.USER;
    private static final String ONLY_THEIRS = ErasedUserLog.ONLY_THEIRS;

    @TempDir
    Path tmp;

    @Test
    void neuralModelsAreRefittedWithTheirRecordedSettingsAndStopLearningTheErasedUsersItem() throws Exception {
        // the erased user alternates item1 -> zed-only-item three times (all inside the training split)
        Path ds = ErasedUserLog.ingest(tmp, 8, k -> k < 6 ? (k % 2 == 0 ? "item1" : ONLY_THEIRS) : "item" + k);
        Path models = tmp.resolve("models");
        List<String> common = List.of("--data", ds.toString(), "--dim", "16", "--hidden", "16", "--blocks", "1",
                "--max-len", "10", "--batch", "16", "--lr", "0.01", "--dropout", "0", "--threads", "1", "--seed", "7");
        for (String family : new String[] {"gru4rec", "sasrec"}) {
            CliRun t = run(concat(List.of("train", "--model", family, "--out", models.resolve(family).toString(),
                    "--epochs", "25", "--patience", "0"), common));
            assertThat(t.exit()).as(t.err()).isZero();
        }
        CliRun dp = run(concat(List.of("train", "--model", "gru4rec", "--out", models.resolve("gru-dp").toString(),
                "--epochs", "1", "--dp-epsilon", "8", "--dp-delta", "1e-5", "--dp-clip", "1"), common));
        assertThat(dp.exit()).as(dp.err()).isZero();

        Provenance before = ModelDirectory.readMeta(models.resolve("gru4rec")).provenance();
        Set<String> oldFiles = new HashSet<>();
        Map<String, Integer> rankBefore = new HashMap<>();
        for (String family : new String[] {"gru4rec", "sasrec"}) {
            // the oracle sees the trace before: the erased user's item is learnt, not ranked below every other item
            rankBefore.put(family, rankAfter(models.resolve(family), "item1", ONLY_THEIRS));
            oldFiles.add(sha256(models.resolve(family).resolve("weights.bin")));
        }
        assertThat(Files.isDirectory(models.resolve("gru4rec").resolve("checkpoints"))).isTrue();

        CliRun r = run("forget", "--dataset", ds.toString(), "--user", USER, "--models", models.toString(),
                "--retrain");
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("retrained model: " + models.resolve("gru4rec"))
                .contains("retrained model: " + models.resolve("sasrec"))
                .contains("stale model (retrain it): " + models.resolve("gru-dp")).contains("DP-SGD");

        SequenceDataset after = DatasetStore.open(ds);
        String expected = DatasetFingerprint.of(new LeaveOneOutSplitter().split(after).train()).id();
        for (String family : new String[] {"gru4rec", "sasrec"}) {
            Path dir = models.resolve(family);
            Provenance p = ModelDirectory.readMeta(dir).provenance();
            assertThat(p.datasetFingerprint()).isEqualTo(expected);
            assertThat(p.users()).isEqualTo(39);
            assertThat(p.seed()).isEqualTo(7);
            assertThat(p.params().get("model.dim")).isEqualTo("16");
            assertThat(p.params().get("training.epochs")).isEqualTo("25");
            assertThat(TrainerRebuild.exactly(p).params()).isEqualTo(TrainerRebuild.recorded(p));
            // no longer learnt from: after the erased user's context the item falls from where the old model put it
            int rank = rankAfter(dir, "item1", ONLY_THEIRS);
            assertThat(rank).as(family).isGreaterThan(rankBefore.get(family));
            // the weights are new and the old run's checkpoints are gone with its directory
            assertThat(oldFiles).doesNotContain(sha256(dir.resolve("weights.bin")));
            assertThat(Files.exists(dir.resolve("checkpoints"))).isFalse();
        }
        // oracle: the refitted GRU4Rec is the model the same settings (as typed above) give on the data without the user
        var split = new LeaveOneOutSplitter().split(after);
        TrainConfig tc = new TrainConfig(25, 16, 0.01f, 0, 0, LrSchedule.CONSTANT, 5, 0, 1, true, null, false,
                TrainingWindows.LAST, 0.999f).withBuckets(new LengthBuckets(8)); // train's default batching
        NeuralRecommender fresh = NeuralTrainer.gru4Rec(new Gru4RecConfig(16, 16, 0, 10), tc, EngineOptions.defaults(),
                line -> { }).fit(split.train(), new FitContext(7, Runtime.getRuntime().availableProcessors(),
                split.validation(), Progress.NONE));
        Map<String, float[]> expectedWeights = fresh.network().parameters().snapshot();
        try (Recommender refit = ModelDirectory.load(models.resolve("gru4rec"))) {
            Map<String, float[]> got = ((NeuralRecommender) refit).network().parameters().snapshot();
            assertThat(got.keySet()).isEqualTo(expectedWeights.keySet());
            expectedWeights.forEach((k, v) -> assertThat(got.get(k)).as(k).containsExactly(v, within(1e-5f)));
        }
        fresh.close();
        assertThat(ModelDirectory.readMeta(models.resolve("gru4rec")).provenance().params())
                .containsEntry("dataset.fingerprint", DatasetFingerprint.of(after).id())
                .containsEntry("dataset.split", before.params().get("dataset.split"));

        JsonNode retrain;
        try (Stream<Path> s = Files.list(ds.resolve(ResultFiles.RECEIPTS))) {
            retrain = new ObjectMapper().readTree(s.findFirst().orElseThrow().toFile()).path("retrain");
        }
        assertThat(retrain).hasSize(3);
        int refitted = 0;
        for (JsonNode o : retrain) {
            if (o.path("dir").asText().endsWith("gru-dp")) {
                assertThat(o.path("retrained").asBoolean()).isFalse();
                assertThat(o.path("reason").asText()).contains("DP-SGD");
            } else {
                assertThat(o.path("retrained").asBoolean()).isTrue();
                assertThat(o.path("fittedOn").asText()).isEqualTo("TRAIN");
                assertThat(o.path("fingerprintAfter").asText()).isEqualTo(expected);
                assertThat(o.path("deletedRunFiles").toString()).contains("last.bin").contains("best.bin");
                refitted++;
            }
        }
        assertThat(refitted).isEqualTo(2);
        assertThat(Files.readAllLines(ds.resolve("audit.jsonl")).stream().filter(l -> l.contains("\"retrain\"")))
                .hasSize(2);
    }

    /** The 0-based rank of {@code item} among all items the model scores after the one-item {@code history}. */
    private static int rankAfter(Path dir, String history, String item) throws Exception {
        Recommender m = ModelDirectory.load(dir);
        try {
            float[] out = new float[m.numItems()];
            m.score(new int[] {m.items().denseId(history)}, out);
            float mine = out[m.items().denseId(item)];
            int rank = 0;
            for (float v : out) {
                rank += v > mine ? 1 : 0;
            }
            return rank;
        } finally {
            m.close();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String[] concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
