package dev.seqmind.neural.text;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.nn.HistoryFeature;
import dev.seqmind.neural.nn.ItemRepresentation;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The user-side history feature fused into SASRec's final state, and the behaviour sentence as that feature. */
class UserTextFeatureTest {
    private static final int NEUTRAL = 30;
    private static final int GROUP = 4;   // items NEUTRAL..NEUTRAL+3 = taste A, the next 4 = taste B
    private static final int LENGTH = 6;

    /**
     * A planted user attribute the item ids do not carry: each user's history is six random neutral items and their
     * next item comes from taste group A or B, drawn at random per user. The feature knows the taste (looked up by the
     * history's first three items) and gives it as a one-hot vector; it also records every prefix it is asked for.
     */
    private static final class PlantedTaste implements HistoryFeature {
        final Map<List<Integer>, Integer> taste = new ConcurrentHashMap<>();
        final List<Prefix> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean swap;

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public int every() {
            return 3;
        }

        @Override
        public float[][] vectors(List<Prefix> prefixes) {
            asked.addAll(prefixes);
            float[][] out = new float[prefixes.size()][];
            for (int i = 0; i < out.length; i++) {
                Prefix p = prefixes.get(i);
                Integer t = p.length() < 3 ? null : taste.get(key(p.items()));
                if (t != null) {
                    out[i] = new float[4];
                    out[i][swap ? 1 - t : t] = 1f;
                }
            }
            return out;
        }

        static List<Integer> key(int[] items) {
            return List.of(items[0], items[1], items[2]);
        }
    }

    private static int[] history(SplittableRandom rnd) {
        int[] h = new int[LENGTH];
        for (int j = 0; j < LENGTH; j++) {
            h[j] = rnd.nextInt(NEUTRAL);
        }
        return h;
    }

    @Test
    void aPlantedUserAttributeOnlyTheFeatureCarriesIsLearnedWithoutLeakingTargets() {
        PlantedTaste feature = new PlantedTaste();
        SplittableRandom rnd = new SplittableRandom(11);
        IdMap.Builder items = new IdMap.Builder();
        for (int i = 0; i < NEUTRAL + 2 * GROUP; i++) {
            items.getOrAdd("i" + i);
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("planted", TimeKind.ORDINAL), 4096, new IdMap.Builder(),
                items, new IdMap.Builder());
        long t = 0;
        for (int u = 0; u < 400; u++) {
            int[] h = history(rnd);
            int taste = rnd.nextInt(2);
            feature.taste.put(PlantedTaste.key(h), taste);
            for (int item : h) {
                b.add("u" + u, "i" + item, "view", t++);
            }
            b.add("u" + u, "i" + (NEUTRAL + taste * GROUP + rnd.nextInt(GROUP)), "view", t++);
        }
        SequenceDataset data = b.build();
        var config = new SasRecConfig(16, 1, 1, 0f, 8, SasRecLoss.FULL_SOFTMAX, 8);
        var trainer = new NeuralTrainer("sasrec", (n, p, s) -> new SasRecNetwork(config, n, p, s,
                ItemRepresentation.ID_ONLY, feature), config, TrainConfig.defaults().withEpochs(30).withBatch(64)
                .withLearningRate(1e-2f).withPatience(0).withExcludeSeen(false), EngineOptions.defaults(), l -> { });
        Recommender r = trainer.fit(data, new FitContext(5, 1, List.of(), Progress.NONE));

        // leakage: no training prefix ever reaches a row's last item (a target only), and training prefixes are
        // checkpoints (multiples of every = 3)
        assertThat(feature.asked).isNotEmpty().allSatisfy(p -> {
            assertThat(p.length()).isLessThan(p.items().length);
            assertThat(p.length() % 3).isZero();
        });

        // new users: their histories were never seen, so only the feature can tell their taste
        int right = 0;
        int flipped = 0;
        int cases = 200;
        float[] s = new float[r.numItems()];
        for (int c = 0; c < cases; c++) {
            int[] h = history(rnd);
            int taste = rnd.nextInt(2);
            feature.taste.put(PlantedTaste.key(h), taste);
            feature.swap = false;
            r.score(h, s);
            right += groupMax(s, taste) > groupMax(s, 1 - taste) ? 1 : 0;
            feature.swap = true;
            r.score(h, s);
            flipped += groupMax(s, 1 - taste) > groupMax(s, taste) ? 1 : 0;
        }
        feature.swap = false;
        assertThat(right).isGreaterThanOrEqualTo(cases * 9 / 10);
        assertThat(flipped).isGreaterThanOrEqualTo(cases * 9 / 10);
        // at inference the feature is made from the whole history being scored
        assertThat(feature.asked.getLast().length()).isEqualTo(LENGTH);
    }

    private static float groupMax(float[] s, int taste) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = NEUTRAL + taste * GROUP; i < NEUTRAL + (taste + 1) * GROUP; i++) {
            m = Math.max(m, s[i]);
        }
        return m;
    }

    @Test
    void theBehaviourSentenceIsEmbeddedFusedSavedAndLoadedBack(@TempDir Path cache) throws java.io.IOException {
        SequenceDataset data = HybridSasRecTest.dataset();
        UserText user = new UserText(3, "Watched", 2);
        var trainer = new HybridTrainer(new SasRecConfig(16, 1, 1, 0f, 8, SasRecLoss.FULL_SOFTMAX, 8),
                TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache), List.of(),
                TrainConfig.defaults().withEpochs(3).withBatch(32).withLearningRate(5e-3f).withPatience(0)
                        .withExcludeSeen(false), EngineOptions.defaults(), 0.3f).withUserText(user);
        List<String> log = new ArrayList<>();
        NeuralRecommender r = trainer.neuralTrainer(data, log::add)
                .fit(data, new FitContext(5, 1, List.of(), Progress.NONE));
        assertThat(log).anyMatch(l -> l.startsWith("user text: ") && l.contains("(every 2 items)"));
        BehaviourFeature f = (BehaviourFeature) ((SasRecNetwork) r.network()).userFeature();
        assertThat(f.sentence(HistoryFeature.Prefix.of(new int[] {0, 1, 6, 2})))
                .isEqualTo("Watched Star Trek: The Motion Picture, then Sense and Sensibility, then Alien.");
        assertThat(r.network().parameters().names()).contains("user_text.proj", "user_text.gate");

        float[] before = new float[12];
        r.score(new int[] {0, 2, 1, 3}, before);
        Path dir = cache.resolve("model");
        ModelDirectory.save(r, dir, Provenance.of(data, trainer, FitContext.of(5)), data.catalog());
        assertThat(Files.readString(dir.resolve("text.json"))).contains("\"userText\"").contains("\"every\" : 2");
        Recommender back = ModelDirectory.load(dir);
        assertThat(((SasRecNetwork) ((NeuralRecommender) back).network()).userFeature())
                .isInstanceOf(BehaviourFeature.class);
        float[] again = new float[12];
        back.score(new int[] {0, 2, 1, 3}, again);
        assertThat(again).containsExactly(before, org.assertj.core.data.Offset.offset(1e-5f));

        // the gate and projection matter: the same history with the feature's projection zeroed scores differently
        var params = ((NeuralRecommender) back).network().parameters();
        Map<String, float[]> zeroed = params.snapshot();
        zeroed.put("user_text.proj", new float[16 * f.dimension()]);
        params.restore(zeroed);
        float[] without = new float[12];
        back.score(new int[] {0, 2, 1, 3}, without);
        assertThat(Arrays.equals(without, again)).isFalse();
    }
}
