package dev.seqmind.neural.model;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.PlantedSequences;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.bert4rec.Bert4RecHead;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingState;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiny models on planted data ("item k is always followed by item k+1"): loss falls and the pattern is learnt. */
class NeuralTrainerTest {
    static final SequenceDataset DATA = PlantedSequences.successor(200, 30, 5, 14, 7);
    static final Split SPLIT = new LeaveOneOutSplitter().split(DATA);
    static final TrainConfig FAST = TrainConfig.defaults().withEpochs(25).withBatch(32).withLearningRate(5e-3f)
            .withPatience(0).withExcludeSeen(false);

    static double hitAt1(Recommender model, Split split, List<EvalCase> cases) {
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

    static void assertLearnt(NeuralTrainer trainer) {
        NeuralTrainer.Fitted fitted = trainer.fitWithState(SPLIT.train(),
                new FitContext(11, 1, SPLIT.validation(), Progress.NONE));
        TrainingState s = fitted.state();
        String what = trainer.name() + " " + trainer.modelConfig();
        assertThat(s.history().getLast().loss()).as(what + ": loss falls").isLessThan(s.history().getFirst().loss() * 0.5);
        assertThat(hitAt1(fitted.model(), SPLIT, SPLIT.test())).as(what + ": test HR@1").isGreaterThan(0.9);
        assertThat(s.bestNdcg()).as(what + ": validation NDCG@10").isGreaterThan(0.9);
        // the successor of the last item is recommended because of the last item
        EvalCase c = SPLIT.test().get(0);
        int[] h = SPLIT.history(c);
        Explanation why = fitted.model().explain(h, c.target(0));
        assertThat(why.kind()).as(what + ": " + why).isEqualTo("occlusion");
        assertThat(why.evidence()).as(what + ": " + why).first().isEqualTo(h[h.length - 1]);
    }

    @Test
    void sasRecLearnsSuccessorWithEveryLoss() {
        for (SasRecLoss loss : SasRecLoss.values()) {
            assertLearnt(NeuralTrainer.sasRec(new SasRecConfig(16, 1, 2, 0f, 12, loss, 8), FAST,
                    EngineOptions.defaults(), line -> { }));
        }
    }

    @Test
    void sasRecLearnsSuccessorInThePublishedBlockStyles() {
        for (NormPlacement norm : java.util.List.of(NormPlacement.POST, NormPlacement.QUERY)) {
            assertLearnt(NeuralTrainer.sasRec(new SasRecConfig(16, 1, 2, 0f, 12, SasRecLoss.FULL_SOFTMAX, 8,
                    new BlockStyle(norm, PositionOrigin.OLDEST, WeightInit.NORMAL)), FAST, EngineOptions.defaults(),
                    line -> { }));
        }
    }

    @Test
    void gru4RecLearnsSuccessor() {
        assertLearnt(NeuralTrainer.gru4Rec(new Gru4RecConfig(16, 32, 0f, 12), FAST, EngineOptions.defaults(),
                line -> { }));
    }

    @Test
    void gru4RecLearnsSuccessorFromCroppedViews() {
        // crops keep the chain's transitions, so the pattern is still there to learn through the augmented path
        assertLearnt(NeuralTrainer.gru4Rec(new Gru4RecConfig(16, 32, 0f, 12),
                FAST.withAugmentation(dev.seqmind.neural.train.Augmentation.parse("crop:0.6", 0.5f)),
                EngineOptions.defaults(), line -> { }));
    }

    @Test
    void lstmLearnsSuccessor() {
        assertLearnt(NeuralTrainer.lstm(new dev.seqmind.neural.lstm.LstmRecConfig(16, 32, 0f, 12), FAST,
                EngineOptions.defaults(), line -> { }));
    }

    @Test
    void srGnnLearnsSuccessor() {
        // window 8: the attention readout sums over positions, so histories longer than any trained on (test
        // histories reach 13 items, training inputs 11) drift; every test history is cut to a length seen in training
        assertLearnt(NeuralTrainer.srGnn(new dev.seqmind.neural.srgnn.SrGnnConfig(16, 1, 8, 16), FAST,
                EngineOptions.defaults(), line -> { }));
    }

    @Test
    void bert4RecLearnsSuccessor() {
        assertLearnt(NeuralTrainer.bert4Rec(new Bert4RecConfig(32, 128, 1, 2, 0f, 12, 0.2f), FAST.withEpochs(40),
                EngineOptions.defaults(), line -> { }));
        assertLearnt(NeuralTrainer.bert4Rec(new Bert4RecConfig(32, 128, 1, 2, 0f, 12, 0.2f,
                new BlockStyle(NormPlacement.POST, PositionOrigin.OLDEST, WeightInit.NORMAL), Bert4RecHead.LINEAR),
                FAST.withEpochs(60), EngineOptions.defaults(), line -> { }));
    }
}
