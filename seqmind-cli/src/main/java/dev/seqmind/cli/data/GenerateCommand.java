package dev.seqmind.cli.data;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.generate.GenerationReport;
import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LengthDistribution;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.generate.PlantedSupport;
import dev.seqmind.data.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind generate}: writes a synthetic behaviour log with planted patterns of known support. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic synthetic behaviour log: Zipf item popularity, skewed user activity, "
                + "sessions, pv/fav/cart/buy funnel, item titles and categories, and planted item chains whose true "
                + "support is recorded in planted.tsv.",
                "Files in --out: the log (user,item,action,timestamp; epoch seconds), items.csv, planted.tsv."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--users", required = true, description = "Number of users. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--items", required = true, description = "Number of items in the catalogue.")
    int items;

    @Option(names = "--events", required = true, description = "Exact number of event rows.")
    long events;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives identical files "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory (created if needed).")
    Path out;

    @Option(names = "--log-name", defaultValue = LogGenerator.DEFAULT_LOG_FILE,
            description = "File name of the log in --out; gzip when it ends in .gz (default: ${DEFAULT-VALUE}).")
    String logName;

    @Option(names = "--zipf", defaultValue = "1.0", description = "Item popularity exponent (default: "
            + "${DEFAULT-VALUE}).")
    double zipf;

    @Option(names = "--lengths", defaultValue = "LOG_NORMAL", description = "User activity shape: "
            + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LengthDistribution lengths;

    @Option(names = "--length-skew", defaultValue = "1.0", description = "Log-normal sigma or Zipf exponent of "
            + "user activity (default: ${DEFAULT-VALUE}).")
    double lengthSkew;

    @Option(names = "--min-length", defaultValue = "2", description = "Events every user gets at least "
            + "(default: ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--session-views", defaultValue = "6", description = "Mean item views per session "
            + "(default: ${DEFAULT-VALUE}).")
    double sessionViews;

    @Option(names = "--patterns", defaultValue = "5", description = "Planted item chains (default: "
            + "${DEFAULT-VALUE}).")
    int patterns;

    @Option(names = "--pattern-length", defaultValue = "3", description = "Items per chain (default: "
            + "${DEFAULT-VALUE}).")
    int patternLength;

    @Option(names = "--pattern-min-fraction", defaultValue = "0.02", description = "Share of users the rarest "
            + "chain is planted into (default: ${DEFAULT-VALUE}).")
    double patternMin;

    @Option(names = "--pattern-max-fraction", defaultValue = "0.10", description = "Share of users the most common "
            + "chain is planted into (default: ${DEFAULT-VALUE}).")
    double patternMax;

    @Option(names = "--start", defaultValue = "2024-01-01T00:00:00Z", description = "Earliest first event, ISO-8601 "
            + "(default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--start-spread-days", defaultValue = "30", description = "Users' first events are spread over "
            + "this many days (default: ${DEFAULT-VALUE}).")
    int spreadDays;

    @Option(names = "--activity-days", defaultValue = "60", description = "Each user's sessions spread over about "
            + "this many days; busier users return more often (default: ${DEFAULT-VALUE}).")
    int activityDays;

    @Option(names = "--segments", defaultValue = "0", description = "Plant this many user segments (0-8) with their "
            + "own department and cart rate; true membership goes to segments.tsv (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        GeneratorConfig config = new GeneratorConfig(users, items, events, seed, zipf, lengths, lengthSkew, minLength,
                sessionViews, patterns, patternLength, patternMin, patternMax, start, spreadDays, activityDays,
                segments);
        GenerationReport r = new LogGenerator(config).writeTo(out, logName, progress());
        if (!quiet) {
            print(r, spec.commandLine().getOut());
        }
        return 0;
    }

    private Progress progress() {
        return TerminalProgress.stderr(quiet);
    }

    static void print(GenerationReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "wrote %,d rows (%,d users, %,d items) to %s in %.2f s: %,.0f rows/s%n", r.rows(),
                r.users(), r.items(), r.log(), r.nanos() / 1e9, r.rowsPerSecond());
        out.printf(Locale.ROOT, "actions: pv %,d  fav %,d  cart %,d  buy %,d%n", r.actionRows().get(0),
                r.actionRows().get(1), r.actionRows().get(2), r.actionRows().get(3));
        out.printf("items: %s%nplanted chains: %s%n", r.itemsFile(), r.plantedFile());
        for (PlantedSupport p : r.planted()) {
            out.printf(Locale.ROOT, "  #%d %-22s support %,7d (%.2f%% of users; planted into %,d): %s%n", p.id(),
                    String.join(" ", p.items()), p.support(), 100.0 * p.support() / r.users(), p.plantedUsers(),
                    String.join(" -> ", p.titles()));
        }
        out.flush();
    }
}
