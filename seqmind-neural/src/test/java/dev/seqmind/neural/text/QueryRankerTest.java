package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QueryRankerTest {
    private static final float NO_TEXT = Float.NEGATIVE_INFINITY;

    private static List<Integer> order(List<QueryRanker.Hit> hits) {
        return hits.stream().map(QueryRanker.Hit::item).toList();
    }

    @Test
    void blendsTheCosineWithBehaviourRescaledOverReturnableItems() {
        float[] cos = {0.2f, 0.9f, NO_TEXT, 0.5f};
        float[] behaviour = {10f, 0f, 50f, 20f};
        // item 2 has no text: left out of the rescaling (lo 0, hi 20) and never returned
        // 0.5*0.2 + 0.5*0.5 = 0.35, 0.5*0.9 + 0 = 0.45, 0.5*0.5 + 0.5*1 = 0.75
        List<QueryRanker.Hit> hits = QueryRanker.rank(cos, behaviour, 0.5f, 10, new int[0]);
        assertThat(order(hits)).containsExactly(3, 1, 0);
        assertThat(hits.get(0).score()).isCloseTo(0.75f, within(1e-6f));
        assertThat(hits.get(2).behaviour()).isCloseTo(0.5f, within(1e-6f));
        // the query alone, and the history alone
        assertThat(order(QueryRanker.rank(cos, behaviour, 1f, 10, new int[0]))).containsExactly(1, 3, 0);
        assertThat(order(QueryRanker.rank(cos, behaviour, 0f, 2, new int[0]))).containsExactly(3, 0);
        // excluding item 3 rescales over items 0 and 1 (lo 0, hi 10): 0.6 and 0.45
        assertThat(order(QueryRanker.rank(cos, behaviour, 0.5f, 10, new int[] {3}))).containsExactly(0, 1);
        assertThat(QueryRanker.rank(cos, null, 0.5f, 10, new int[0]).get(0).behaviour()).isNaN();
        assertThatThrownBy(() -> QueryRanker.rank(cos, behaviour, 1.5f, 10, new int[0]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("--query-weight");
    }

    @Test
    void aSavedContentModelAnswersQueriesWithItsOwnSentenceModel(@TempDir Path tmp) throws IOException {
        SequenceDataset data = ContentRecommendersTest.dataset();
        Path cache = tmp.resolve("cache");
        var trainer = ContentKnnTrainer.defaults(TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache));
        Path dir = tmp.resolve("knn");
        ModelDirectory.save(trainer.fit(data, FitContext.of(1)), dir, Provenance.of(data, trainer, FitContext.of(1)),
                data.catalog());

        QueryRanker q = QueryRanker.forModel(dir, cache);
        assertThat(q.settings().model()).isEqualTo(TextModelSpec.MINILM);
        float[] cos = q.cosines("a romantic costume drama in the English countryside");
        List<QueryRanker.Hit> top = QueryRanker.rank(cos, null, 1f, 2, new int[0]);
        assertThat(order(top)).containsExactlyInAnyOrder(2, 5);   // Sense and Sensibility, Pride and Prejudice
        assertThat(cos[6]).isEqualTo(NO_TEXT);                     // the item without metadata

        Path pop = tmp.resolve("pop");
        var popTrainer = new PopularityTrainer();
        ModelDirectory.save(popTrainer.fit(data, FitContext.of(1)), pop,
                Provenance.of(data, popTrainer, FitContext.of(1)), data.catalog());
        assertThatThrownBy(() -> QueryRanker.forModel(pop, cache)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("--model").hasMessageContaining("without a text side");
        assertThatThrownBy(() -> q.cosines(" ")).isInstanceOf(InvalidParameterException.class);
        q.close();
    }
}
