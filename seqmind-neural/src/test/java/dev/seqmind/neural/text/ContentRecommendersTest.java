package dev.seqmind.neural.text;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRecommendersTest {
    private static final String[][] MOVIES = {
            {"Star Wars: Episode IV - A New Hope", "Action|Sci-Fi"},
            {"Toy Story", "Animation|Children's|Comedy"},
            {"Sense and Sensibility", "Drama|Romance"},
            {"Star Trek: The Wrath of Khan", "Action|Sci-Fi"},   // never interacted with
            {"Aladdin", "Animation|Children's|Musical"},         // never interacted with
            {"Pride and Prejudice", "Drama|Romance"},            // never interacted with
            {"Untitled item without metadata", null},
    };

    /** Users watched items 0..2 only; items 3..6 exist in the catalog and the id map but have no event. */
    static SequenceDataset dataset() {
        IdMap.Builder items = new IdMap.Builder();
        Map<String, ItemMetadata> catalog = new LinkedHashMap<>();
        for (int i = 0; i < MOVIES.length; i++) {
            items.getOrAdd("m" + i);
            if (MOVIES[i][1] != null) {
                catalog.put("m" + i, new ItemMetadata(MOVIES[i][0], List.of(MOVIES[i][1].split("\\|")), "",
                        Map.of()));
            }
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("movies", TimeKind.ORDINAL), 16, new IdMap.Builder(), items,
                new IdMap.Builder());
        long t = 0;
        for (int[] seq : new int[][] {{0, 1, 2}, {1, 0}, {2, 0, 1}, {0}}) {
            for (int item : seq) {
                b.add("u" + t, "m" + item, "view", t++);
            }
        }
        return b.catalog(new ItemCatalog(catalog)).build();
    }

    static int best(Recommender r, int[] history) {
        return r.topK(history, 1, history).items()[0];
    }

    @Test
    void contentKnnRecommendsItemsNeverInteractedWithByTheirText(@TempDir Path cache) {
        SequenceDataset data = dataset();
        var trainer = ContentKnnTrainer.defaults(TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache));
        ContentKnnRecommender r = (ContentKnnRecommender) trainer.fit(data, FitContext.of(1));
        assertThat(data.itemCounts()[3]).isZero();
        assertThat(best(r, new int[] {0})).isEqualTo(3);     // Star Wars -> Star Trek
        assertThat(best(r, new int[] {1})).isEqualTo(4);     // Toy Story -> Aladdin
        assertThat(best(r, new int[] {2})).isEqualTo(5);     // Sense and Sensibility -> Pride and Prejudice
        assertThat(r.similarItems(3, 1).items()).containsExactly(0);
        assertThat(r.vectors().stats().missing()).isEqualTo(1);
        float[] s = new float[r.numItems()];
        r.score(new int[] {0}, s);
        assertThat(s[6]).isEqualTo(Float.NEGATIVE_INFINITY);  // no text, no score
        assertThat(r.explain(new int[] {1, 0}, 3).evidence()).containsExactly(0);
        // no item of the history has text: popularity (item 0 has the most events)
        assertThat(best(r, new int[] {6})).isEqualTo(0);
    }

    @Test
    void lmZeroShotRanksByTheBehaviourSentence(@TempDir Path cache) {
        SequenceDataset data = dataset();
        var trainer = LmZeroShotTrainer.defaults(TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache));
        Recommender r = trainer.fit(data, FitContext.of(1));
        assertThat(best(r, new int[] {2})).isEqualTo(5);
        assertThat(best(r, new int[] {0})).isEqualTo(3);
        float[][] out = new float[2][r.numItems()];
        r.scoreBatch(new int[][] {{1}, {}}, out);
        assertThat(argMaxExcept(out[0], 1)).isEqualTo(4);
        assertThat(argMaxExcept(out[1], -1)).isEqualTo(0);   // empty history: popularity
    }

    @Test
    void bothContentModelsSurviveAModelDirectoryRoundTrip(@TempDir Path cache) throws java.io.IOException {
        SequenceDataset data = dataset();
        TextSettings text = TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache);
        for (var trainer : List.<dev.seqmind.rec.RecommenderTrainer>of(ContentKnnTrainer.defaults(text),
                LmZeroShotTrainer.defaults(text))) {
            Recommender r = trainer.fit(data, FitContext.of(1));
            Path dir = cache.resolve(trainer.name());
            ModelDirectory.save(r, dir, Provenance.of(data, trainer, FitContext.of(1)), data.catalog());
            Recommender back = ModelDirectory.load(dir);
            assertThat(back.name()).isEqualTo(trainer.name());
            for (int[] h : new int[][] {{0}, {2, 1}, {6}, {}}) {
                float[] a = new float[r.numItems()];
                float[] b = new float[r.numItems()];
                r.score(h, a);
                back.score(h, b);
                assertThat(b).as(trainer.name() + " " + java.util.Arrays.toString(h)).containsExactly(a);
            }
        }
    }

    @Test
    void theTrainersAreRegisteredByName() {
        assertThat(Trainers.names()).contains("content-knn", "lm-zero-shot");
        assertThat(Trainers.byName("content-knn@bge-small-zh")).isInstanceOf(ContentKnnTrainer.class)
                .extracting(t -> ((ContentKnnTrainer) t).text().model()).isEqualTo(TextModelSpec.BGE_SMALL_ZH);
        assertThat(Trainers.isBaseline(Trainers.byName("lm-zero-shot"))).isFalse();
    }

    static int argMaxExcept(float[] s, int skip) {
        int best = -1;
        for (int i = 0; i < s.length; i++) {
            if (i != skip && (best < 0 || s[i] > s[best])) {
                best = i;
            }
        }
        return best;
    }
}
