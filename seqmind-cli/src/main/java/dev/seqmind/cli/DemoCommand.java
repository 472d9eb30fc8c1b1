package dev.seqmind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code seqmind demo}: the main job end to end on generated data, as a new user would run it by hand: generate a
 * realistic log with planted patterns, ingest it, show its statistics, mine the sequential rules (the planted chains
 * come out on top), train a small SASRec, evaluate it beside classic recommenders into an HTML report, and ask the
 * saved rule and neural models for recommendations with their explanations. Each step is the same command a user would type, printed before it runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job end to end on a generated log: generate, ingest, stats, mine rules, "
                + "train a small SASRec, evaluate it beside classic recommenders (HTML report), recommend with "
                + "explanations.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("seqmind-demo");

    @Option(names = "--users", description = "Users in the generated log (default: ${DEFAULT-VALUE}).")
    int users = 5_000;

    @Option(names = "--items", description = "Items in the catalogue (default: ${DEFAULT-VALUE}).")
    int items = 1_500;

    @Option(names = "--events", description = "Events in the log (default: ${DEFAULT-VALUE}).")
    int events = 300_000;

    @Option(names = "--seed", description = "Seed of every random step (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--neural-epochs", description = "Epochs of the demo's short SASRec fit (default: ${DEFAULT-VALUE}).")
    int neuralEpochs = 6;

    /** The first two items of the first planted chain (planted.tsv), as a history to ask the models about. */
    private static List<String> plantedPrefix(Path log) {
        try {
            List<String> lines = Files.readAllLines(log.resolve("planted.tsv"));
            String[] items = lines.get(1).split("\t")[1].split(" ");
            return List.of(items[0], items[1]);
        } catch (IOException | RuntimeException e) {
            return List.of("1", "2");
        }
    }

    @Override
    public Integer call() {
        Path log = dir.resolve("log");
        Path dataset = dir.resolve("dataset");
        Path report = dir.resolve("report");
        Path models = dir.resolve("models");
        // Suppliers: a step's arguments may depend on what an earlier step wrote (the planted chains).
        List<Supplier<String[]>> steps = List.of(
                () -> new String[] {"generate", "--users", Integer.toString(users), "--items", Integer.toString(items),
                        "--events", Integer.toString(events), "--seed", Long.toString(seed), "--out", log.toString()},
                () -> new String[] {"ingest", log.resolve("events.csv").toString(), "--items",
                        log.resolve("items.csv").toString(), "--dedup", "--name", "demo-shop", "--out",
                        dataset.toString()},
                () -> new String[] {"stats", "--dataset", dataset.toString()},
                () -> new String[] {"mine", "rules", "--dataset", dataset.toString(), "--each-event", "--min-support",
                        "0.015", "--min-confidence", "0.6", "--sort", "lift", "--limit", "10"},
                // a short neural fit (well under a minute on 2 cores), compared beside the classic models
                () -> new String[] {"train", "--model", "sasrec", "--data", dataset.toString(), "--out",
                        models.resolve("sasrec").toString(), "--epochs", Integer.toString(neuralEpochs), "--dim", "32",
                        "--max-len", "50", "--batch", "256", "--lr", "0.002", "--patience", "3", "--seed",
                        Long.toString(seed)},
                () -> new String[] {"evaluate", "--data", dataset.toString(), "--models", "pop,markov1,item-knn,rules",
                        "--pretrained", models.resolve("sasrec").toString(), "--out", report.toString(),
                        "--save-models", models.toString(), "--seed", Long.toString(seed)},
                () -> new String[] {"recommend", "--model", models.resolve("rules").toString(), "--history",
                        String.join(",", plantedPrefix(log)), "-k", "5"},
                () -> new String[] {"recommend", "--model", models.resolve("sasrec").toString(), "--history",
                        String.join(",", plantedPrefix(log)), "-k", "5"});
        for (Supplier<String[]> next : steps) {
            String[] step = next.get();
            System.out.println();
            System.out.println("$ seqmind " + String.join(" ", step));
            int code = SeqmindCommand.execute(step);
            if (code != 0) {
                System.err.println("seqmind demo: step '" + step[0] + "' failed with exit code " + code);
                return code;
            }
        }
        System.out.println();
        System.out.println("demo done: dataset in " + dataset + ", report in " + report.resolve("report.html")
                + ", models in " + models);
        return 0;
    }
}
