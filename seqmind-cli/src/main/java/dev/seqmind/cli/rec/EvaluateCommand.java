package dev.seqmind.cli.rec;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.data.SeqmindVersion;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.eval.Candidates;
import dev.seqmind.rec.eval.ColdStart;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.eval.report.EvaluationReport;
import dev.seqmind.rec.eval.report.EvaluationRunner;
import dev.seqmind.rec.eval.report.ModelRun;
import dev.seqmind.rec.eval.report.PerUserFile;
import dev.seqmind.rec.eval.report.ReportBuilder;
import dev.seqmind.rec.eval.report.ReportHtml;
import dev.seqmind.rec.eval.report.ReportJson;
import dev.seqmind.rec.eval.report.Reproducibility;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import dev.seqmind.rec.topk.SeenItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind evaluate}: fits models on a split, evaluates them and writes report.json and report.html. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Fit and evaluate recommenders (full ranking by default) and write report.json + report.html.")
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatasetOptions dataset;

    /** Every model name the trainers register. */
    static final class ModelChoices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Trainers.names().iterator();
        }
    }

    /** The values of {@code --fit-on}. */
    static final class FitOnChoices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("train-for-test", "train").iterator();
        }
    }

    @Option(names = "--models", split = ",", completionCandidates = ModelChoices.class, defaultValue = "pop,recent-pop,markov1,markov2,markov3,item-knn,rules",
            description = "Models to compare (default: ${DEFAULT-VALUE}; also seq-rules: the mining engine's "
                    + "sequential rules, slower to fit).")
    List<String> models;

    @Option(names = "--exclude-seen", description = "Remove each user's seen items from the ranking (off by default; "
            + "the published ML-1M/Beauty anchors use it).")
    boolean excludeSeen;

    @Option(names = "--sampled-negatives", defaultValue = "0",
            description = "Rank against N uniform negatives instead of all items (labelled 'sampled')."
                    + " Default: ${DEFAULT-VALUE}.")
    int sampledNegatives;

    @Option(names = "-k", split = ",", defaultValue = "1,5,10,20", description = "Cut-offs (default ${DEFAULT-VALUE}).")
    int[] ks;

    @Option(names = "--batch", defaultValue = "256", description = "Users scored together. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--bootstrap", defaultValue = "1000",
            description = "Bootstrap resamples for intervals (0: none). Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of fits, bootstrap and sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "report", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--pretrained", split = ",", description = "Model directories (from 'seqmind train' or "
            + "--save-models) evaluated beside --models without refitting; each must have been fitted on this split.")
    List<Path> pretrained = List.of();

    @Option(names = "--save-models", description = "Also save every fitted model under this directory.")
    Path saveModels;

    @Option(names = "--fit-on", defaultValue = "train-for-test", completionCandidates = FitOnChoices.class,
            description = "train-for-test (default: every event before the test targets) or train (training events "
                    + "only, validation cases for early stopping).")
    String fitOn;

    @Option(names = "--per-user", description = "Also write per-user.tsv.gz: every metric@K of every user and model.")
    boolean perUser;

    @Option(names = "--diversity-lambdas", split = ",", description = "Also evaluate every model re-ranked by "
            + "maximal marginal relevance at each lambda (e.g. 0.9,0.7,0.5; 1 = the model's order): the rows "
            + "model+mmrL trace NDCG against intra-list diversity and coverage. Default: none.")
    List<Double> diversityLambdas = List.of();

    @CommandLine.Mixin
    DiversityOptions diversity = new DiversityOptions();

    @Option(names = "--cold-items", description = "Also evaluate the cold-item protocol: only targets whose item has "
            + "no event in the data the models were fitted on (default: off).")
    boolean coldItems;

    @Option(names = "--epochs", description = "At most this many epochs for iteratively trained (neural) models "
            + "(default: each model's own, e.g. 100 with early stopping).")
    Integer epochs;

    @CommandLine.Mixin
    BlendOptions blend = new BlendOptions();

    @Option(names = "--cold-users", defaultValue = "0", description = "Also evaluate the cold-user protocol: users "
            + "with at most this many training events (default ${DEFAULT-VALUE}: off).")
    int coldUsers;

    @Option(names = "--long-users", defaultValue = "0", paramLabel = "N", description = "Also evaluate the long-user "
            + "protocol: users with more than N events in the data the models were fitted on, e.g. 400 for histories "
            + "twice SASRec's 200-item window; the models are compared on them with paired tests "
            + "(default ${DEFAULT-VALUE}: off).")
    int longUsers;

    @Override
    public Integer call() throws IOException {
        var progress = TerminalProgress.stderr(false);
        List<RecommenderTrainer> trainers = new ArrayList<>();
        if (epochs != null) {
            InvalidParameterException.requireInRange("--epochs", epochs, 1, 100_000);
        }
        for (String m : models) {
            if (m.isBlank()) {
                continue; // --models '' evaluates only --pretrained models
            }
            try {
                RecommenderTrainer t = Trainers.byName(m.trim());
                trainers.add(epochs == null ? t : t.withMaxEpochs(epochs));
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException("--models", m, "a list of " + Trainers.names());
            }
        }
        for (double lambda : diversityLambdas) {
            if (!(lambda >= 0 && lambda <= 1)) {
                throw new InvalidParameterException("--diversity-lambdas", lambda, "in [0, 1]");
            }
        }
        blend.check();
        SequenceDataset ds = dataset.load(progress);
        if (!diversityLambdas.isEmpty()) {
            diversity.check(ds);
        }
        Split sp = dataset.split(ds, seed);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        EvalConfig cfg = new EvalConfig(ks, excludeSeen ? SeenItems.EXCLUDE : SeenItems.KEEP,
                sampledNegatives > 0 ? Candidates.sampled(sampledNegatives, seed) : Candidates.FULL, batch, nThreads,
                bootstrap, seed);
        err().printf(Locale.ROOT, "%s: %d users, %d items, %d events; %s, %d test users; %s%n",
                ds.info().name(), ds.numUsers(), ds.numItems(), ds.numInteractions(), sp.protocol(),
                sp.test().size(), cfg);
        EvaluationRunner.FitOn on = switch (fitOn) {
            case "train-for-test" -> EvaluationRunner.FitOn.TRAIN_FOR_TEST;
            case "train" -> EvaluationRunner.FitOn.TRAIN;
            default -> throw new InvalidParameterException("--fit-on", fitOn, "train-for-test or train");
        };
        var runner = new EvaluationRunner(new Evaluator(cfg), seed, Trainers::isBaseline, on,
                new ColdStart(coldItems, coldUsers, longUsers));
        java.util.Map<ModelRun, List<ModelRun>> reranked = new java.util.IdentityHashMap<>();
        List<ModelRun> fitted = runner.run(sp, trainers, progress, (model, run) -> {
            reranked.put(run, diversified(runner, sp, model, run, ds, progress));
            if (saveModels != null) {
                RecommenderTrainer t = trainers.stream().filter(x -> x.name().equals(run.trainer())).findFirst()
                        .orElseThrow();
                try {
                    ModelDirectory.save(model, saveModels.resolve(model.name()), Provenance.of(
                            on == EvaluationRunner.FitOn.TRAIN ? sp.train() : sp.trainForTest(), t,
                            FitContext.of(seed)), ds.catalog());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        List<ModelRun> runs = new ArrayList<>();
        for (ModelRun run : fitted) {
            runs.add(run);
            runs.addAll(reranked.getOrDefault(run, List.of()));
        }
        PretrainedModels loader = pretrained.isEmpty() ? null : new PretrainedModels(sp);
        // models of the same name (e.g. two SASRec directories) are told apart by their directories
        java.util.Map<String, Integer> uses = new java.util.HashMap<>();
        fitted.forEach(r -> uses.merge(r.result().model(), 1, Integer::sum));
        for (Path dir : pretrained) {
            uses.merge(ModelDirectory.readMeta(dir).name(), 1, Integer::sum);
        }
        for (Path dir : pretrained) {
            PretrainedModels.Loaded m = loader.load(dir);
            ModelRun run = runner.evaluateFitted(sp, m.model(), m.params(), m.fitSeconds(), progress);
            if (uses.getOrDefault(run.result().model(), 0) > 1) {
                run = run.labelled(run.result().model() + " (" + dir.getFileName() + ")");
            }
            runs.add(run);
            runs.addAll(diversified(runner, sp, m.model(), run, ds, progress));
        }
        if (blend.requested()) {
            runs.add(blend.evaluate(sp, runner, new Evaluator(cfg), on, seed, nThreads, cutOff(), progress, err()));
        }
        if (runs.isEmpty()) {
            throw new InvalidParameterException("--models", String.join(",", models), "at least one model",
                    "name classic models or give --pretrained model directories");
        }
        var repro = new Reproducibility(ds.info().name(), ds.info().sources(), ds.info().steps(),
                DatasetFingerprint.of(ds).id(), ds.numUsers(), ds.numItems(), ds.numInteractions(),
                sp.protocol() + "; " + runner.fitDescription(),
                sp.test().size(), seed, seed, seed, cfg.toString(), SeqmindVersion.version(), SeqmindVersion.gitSha(),
                Provenance.runtime(), Provenance.platform(), commandLine());
        EvaluationReport report = new ReportBuilder(0.05, 0.95).build("seqmind evaluation: " + ds.info().name(),
                runs, repro);
        Files.createDirectories(out);
        ReportJson.write(report, out.resolve("report.json"));
        ReportHtml.write(report, out.resolve("report.html"));
        if (perUser) {
            PerUserFile.write(out.resolve("per-user.tsv.gz"), runs, sp.test(),
                    u -> ds.users().externalId(u));
        }
        printSummary(runs, report);
        out().println("wrote " + out.resolve("report.json") + " and " + out.resolve("report.html"));
        return 0;
    }

    /** {@code run}'s model again at each of --diversity-lambdas. */
    private List<ModelRun> diversified(EvaluationRunner runner, Split sp, dev.seqmind.rec.Recommender model,
                                       ModelRun run, SequenceDataset ds,
                                       dev.seqmind.data.progress.Progress progress) {
        List<ModelRun> out = new ArrayList<>();
        for (double lambda : diversityLambdas) {
            out.add(runner.evaluateReranked(sp, model, run, diversity.reranker(model, ds.catalog(), lambda),
                    progress));
        }
        return out;
    }

    /** The cut-off the summary and the blend's weight choice use: 10 when evaluated, else the largest. */
    private int cutOff() {
        return Arrays.stream(ks).filter(x -> x == 10).findFirst().orElse(ks[ks.length - 1]);
    }

    private void printSummary(List<ModelRun> runs, EvaluationReport report) {
        int k = cutOff();
        var first = runs.get(0).result();
        out().printf(Locale.ROOT, "%-24s %14s %14s %10s %10s%s%n", "model", first.label(Metric.HR, k),
                first.label(Metric.NDCG, k), "fit s", "users/s",
                diversityLambdas.isEmpty() ? "" : String.format(Locale.ROOT, " %8s %8s", "ILD@" + k, "cov@" + k));
        for (ModelRun r : runs) {
            String beyond = "";
            if (!diversityLambdas.isEmpty()) {
                var b = r.result().beyond().stream().filter(x -> x.k() == k).findFirst();
                beyond = b.map(x -> String.format(Locale.ROOT, " %8.4f %8.4f", x.intraListDiversity(),
                        x.coverage())).orElse("");
            }
            out().printf(Locale.ROOT, "%-24s %14.4f %14.4f %10.2f %10.0f%s%n", r.result().model(),
                    r.result().mean(Metric.HR, k), r.result().mean(Metric.NDCG, k), r.fitSeconds(),
                    r.result().usersPerSecond(), beyond);
        }
        out().println("ranking: " + first.ranking());
        for (EvaluationReport.ProtocolReport p : report.protocols()) {
            out().println(p.name() + ": " + p.description()
                    + (p.baseline() == null ? "" : "; paired tests against " + p.baseline()));
            String ndcg = first.label(Metric.NDCG, k);
            for (EvaluationReport.ModelReport m : p.models()) {
                EvaluationReport.MetricValue v = m.metrics().get(ndcg);
                String test = v == null || v.difference() == null ? ""
                        : String.format(Locale.ROOT, "  %s %+.4f, t-test p %.3g, Wilcoxon p %.3g", ndcg,
                        v.difference(), v.tTestP(), v.wilcoxonP());
                out().printf(Locale.ROOT, "  %-22s %14.4f %14.4f %10d cases%s%n", m.name(),
                        m.metrics().get(first.label(Metric.HR, k)).mean(), v == null ? Double.NaN : v.mean(),
                        m.cases(), test);
            }
        }
    }

    private String commandLine() {
        return "seqmind evaluate " + dataset.describe() + " --models " + String.join(",", models)
                + " --fit-on " + fitOn
                + (epochs == null ? "" : " --epochs " + epochs) + (coldItems ? " --cold-items" : "")
                + (coldUsers > 0 ? " --cold-users " + coldUsers : "")
                + (longUsers > 0 ? " --long-users " + longUsers : "") + (excludeSeen ? " --exclude-seen" : "")
                + (sampledNegatives > 0 ? " --sampled-negatives " + sampledNegatives : "")
                + " -k " + Arrays.toString(ks).replaceAll("[\\[\\] ]", "") + " --bootstrap " + bootstrap
                + " --seed " + seed + (diversityLambdas.isEmpty() ? "" : " --diversity-lambdas "
                + String.join(",", diversityLambdas.stream().map(String::valueOf).toList()) + " --diversity-by "
                + diversity.by + " --diversity-pool " + diversity.pool) + blend.describe()
                + (pretrained.isEmpty() ? "" : " --pretrained " + String.join(",",
                pretrained.stream().map(Path::toString).toList()));
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
