package dev.seqmind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seqmind demo}: the main job end to end on generated data, as a new user would run it by hand: generate a
 * realistic log, ingest it, show its statistics (later steps are added as their modules land). Each step is the
 * same command a user would type, printed before it runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job end to end on a generated log: generate, ingest, stats.")
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

    @Override
    public Integer call() {
        Path log = dir.resolve("log");
        Path dataset = dir.resolve("dataset");
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"generate", "--users", Integer.toString(users), "--items", Integer.toString(items),
                "--events", Integer.toString(events), "--seed", Long.toString(seed), "--out", log.toString()});
        steps.add(new String[] {"ingest", log.resolve("events.csv").toString(), "--items",
                log.resolve("items.csv").toString(), "--dedup", "--out", dataset.toString()});
        steps.add(new String[] {"stats", "--dataset", dataset.toString()});
        for (String[] step : steps) {
            System.out.println();
            System.out.println("$ seqmind " + String.join(" ", step));
            int code = SeqmindCommand.execute(step);
            if (code != 0) {
                System.err.println("seqmind demo: step '" + step[0] + "' failed with exit code " + code);
                return code;
            }
        }
        System.out.println();
        System.out.println("demo done: dataset in " + dataset + " (open it with any command's --dataset)");
        return 0;
    }
}
