package dev.seqmind.rec.eval;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.topk.SeenItems;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Guards the classic figures on the shared ML-1M file (leave-one-out, full ranking, seen items excluded as in the
 * published anchors). Measured when written: markov1 HR@10 0.2152, NDCG@10 0.1261; pop HR@10 0.0363. Skipped when
 * the file is absent.
 */
class Ml1mRegressionTest {
    @Test
    void firstOrderMarkovAndPopularityKeepTheirMeasuredAccuracy() throws Exception {
        Path file = TestData.shared("ml-1m-sasrec/ml-1m.txt");
        Assumptions.assumeTrue(file != null, "ml-1m.txt not available");
        SequenceDataset data = TestData.readUserItem(file, "ml-1m");
        Split split = new LeaveOneOutSplitter().split(data);
        EvalConfig cfg = new EvalConfig(new int[] {10}, SeenItems.EXCLUDE, Candidates.FULL, 256, 2, 0, 1);
        Recommender markov = MarkovTrainer.ofOrder(1).fit(split.trainForTest(), FitContext.of(1));
        EvalResult m = new Evaluator(cfg).test(markov, split, Progress.NONE);
        assertThat(m.numCases()).isEqualTo(6040);
        assertThat(m.mean(Metric.HR, 10)).isCloseTo(0.2152, within(0.0005));
        assertThat(m.mean(Metric.NDCG, 10)).isCloseTo(0.1261, within(0.0005));
        Recommender pop = new PopularityTrainer().fit(split.trainForTest(), FitContext.of(1));
        assertThat(new Evaluator(cfg).test(pop, split, Progress.NONE).mean(Metric.HR, 10))
                .isCloseTo(0.0363, within(0.0005));
    }
}
