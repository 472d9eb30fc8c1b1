package dev.seqmind.cli.retrain;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.retrain.Decision;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.server.retrain.Promoter;
import dev.seqmind.server.retrain.RetrainCycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code seqmind retrain}: append, fit, compare with the serving model, promote when better by the margin. */
@Command(name = "retrain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the serving model's own trainer (type and parameters from its model.json) on the updated "
                + "dataset, compare it with the serving model on the most recent slice of events with the "
                + "evaluator's paired test, and promote it through the server's hot swap only when it is better by "
                + "--margin. Writes a decision record (both metrics, p-value, promoted or not, why) either way."},
        footer = {"", "Examples:",
                "  seqmind retrain --dataset data/shop --from-store data/shop.events.sqlite \\",
                "      --server http://127.0.0.1:8080 --name markov1        # admin key in $SEQMIND_ADMIN_KEY",
                "  seqmind retrain --dataset data/shop --serving models/markov1   # decide and save, no swap",
                "  seqmind retrain --dataset data/shop --initial markov1 --name markov1   # the first version"})
public final class RetrainCommand implements Callable<Integer> {
    /** The environment variable holding the server's admin key. */
    public static final String ADMIN_KEY_ENV = "SEQMIND_ADMIN_KEY";

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset directory.")
    Path dataset;

    @Option(names = "--from-store", paramLabel = "STORE", description = "Append the events of this server store "
            + "that the dataset does not hold yet first (sqlite:/path, a SQLite file, or jdbc:postgresql://...). "
            + "Repeatable. Default: none.")
    List<String> stores = new ArrayList<>();

    @Option(names = "--store-pseudonymized", description = "The store holds pseudonyms already (server run with "
            + "--pseudonymize). Default: off.")
    boolean storePseudonymized;

    @Option(names = "--key-file", paramLabel = "FILE", description = "The dataset's pseudonymisation key (or $"
            + Pseudonymizer.KEY_ENV + "), needed when it is pseudonymised and new events are appended.")
    Path keyFile;

    @Option(names = "--server", paramLabel = "URL", description = "A running server: the serving model is the one "
            + "it serves as --name, and a win is swapped in through its POST /v1/admin/models (admin key in $"
            + ADMIN_KEY_ENV + "). Default: none.")
    String server;

    @Option(names = "--serving", paramLabel = "DIR", description = "The serving model directory, when no --server "
            + "is given (the new model is then saved but not swapped in).")
    Path serving;

    @Option(names = "--name", paramLabel = "NAME", description = "The served name of the model. Default: the "
            + "--serving directory's name.")
    String name;

    @Option(names = "--initial", paramLabel = "MODEL", description = "Fit MODEL (e.g. markov1, item-knn) on the "
            + "whole dataset as the first version, with nothing to compare against, and print its directory.")
    String initial;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Mixin
    RetrainOptions options = new RetrainOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = TerminalProgress.stderr(quiet);
        String n = name != null ? name : serving != null ? serving.toAbsolutePath().getFileName().toString()
                : initial;
        if (n == null) {
            throw new InvalidParameterException("--name", "none", "the served name of the model");
        }
        Optional<Pseudonymizer> key = keyFile != null ? Optional.of(Pseudonymizer.fromKeyFile(keyFile))
                : System.getenv(Pseudonymizer.KEY_ENV) != null ? Optional.of(Pseudonymizer.fromEnvironment())
                : Optional.empty();
        RetrainCycle cycle = new RetrainCycle(dataset, stores, storePseudonymized, key, n,
                options.modelsDir(dataset), options.settings());
        if (initial != null) {
            Path dir = cycle.initial(Trainers.byName(initial), progress);
            out.println("fitted " + initial + " on " + dataset + " into " + dir);
            return 0;
        }
        Promoter promoter = Promoter.NONE;
        Path servingDir = serving;
        if (server != null) {
            String adminKey = System.getenv(ADMIN_KEY_ENV);
            if (adminKey == null || adminKey.isBlank()) {
                throw new InvalidParameterException("$" + ADMIN_KEY_ENV, "unset", "the server's admin key",
                        "keys stay out of command lines and logs");
            }
            AdminClient admin = new AdminClient(server, adminKey.strip());
            servingDir = servingDir != null ? servingDir : admin.servingDir(n);
            promoter = admin;
        }
        if (servingDir == null) {
            throw new InvalidParameterException("--serving or --server", "none", "the model to compare against",
                    "or --initial MODEL to fit the first version");
        }
        RetrainCycle.Result r;
        try (ModelDirectory.Loaded current = ModelDirectory.open(servingDir)) {
            r = cycle.run(current, promoter, progress);
        }
        Decision d = r.decision();
        out.printf(Locale.ROOT, "appended %,d new event(s) to %s%n", r.appended(), dataset);
        out.printf(Locale.ROOT, "slice: %s%n", d.slice());
        out.printf(Locale.ROOT, "%-10s %s = %.4f%n%-10s %s = %.4f%n", "serving", d.metric(), d.serving(), "new",
                d.metric(), d.candidate());
        out.println(d.reason());
        if (r.modelDir() != null) {
            out.println("new model: " + r.modelDir() + (r.promotedAs() != null ? " -> " + r.promotedAs() : ""));
        }
        out.println("decision record: " + r.decisionFile());
        return 0;
    }
}
