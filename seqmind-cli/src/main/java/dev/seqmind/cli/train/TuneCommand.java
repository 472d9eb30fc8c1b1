package dev.seqmind.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.cli.data.IngestOptions;
import dev.seqmind.cli.tune.SearchSpace;
import dev.seqmind.cli.tune.SuccessiveHalving;
import dev.seqmind.cli.tune.TrialLog;
import dev.seqmind.cli.tune.TrialResult;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.topk.SeenItems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seqmind tune --model M --space FILE --trials N --time-budget D --data ... --out DIR}: draws {@code N}
 * configurations of {@code train}'s options from the space, runs successive halving on validation NDCG@10 (each
 * trial a {@code train} run with its own checkpoints under {@code DIR/trials}), logs every trial and rung to
 * {@code DIR/trials.jsonl}, and tests the best configuration once: {@code DIR/best.json} (options, validation and
 * test figures, the ready {@code train} command) and its model directory {@code DIR/best-model}. Running the same
 * command again resumes from the log; once {@code best.json} exists it is only printed.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search a neural model's train options: random search with successive halving on validation "
                + "NDCG@10, resumable, every trial logged; the best configuration is tested once and written as a "
                + "train command.")
public final class TuneCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, completionCandidates = Models.class,
            description = "Architecture to tune: ${COMPLETION-CANDIDATES}.")
    String model;
    @CommandLine.Mixin
    DatasetOptions dataset;
    @Option(names = "--space", required = true, paramLabel = "FILE", description = "JSON object of train options "
            + "(names without dashes) to a fixed value or {\"choice\": [...]}, {\"uniform\": [lo, hi]}, "
            + "{\"log-uniform\": [lo, hi]}, {\"int\": [lo, hi]}.")
    Path space;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the trial log, trial checkpoints and the best model go.")
    Path out;
    @Option(names = "--trials", defaultValue = "27", description = "Configurations drawn. Default: ${DEFAULT-VALUE}.")
    int trials;
    @Option(names = "--time-budget", defaultValue = "2h", paramLabel = "DURATION", description = "Training time the "
            + "search may spend (45s, 30m, 2h; counted over resumed runs too); no rung starts after it. "
            + "Default: ${DEFAULT-VALUE}.")
    String timeBudget;
    @Option(names = "--min-epochs", defaultValue = "2",
            description = "Epochs of the first rung. Default: ${DEFAULT-VALUE}.")
    int minEpochs;
    @Option(names = "--max-epochs", defaultValue = "54",
            description = "Epochs of the last rung. Default: ${DEFAULT-VALUE}.")
    int maxEpochs;
    @Option(names = "--eta", defaultValue = "3", description = "Rung factor: epochs grow and survivors shrink by it."
            + " Default: ${DEFAULT-VALUE}.")
    int eta;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the draws and of every trial's training."
            + " Default: ${DEFAULT-VALUE}.")
    long seed;
    @Option(names = "--threads", defaultValue = "1",
            description = "PyTorch intra-op threads of each trial. Default: ${DEFAULT-VALUE}.")
    int threads;

    /** The models {@code tune} can train. */
    static final class Models implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("sasrec", "bert4rec", "gru4rec", "lstm", "srgnn").iterator();
        }
    }

    /** What {@code best.json} holds. */
    record Best(String model, int trial, int epochs, int bestEpoch, Map<String, String> params,
                double validationNdcg10, double validationHr10, double testNdcg10, double testHr10,
                int trialsRun, double searchSeconds, boolean budgetSpent, String command) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!List.of("sasrec", "bert4rec", "gru4rec", "lstm", "srgnn").contains(model)) {
            throw new InvalidParameterException("--model", model, "one of sasrec, bert4rec, gru4rec, lstm, srgnn");
        }
        double budget = IngestOptions.parseDuration(timeBudget).toMillis() / 1000.0;
        CommandLine.Model.CommandSpec trainSpec = new CommandLine(new TrainCommand()).getCommandSpec();
        SearchSpace searchSpace = SearchSpace.read(space, name -> trainSpec.findOption("--" + name) != null);
        Path bestFile = out.resolve("best.json");
        if (Files.exists(bestFile)) {
            Best b = JSON.readValue(bestFile.toFile(), Best.class);
            stdout.println(summary(b));
            log(err, bestFile + " exists: the search finished and its best was tested; not testing again");
            return 0;
        }
        SuccessiveHalving halving = new SuccessiveHalving(trials, minEpochs, maxEpochs, eta, budget);
        SequenceDataset full = dataset.load(dev.seqmind.cli.console.TerminalProgress.stderr(false));
        Split split = dataset.split(full, seed);
        TrialLog log = new TrialLog(out.resolve("trials.jsonl"));
        List<TrialResult> logged = log.read();
        for (TrialResult r : logged) {
            if (r.trial() >= trials || !r.params().equals(searchSpace.trial(seed, r.trial()))) {
                throw new InvalidParameterException("--space/--seed/--trials", space, "the ones " + log.file()
                        + " was written with (trial " + r.trial() + " had " + r.params() + ")",
                        "resume with the same space, seed and trials, or choose another --out");
            }
        }
        log(err, String.format("tune %s: %d trials, rungs %s epochs, budget %.0fs, %d results logged",
                model, trials, halving.rungs(), budget, logged.size()));
        SuccessiveHalving.Outcome outcome = halving.run(logged,
                (trial, rung, epochs) -> runTrial(trial, rung, epochs, searchSpace.trial(seed, trial), split, false)
                        .result(),
                r -> {
                    try {
                        log.append(r);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    log(err, String.format("trial %d rung %d (%d epochs): validation NDCG@10 %.4f "
                                    + "HR@10 %.4f (best epoch %d), %.0fs %s", r.trial(), r.rung(), r.epochs(),
                            r.validationNdcg(), r.validationHr(), r.bestEpoch(), r.seconds(), r.params()));
                });
        TrialResult best = outcome.best().orElseThrow(() -> new InvalidParameterException("--time-budget",
                timeBudget, "long enough for one trial"));
        // the best trial's checkpoints hold its best weights: resuming at its epochs only restores them
        Trial t = runTrial(best.trial(), best.rung(), best.epochs(), best.params(), split, true);
        EvalResult test = new Evaluator(EvalConfig.defaults().withThreads(1).withSeen(SeenItems.EXCLUDE))
                .test(t.fitted().model(), split, dev.seqmind.cli.console.TerminalProgress.stderr(false));
        String command = trainCommand(best);
        ModelCards.Written w = ModelCards.write(out.resolve("best-model"), t.trainer(), t.fitted(), split, test,
                false, command, seed, DatasetFingerprint.of(full).id());
        double seconds = outcome.results().stream().mapToDouble(TrialResult::seconds).sum();
        Best b = new Best(model, best.trial(), best.epochs(), best.bestEpoch(), best.params(), best.validationNdcg(),
                best.validationHr(), w.ndcg10(), w.hr10(),
                (int) outcome.results().stream().mapToInt(TrialResult::trial).distinct().count(), seconds,
                outcome.budgetSpent(), command);
        JSON.writeValue(bestFile.toFile(), b);
        stdout.println(summary(b));
        return 0;
    }

    private static void log(PrintWriter err, String line) {
        err.println(java.time.Instant.now() + " " + line);
        err.flush();
    }

    private record Trial(NeuralTrainer trainer, NeuralTrainer.Fitted fitted, TrialResult result) {
    }

    /** Trains (or, with {@code restoreOnly}, reloads) one trial to {@code epochs} through train's own options. */
    private Trial runTrial(int trial, int rung, int epochs, Map<String, String> params, Split split,
                           boolean restoreOnly) {
        Path dir = out.resolve("trials").resolve(String.format("trial-%03d", trial));
        Path ckpt = dir.resolve("checkpoints");
        List<String> args = new ArrayList<>(List.of("--model", model, "--data", dataset.data.toString(),
                "--out", dir.toString(), "--checkpoints", ckpt.toString(), "--epochs", Integer.toString(epochs),
                "--patience", "0", "--seed", Long.toString(seed), "--threads", Integer.toString(threads)));
        args.addAll(optionArgs(params));
        if (restoreOnly || Files.isDirectory(ckpt)) {
            args.add("--resume");
        }
        TrainCommand options = new TrainCommand();
        new CommandLine(options).parseArgs(args.toArray(new String[0]));
        NeuralTrainer trainer = options.nextItemTrainer(line -> { });
        long start = System.nanoTime();
        NeuralTrainer.Fitted fitted = trainer.fitWithState(split.train(), new FitContext(seed, threads,
                split.validation(), dev.seqmind.cli.console.TerminalProgress.stderr(false)));
        double seconds = (System.nanoTime() - start) / 1e9;
        var s = fitted.state();
        if (!restoreOnly) {
            fitted.model().network().parameters().close(); // each trial's weights are on disk; free the native memory
        }
        return new Trial(trainer, fitted, new TrialResult(trial, rung, epochs, params, s.bestNdcg(), s.bestHitRate(),
                s.bestEpoch(), seconds));
    }

    /** {@code --name value} pairs; {@code true}/{@code false} of a flag option become the flag or nothing. */
    private static List<String> optionArgs(Map<String, String> params) {
        CommandLine.Model.CommandSpec trainSpec = new CommandLine(new TrainCommand()).getCommandSpec();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(params).entrySet()) {
            String name = "--" + e.getKey();
            CommandLine.Model.OptionSpec o = trainSpec.findOption(name);
            if (o != null && o.arity().max() == 0) {
                if (Boolean.parseBoolean(e.getValue())) {
                    out.add(name);
                }
            } else {
                out.add(name);
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The {@code train} command that reproduces the best trial from scratch. */
    private String trainCommand(TrialResult best) {
        List<String> words = new ArrayList<>(List.of("seqmind", "train", "--model", model, "--data",
                dataset.data.toString()));
        if (dataset.format != null) {
            words.addAll(List.of("--format", dataset.format));
        }
        words.addAll(List.of("--out", "models/" + model + "-tuned", "--epochs", Integer.toString(best.epochs()),
                "--patience", "0", "--seed", Long.toString(seed), "--threads", Integer.toString(threads)));
        words.addAll(optionArgs(best.params()));
        return String.join(" ", words);
    }

    private static String summary(Best b) {
        return String.format("best of %d trials (%.0fs of training%s): trial %d, %d epochs (best %d): validation "
                        + "NDCG@10 %.4f HR@10 %.4f; test NDCG@10 %.4f HR@10 %.4f%n  options %s%n  %s",
                b.trialsRun(), b.searchSeconds(), b.budgetSpent() ? ", budget spent" : "", b.trial(), b.epochs(),
                b.bestEpoch(), b.validationNdcg10(), b.validationHr10(), b.testNdcg10(), b.testHr10(), b.params(),
                b.command());
    }
}
