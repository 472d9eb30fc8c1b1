package dev.seqmind.rec.eval;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.eval.report.EvaluationReport;
import dev.seqmind.rec.eval.report.EvaluationRunner;
import dev.seqmind.rec.eval.report.ReportBuilder;
import dev.seqmind.rec.eval.report.ReportHtml;
import dev.seqmind.rec.eval.report.Reproducibility;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartTest {
    /** Item 5 appears only as user 0's last event and item 6 only as user 1's: both cold under leave-one-out. */
    private static final SequenceDataset DATA = TestData.of(7,
            new int[] {0, 1, 2, 5}, new int[] {1, 2, 6}, new int[] {0, 1, 2, 3, 4, 0}, new int[] {2, 3, 4});

    @Test
    void coldItemCasesKeepOnlyTargetsWithoutTrainingEvents() {
        Split split = new LeaveOneOutSplitter().split(DATA);
        ColdStart.Cases c = ColdStart.coldItemCases(split.test(), split.trainForTest());
        assertThat(c.cases()).extracting(EvalCase::user).containsExactly(0, 1);
        assertThat(c.cases()).extracting(x -> x.targets()[0]).containsExactly(5, 6);
        assertThat(c.description()).startsWith("2 of 4 cases");
        // a hand-made case with a warm and a cold target keeps the cold one only
        var mixed = ColdStart.coldItemCases(List.of(new EvalCase(2, 3, new int[] {0, 5})), split.trainForTest());
        assertThat(mixed.cases().get(0).targets()).containsExactly(5);
    }

    @Test
    void coldUserCasesKeepUsersWithFewTrainingEvents() {
        Split split = new LeaveOneOutSplitter().split(DATA);
        ColdStart.Cases c = ColdStart.coldUserCases(split.test(), split.trainForTest(), 2);
        // training lengths: 3, 2, 5, 2
        assertThat(c.cases()).extracting(EvalCase::user).containsExactly(1, 3);
    }

    @Test
    void longUserCasesKeepUsersWithMoreTrainingEventsThanTheThreshold() {
        Split split = new LeaveOneOutSplitter().split(DATA);
        // training lengths: 3, 2, 5, 2; "more than 2" keeps users 0 and 2, "more than 3" only user 2
        assertThat(ColdStart.longUserCases(split.test(), split.trainForTest(), 2).cases())
                .extracting(EvalCase::user).containsExactly(0, 2);
        ColdStart.Cases c = ColdStart.longUserCases(split.test(), split.trainForTest(), 3);
        assertThat(c.cases()).extracting(EvalCase::user).containsExactly(2);
        assertThat(c.name()).isEqualTo("long-user");
        assertThat(c.description()).isEqualTo("1 of 4 users have more than 3 training events");
        assertThat(ColdStart.longUserCases(split.test(), split.trainForTest(), 5).cases()).isEmpty();
    }

    @Test
    void longUsersAreComparedWithPairedTests() throws Exception {
        Split split = new LeaveOneOutSplitter().split(DATA);
        EvalConfig cfg = EvalConfig.defaults().withBootstrapSamples(0).withThreads(1);
        // no model counts as a baseline: the protocol's best model is the reference
        var runner = new EvaluationRunner(new Evaluator(cfg), 1, t -> false, EvaluationRunner.FitOn.TRAIN_FOR_TEST,
                new ColdStart(false, 0, 2));
        var runs = runner.run(split, List.of(ClassicTrainers.byName("pop").orElseThrow(),
                ClassicTrainers.byName("markov1").orElseThrow()), Progress.NONE, null);
        var repro = new Reproducibility("t", List.of(), List.of(), "x", 4, 7, 16, "loo", 4, 1, 1, 1, "", "0", "",
                "", "", "");
        EvaluationReport r = new ReportBuilder(0.05, 0.95).build("t", runs, repro);
        assertThat(r.protocols()).hasSize(1);
        EvaluationReport.ProtocolReport p = r.protocols().get(0);
        assertThat(p.name()).isEqualTo("long-user");
        assertThat(p.cases()).isEqualTo(2);
        // both models on the same two cases (users 0 and 2), the other one paired against the best
        assertThat(p.models()).hasSize(2);
        EvaluationReport.ModelReport other = p.models().stream().filter(m -> !m.name().equals(p.baseline()))
                .findFirst().orElseThrow();
        EvaluationReport.MetricValue v = other.metrics().get("NDCG@10");
        assertThat(v.difference()).isNotNull();
        assertThat(v.difference()).isLessThanOrEqualTo(0.0);
        assertThat(v.tTestP()).isNotNull();
        assertThat(other.cases()).isEqualTo(2);
        assertThat(ReportHtml.render(r)).contains("long-user");
    }

    @Test
    void theReportCarriesEachProtocolWithItsOwnBaseline() throws Exception {
        Split split = new LeaveOneOutSplitter().split(DATA);
        EvalConfig cfg = EvalConfig.defaults().withBootstrapSamples(0).withThreads(1);
        var runner = new EvaluationRunner(new Evaluator(cfg), 1, t -> true, EvaluationRunner.FitOn.TRAIN_FOR_TEST,
                new ColdStart(true, 2));
        var runs = runner.run(split, List.of(ClassicTrainers.byName("pop").orElseThrow(),
                ClassicTrainers.byName("markov1").orElseThrow()), Progress.NONE, null);
        var repro = new Reproducibility("t", List.of(), List.of(), "x", 4, 7, 16, "loo", 4, 1, 1, 1, "", "0", "",
                "", "", "");
        EvaluationReport r = new ReportBuilder(0.05, 0.95).build("t", runs, repro);
        assertThat(r.protocols()).extracting(EvaluationReport.ProtocolReport::name)
                .containsExactly("cold-item", "cold-user");
        assertThat(r.protocols().get(0).cases()).isEqualTo(2);
        assertThat(r.protocols().get(0).models()).hasSize(2);
        assertThat(r.protocols().get(1).cases()).isEqualTo(2);
        assertThat(ReportHtml.render(r)).contains("Cold start");
    }
}
