package dev.seqmind.cli.rec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.eval.report.EvaluationRunner;
import dev.seqmind.rec.eval.report.ModelRun;
import dev.seqmind.rec.model.blend.MixtureRecommender;
import dev.seqmind.rec.model.blend.ProbabilityMemo;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code evaluate --blend A+B --blend-weights ...}: a mixture of models whose weights are chosen on the validation
 * cases (every component fitted on training events only, so no validation target is seen), then tested once, with
 * classic components refitted on what the other models are fitted on.
 */
final class BlendOptions {
    /** The grid for two components when none is given: the first component's weight. */
    private static final double[] DEFAULT_FIRST_WEIGHTS = {1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.3, 0};
    /** Three or four components default to every weight vector in steps of 0.1 (66 and 286 vectors). */
    private static final int MAX_DEFAULT_GRID_COMPONENTS = 4;
    private static final int SIMPLEX_STEPS = 10;

    @Option(names = "--blend", paramLabel = "A+B[+C...]", description = "Also evaluate a mixture of these models' "
            + "next-item distributions (a classic model's name or a model directory fitted on this split's "
            + "training events; e.g. models/sasrec-ml1m+markov1). Weights are chosen on validation NDCG@10 "
            + "among --blend-weights, then tested once. Default: none.")
    String blend;

    @Option(names = "--blend-weights", split = ",", paramLabel = "W1:W2[:W3...]", description = "Weight vectors "
            + "tried on validation, one weight a component (normalised to sum 1). Default for two components: the "
            + "first weighted 1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.3, 0; for three or four: every vector in "
            + "steps of 0.1; five or more need them given.")
    List<String> weights = List.of();

    boolean requested() {
        return blend != null;
    }

    /** One component as named on the command line. */
    private record Component(String spec, RecommenderTrainer trainer, Path dir) {
    }

    /** Checks the options before any data is read. */
    void check() {
        if (blend == null) {
            if (!weights.isEmpty()) {
                throw new InvalidParameterException("--blend-weights", String.join(",", weights),
                        "given with --blend");
            }
            return;
        }
        List<Component> components = components();
        grid(components.size());
    }

    private List<Component> components() {
        String[] specs = blend.split("\\+");
        if (specs.length < 2) {
            throw new InvalidParameterException("--blend", blend, "two or more models joined by '+'");
        }
        List<Component> out = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw.trim();
            Path dir = Path.of(spec);
            if (Files.isDirectory(dir)) {
                out.add(new Component(spec, null, dir));
                continue;
            }
            try {
                out.add(new Component(spec, Trainers.byName(spec), null));
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException("--blend", spec,
                        "a model directory or one of " + Trainers.names());
            }
        }
        return out;
    }

    /** Every split of {@code left} tenths over the components from {@code at} on, the first component's largest first. */
    private static void simplex(int[] tenths, int at, int left, List<double[]> out) {
        if (at == tenths.length - 1) {
            tenths[at] = left;
            double[] w = new double[tenths.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = tenths[i] / (double) SIMPLEX_STEPS;
            }
            out.add(w);
            return;
        }
        for (int t = left; t >= 0; t--) {
            tenths[at] = t;
            simplex(tenths, at + 1, left - t, out);
        }
    }

    private List<double[]> grid(int n) {
        List<double[]> out = new ArrayList<>();
        if (weights.isEmpty()) {
            if (n == 2) {
                for (double w : DEFAULT_FIRST_WEIGHTS) {
                    out.add(new double[]{w, 1 - w});
                }
            } else if (n <= MAX_DEFAULT_GRID_COMPONENTS) {
                simplex(new int[n], 0, SIMPLEX_STEPS, out);
            } else {
                throw new InvalidParameterException("--blend-weights", "(none)",
                        "weight vectors for the " + n + " components, e.g. 0.4:0.2:0.2:0.1:0.1 for five");
            }
            return out;
        }
        for (String v : weights) {
            String[] parts = v.split(":");
            if (parts.length != n) {
                throw new InvalidParameterException("--blend-weights", v, n + " weights joined by ':'");
            }
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                try {
                    w[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("--blend-weights", v, "numbers >= 0 joined by ':'");
                }
                if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                    throw new InvalidParameterException("--blend-weights", v, "numbers >= 0 joined by ':'");
                }
                sum += w[i];
            }
            if (sum == 0) {
                throw new InvalidParameterException("--blend-weights", v, "not all weights 0");
            }
            out.add(w);
        }
        return out;
    }

    /**
     * Chooses the weights on validation and tests the chosen mixture.
     *
     * @param k the cut-off whose NDCG chooses the weights
     */
    ModelRun evaluate(Split split, EvaluationRunner runner, Evaluator evaluator, EvaluationRunner.FitOn fitOn,
                      long seed, int threads, int k, Progress progress, PrintWriter log) throws IOException {
        List<Component> components = components();
        List<double[]> grid = grid(components.size());
        PretrainedModels loader = new PretrainedModels(split);
        List<Recommender> onTrain = new ArrayList<>();
        List<Recommender> toClose = new ArrayList<>();
        double fitSeconds = 0;
        try {
            for (Component c : components) {
                long t0 = System.nanoTime();
                Recommender m;
                if (c.dir() != null) {
                    PretrainedModels.Loaded loaded = loader.load(c.dir());
                    toClose.add(loaded.model());
                    if (!loaded.fittedOnTrain()) {
                        throw new InvalidParameterException("--blend", c.spec(),
                                "a model fitted on training events only",
                                "it saw the validation targets, on which the blend's weights are chosen");
                    }
                    m = loaded.model();
                    fitSeconds += loaded.fitSeconds();
                } else {
                    m = c.trainer().fit(split.train(), new FitContext(seed, threads, split.validation(), progress));
                    toClose.add(m);
                    fitSeconds += (System.nanoTime() - t0) / 1e9;
                }
                onTrain.add(m);
            }
            long budget = Runtime.getRuntime().maxMemory() / 4 / components.size();
            List<ProbabilityMemo> memos = onTrain.stream().map(m -> new ProbabilityMemo(m, budget)).toList();
            double[] best = null;
            double bestNdcg = -1;
            StringJoiner tried = new StringJoiner(", ");
            for (double[] w : grid) {
                MixtureRecommender mix = new MixtureRecommender(memos, w);
                EvalResult r = evaluator.validate(mix, split, progress);
                double ndcg = r.mean(Metric.NDCG, k);
                log.printf(Locale.ROOT, "blend validation %s NDCG@%d %.4f%n", mix.name(), k, ndcg);
                tried.add(String.format(Locale.ROOT, "%s: %.4f", weightsText(w), ndcg));
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    best = w;
                }
            }
            List<Recommender> forTest = new ArrayList<>(onTrain);
            if (fitOn == EvaluationRunner.FitOn.TRAIN_FOR_TEST) {
                for (int i = 0; i < components.size(); i++) {
                    if (components.get(i).trainer() != null) {
                        long t0 = System.nanoTime();
                        Recommender refit = components.get(i).trainer().fit(split.trainForTest(),
                                new FitContext(seed, threads, List.of(), progress));
                        toClose.add(refit);
                        fitSeconds += (System.nanoTime() - t0) / 1e9;
                        forTest.set(i, refit);
                    }
                }
            }
            MixtureRecommender chosen = new MixtureRecommender(forTest.stream().map(ProbabilityMemo::none).toList(),
                    best);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("components", blend);
            params.put("weights", weightsText(chosen.weights()));
            params.put("validation NDCG@" + k + " by weights", tried.toString());
            return runner.evaluateFitted(split, chosen, params, fitSeconds, progress);
        } finally {
            for (Recommender m : toClose) {
                m.close();
            }
        }
    }

    private static String weightsText(double[] w) {
        StringJoiner j = new StringJoiner(":");
        Arrays.stream(w).forEach(x -> j.add(String.format(Locale.ROOT, "%.3g", x)));
        return j.toString();
    }

    /** The options as they would be typed, for the report's command line. */
    String describe() {
        return blend == null ? "" : " --blend " + blend
                + (weights.isEmpty() ? "" : " --blend-weights " + String.join(",", weights));
    }
}
