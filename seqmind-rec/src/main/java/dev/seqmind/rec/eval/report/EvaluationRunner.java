package dev.seqmind.rec.eval.report;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.store.TrainerParams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Fits each trainer on {@code split.trainForTest()} with the same seed and evaluates it on the test cases. Models
 * never see a test target: the split guarantees it. Stateless apart from its settings; not meant for concurrent use
 * of one {@link Progress}.
 */
public final class EvaluationRunner {
    private final Evaluator evaluator;
    private final long fitSeed;
    private final Predicate<RecommenderTrainer> isBaseline;

    public EvaluationRunner(Evaluator evaluator, long fitSeed, Predicate<RecommenderTrainer> isBaseline) {
        this.evaluator = evaluator;
        this.fitSeed = fitSeed;
        this.isBaseline = isBaseline;
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
            FitContext ctx = new FitContext(fitSeed, evaluator.config().threads(), split.validation(), progress);
            long t0 = System.nanoTime();
            Recommender model = t.fit(split.trainForTest(), ctx);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            EvalResult r = evaluator.test(model, split, progress);
            ModelRun run = new ModelRun(t.name(), TrainerParams.of(t), isBaseline.test(t), fitSeconds, r);
            runs.add(run);
            if (onModel != null) {
                onModel.accept(model, run);
            }
        }
        return runs;
    }
}
