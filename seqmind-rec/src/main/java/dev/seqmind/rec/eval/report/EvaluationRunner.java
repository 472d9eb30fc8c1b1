package dev.seqmind.rec.eval.report;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.eval.ColdStart;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Fits each trainer with the same seed and evaluates it on the test cases. Models never see a test target: the
 * split guarantees it. Stateless apart from its settings; not meant for concurrent use of one {@link Progress}.
 */
public final class EvaluationRunner {
    /** What models are fitted on. */
    public enum FitOn {
        /** Every event before the test targets (train plus validation events); no validation cases are given. */
        TRAIN_FOR_TEST,
        /** Training events only, with the validation cases for early stopping (the neural-model protocol). */
        TRAIN
    }

    private final Evaluator evaluator;
    private final long fitSeed;
    private final Predicate<RecommenderTrainer> isBaseline;
    private final FitOn fitOn;
    private final ColdStart coldStart;

    public EvaluationRunner(Evaluator evaluator, long fitSeed, Predicate<RecommenderTrainer> isBaseline) {
        this(evaluator, fitSeed, isBaseline, FitOn.TRAIN_FOR_TEST);
    }

    public EvaluationRunner(Evaluator evaluator, long fitSeed, Predicate<RecommenderTrainer> isBaseline, FitOn fitOn) {
        this(evaluator, fitSeed, isBaseline, fitOn, ColdStart.NONE);
    }

    /** @param coldStart cold-start protocols evaluated after the standard one */
    public EvaluationRunner(Evaluator evaluator, long fitSeed, Predicate<RecommenderTrainer> isBaseline, FitOn fitOn,
                            ColdStart coldStart) {
        this.evaluator = evaluator;
        this.fitSeed = fitSeed;
        this.isBaseline = isBaseline;
        this.fitOn = java.util.Objects.requireNonNull(fitOn, "fitOn");
        this.coldStart = java.util.Objects.requireNonNull(coldStart, "coldStart");
    }

    /** A one-line description of what the models were fitted on, for reports. */
    public String fitDescription() {
        return fitOn == FitOn.TRAIN ? "models fitted on training events, validation cases for early stopping"
                : "models fitted on all events before the test targets (train + validation)";
    }

    /**
     * Runs every trainer in order.
     *
     * @param onModel called with each fitted model and its run (e.g. to save it), may be null
     */
    public List<ModelRun> run(Split split, List<RecommenderTrainer> trainers, Progress progress,
                              BiConsumer<Recommender, ModelRun> onModel) {
        List<ModelRun> runs = new ArrayList<>();
        for (RecommenderTrainer t : trainers) {
            boolean onTrain = fitOn == FitOn.TRAIN;
            FitContext ctx = new FitContext(fitSeed, evaluator.config().threads(),
                    onTrain ? split.validation() : List.of(), progress);
            long t0 = System.nanoTime();
            Recommender model = t.fit(onTrain ? split.train() : split.trainForTest(), ctx);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            EvalResult r = evaluator.test(model, split, progress);
            SequenceDataset fitted = onTrain ? split.train() : split.trainForTest();
            ModelRun run = new ModelRun(t.name(), t.params(), isBaseline.test(t), fitSeconds, r,
                    protocols(model, split, fitted, progress));
            runs.add(run);
            if (onModel != null) {
                onModel.accept(model, run);
            }
        }
        return runs;
    }

    /**
     * Evaluates {@code model}, already measured as {@code plain}, again with its lists re-ranked by {@code reranker}
     * (a point of the accuracy-diversity trade-off); the run is named {@code model+mmr0.7} and is no baseline.
     */
    public ModelRun evaluateReranked(Split split, Recommender model, ModelRun plain,
                                     dev.seqmind.rec.rerank.MmrReranker reranker, Progress progress) {
        Map<String, String> params = new java.util.LinkedHashMap<>(plain.params());
        params.put("rerank", reranker.toString());
        return new ModelRun(plain.trainer(), params, false, plain.fitSeconds(),
                evaluator.withReranker(reranker).test(model, split, progress));
    }

    /**
     * Evaluates a model fitted before this run (e.g. loaded from a model directory); the caller vouches that it was
     * fitted on this split's training events.
     */
    public ModelRun evaluateFitted(Split split, Recommender model, Map<String, String> params, double fitSeconds,
                                   Progress progress) {
        return new ModelRun(model.name(), params, false, fitSeconds, evaluator.test(model, split, progress),
                protocols(model, split, fitOn == FitOn.TRAIN ? split.train() : split.trainForTest(), progress));
    }

    /** The model on each cold-start protocol's cases (cold relative to {@code fitted}). */
    private List<ModelRun.ProtocolResult> protocols(Recommender model, Split split, SequenceDataset fitted,
                                                    Progress progress) {
        List<ModelRun.ProtocolResult> out = new ArrayList<>();
        for (ColdStart.Cases c : coldStart.select(split.test(), fitted)) {
            out.add(new ModelRun.ProtocolResult(c.name(), c.description(), c.cases().isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(evaluator.evaluate(model, split, c.cases(), fitted, progress))));
        }
        return out;
    }
}
