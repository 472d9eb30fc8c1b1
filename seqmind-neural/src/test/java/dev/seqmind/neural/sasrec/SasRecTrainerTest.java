package dev.seqmind.neural.sasrec;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.PlantedSequences;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingState;
import dev.seqmind.rec.FitContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SasRecTrainerTest {
    static final SasRecConfig TINY = new SasRecConfig(16, 1, 1, 0.0f, 12, SasRecLoss.FULL_SOFTMAX, 8);
    static final TrainConfig FAST = TrainConfig.defaults().withEpochs(25).withBatch(32).withLearningRate(5e-3f)
            .withPatience(0).withExcludeSeen(false);

    static double hitAt1(dev.seqmind.rec.Recommender model, Split split, List<EvalCase> cases) {
        float[] out = new float[model.numItems()];
        int hits = 0;
        for (EvalCase c : cases) {
            model.score(split.history(c), out);
            int best = 0;
            for (int i = 1; i < out.length; i++) {
                if (out[i] > out[best]) {
                    best = i;
                }
            }
            hits += best == c.target(0) ? 1 : 0;
        }
        return (double) hits / cases.size();
    }

    @Test
    void lossFallsAndSuccessorPatternIsLearnt() {
        SequenceDataset data = PlantedSequences.successor(200, 30, 5, 14, 7);
        Split split = new LeaveOneOutSplitter().split(data);
        List<String> lines = new ArrayList<>();
        for (SasRecLoss loss : SasRecLoss.values()) {
            SasRecTrainer trainer = new SasRecTrainer(TINY.withLoss(loss, 8), FAST, EngineOptions.defaults(), lines::add);
            SasRecTrainer.Fitted fitted = trainer.fitWithState(split.train(),
                    new FitContext(11, 2, split.validation(), Progress.NONE));
            TrainingState s = fitted.state();
            assertThat(s.history().getLast().loss()).as(loss + " loss falls").isLessThan(s.history().getFirst().loss() * 0.5);
            assertThat(hitAt1(fitted.model(), split, split.test())).as(loss + " HR@1 on test").isGreaterThan(0.9);
            assertThat(s.bestNdcg()).as(loss + " validation NDCG@10").isGreaterThan(0.9);
        }
    }
}
