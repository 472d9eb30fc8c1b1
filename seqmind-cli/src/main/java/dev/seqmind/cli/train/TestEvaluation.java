package dev.seqmind.cli.train;

import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.train.RankingScore;
import dev.seqmind.rec.Recommender;

import java.util.List;

/** Test HR@10/NDCG@10 of a model on a split's test cases, full ranking, in batches. */
final class TestEvaluation {
    private static final int BATCH = 256;

    private TestEvaluation() {
    }

    static RankingScore run(Recommender model, Split split, boolean excludeSeen) {
        RankingScore score = new RankingScore(10);
        List<EvalCase> cases = split.test();
        int n = model.numItems();
        for (int from = 0; from < cases.size(); from += BATCH) {
            int to = Math.min(cases.size(), from + BATCH);
            int[][] hist = new int[to - from][];
            float[][] out = new float[to - from][n];
            for (int i = from; i < to; i++) {
                hist[i - from] = split.history(cases.get(i));
            }
            model.scoreBatch(hist, out);
            for (int i = from; i < to; i++) {
                score.add(out[i - from], 0, n, cases.get(i).target(0), excludeSeen ? hist[i - from] : null);
            }
        }
        return score;
    }
}
