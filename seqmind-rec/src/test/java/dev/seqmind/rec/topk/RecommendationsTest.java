package dev.seqmind.rec.topk;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationsTest {
    private static final SequenceDataset DATA = TestData.of(6,
            new int[] {0, 1, 2}, new int[] {0, 1, 3}, new int[] {0, 1, 2}, new int[] {4, 5}, new int[] {0, 2});
    private static final Recommender MARKOV = MarkovTrainer.ofOrder(1).fit(DATA, FitContext.of(1));

    @Test
    void explanationsAreOptIn() {
        Recommendations r = new Recommendations(MARKOV);
        var plain = r.top(new Recommendations.Query(new int[] {0, 1}, 2, SeenItems.EXCLUDE, new int[0], null,
                Explain.NONE));
        var explained = r.top(new Recommendations.Query(new int[] {0, 1}, 2, SeenItems.EXCLUDE, new int[0], null,
                Explain.EACH));
        assertThat(plain.items()).containsExactly(2, 3).containsExactly(explained.items());
        assertThat(plain.explanations()).containsOnly(Explanation.NONE);
        assertThat(explained.explanations().getFirst()).isNotEqualTo(Explanation.NONE);
    }

    @Test
    void candidatesRestrictTheAnswerAndKeepTheFullScores() {
        Recommendations r = new Recommendations(MARKOV);
        float[] all = new float[6];
        MARKOV.score(new int[] {0, 1}, all);
        var among = r.top(new Recommendations.Query(new int[] {0, 1}, 5, SeenItems.KEEP, new int[] {5},
                new int[] {3, 5, 4, 99}, Explain.NONE));
        assertThat(among.items()).containsExactly(3, 4); // 5 is excluded, 99 is no item; 3 follows 1 in the data
        assertThat(among.scores()).containsExactly(all[3], all[4]);
        float[] c = new float[3];
        MARKOV.scoreCandidates(new int[] {0, 1}, new int[] {2, -1, 3}, c);
        assertThat(c).containsExactly(all[2], Float.NEGATIVE_INFINITY, all[3]);
    }

    @Test
    void externalIdsMapBothWaysAndUnknownHistoryItemsAreReported() {
        var result = new Recommendations(MARKOV).recommend(List.of("0", "nope", "1"), 1, SeenItems.EXCLUDE,
                List.of(), Explain.NONE);
        assertThat(result.unknownHistoryItems()).containsExactly("nope");
        assertThat(result.items()).extracting(Recommendation::item).containsExactly("2");
    }
}
