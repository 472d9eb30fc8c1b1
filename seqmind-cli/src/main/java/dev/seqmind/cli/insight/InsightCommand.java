package dev.seqmind.cli.insight;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.data.privacy.PrivacyLedger;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.insight.audience.Audiences;
import dev.seqmind.insight.report.InsightConfig;
import dev.seqmind.insight.report.InsightHtml;
import dev.seqmind.insight.report.InsightJson;
import dev.seqmind.insight.report.InsightReport;
import dev.seqmind.insight.report.InsightRunner;
import dev.seqmind.insight.report.PrivateSegmentSizes;
import dev.seqmind.insight.segment.KScore;
import dev.seqmind.insight.segment.SegmentBasis;
import dev.seqmind.insight.segment.SegmentProfile;
import dev.seqmind.insight.vector.ItemVectorSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code seqmind insight}: the insight report (segments, profiles, maps, funnel, welcome flows) into
 * {@code insight.json} and {@code insight.html}, with per-segment audiences; subcommands export pattern audiences
 * and print welcome flows.
 */
@Command(name = "insight", mixinStandardHelpOptions = true,
        description = "Segments with profiles, PCA maps, funnel, common paths and welcome flows in insight.json and an "
                + "offline insight.html; per-segment audiences with pseudonymised ids.",
        subcommands = {AudienceCommand.class, WelcomeCommand.class})
public final class InsightCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--data", "--dataset"}, description = "A dataset directory (seqmind ingest) or a log file.")
    Path data;

    @Option(names = "--format", description = "Format of --data when a file: csv, tsv, jsonl, movielens, sasrec, ...")
    String format;

    @Option(names = "--items", description = "Item table with a header (id first; title, genres/categories).")
    Path items;

    @Option(names = "--model", description = "A saved model: a neural model's item embeddings become the item vectors "
            + "and --segment-on MODEL segments on its state for each user's history; any model lists its first "
            + "recommendations for new users.")
    Path model;

    @Option(names = "--item-vectors", defaultValue = "AUTO", description = "Item vectors for the item maps: AUTO (the "
            + "model's embeddings with a neural --model, else BEHAVIOUR), BEHAVIOUR, MODEL or TEXT (MiniLM embeddings "
            + "of item titles and genres from --items) (default: ${DEFAULT-VALUE}).")
    ItemVectorSource itemVectors;

    @Option(names = "--umap-points", defaultValue = "2000", description = "Users and items on each UMAP map (a seeded "
            + "sample of users, the most frequent items); 0 draws no UMAP map (default: ${DEFAULT-VALUE}).")
    int umapPoints;

    @Option(names = "--out", description = "Output directory for insight.json, insight.html, segments.tsv and "
            + "audiences/.")
    Path out;

    @Option(names = "--segment-on", defaultValue = "INTERESTS", description = "INTERESTS (category profile), "
            + "BEHAVIOUR (all behaviour features) or MODEL (the --model's state for each user's history, or the mean "
            + "text vector with --item-vectors TEXT) (default: ${DEFAULT-VALUE}).")
    SegmentBasis basis;

    @Option(names = "--min-k", defaultValue = "2", description = "Smallest number of segments tried "
            + "(default: ${DEFAULT-VALUE}).")
    int minK;

    @Option(names = "--max-k", defaultValue = "10", description = "Largest number of segments tried "
            + "(default: ${DEFAULT-VALUE}).")
    int maxK;

    @Option(names = "--k", defaultValue = "0", description = "Use this many segments instead of the best silhouette; "
            + "0 chooses from the data (default: ${DEFAULT-VALUE}).")
    int fixedK;

    @Option(names = "--restarts", defaultValue = "5", description = "k-means++ restarts per k (default: "
            + "${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of sampling and k-means++ (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-categories", defaultValue = "24", description = "Categories kept for profiles (default: "
            + "${DEFAULT-VALUE}).")
    int maxCategories;

    @Option(names = "--map-points", defaultValue = "3000", description = "Users and items drawn per map (default: "
            + "${DEFAULT-VALUE}).")
    int mapPoints;

    @Option(names = "--pattern-steps", defaultValue = "100", description = "Each user's last this many steps are "
            + "mined for patterns (default: ${DEFAULT-VALUE}).")
    int patternSteps;

    @Option(names = "--min-users", defaultValue = "50", description = "Segments smaller than this get no audience "
            + "file (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--key-file", description = "Pseudonymisation key for audience ids when the dataset's ids are raw "
            + "(else $" + Pseudonymizer.KEY_ENV + "); without either, raw-id datasets get no audience files.")
    Path keyFile;

    @Option(names = "--known-segments", description = "A user<TAB>segment file of known groups (e.g. segments.tsv "
            + "of seqmind generate --segments): prints the adjusted Rand index of the found segments against it.")
    Path knownSegments;

    @Option(names = "--dp-epsilon", description = "Release the segment sizes and shares with epsilon-differential "
            + "privacy (Laplace noise, one user in one segment), charged to the dataset directory's privacy ledger; "
            + "the segments' profiles stay exact. Off when not given.")
    Double dpEpsilon;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (data == null || out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "seqmind insight needs --data and --out (or a subcommand: audience, welcome)");
        }
        InsightConfig config = new InsightConfig(basis, minK, maxK, fixedK, restarts, seed, maxCategories, mapPoints,
                patternSteps, minUsers, itemVectors, umapPoints);
        long t0 = System.nanoTime();
        chargeSegmentSizes();
        SequenceDataset ds = DataOptions.load(data, format, items, TerminalProgress.stderr(quiet));
        InsightRunner.Result result = new InsightRunner(config).run(ds, model, TerminalProgress.stderr(quiet));
        InsightReport report = dpEpsilon == null ? result.report()
                : PrivateSegmentSizes.release(result.report(), dpEpsilon, new SplittableRandom(seed * 53 + 19));
        Files.createDirectories(out);
        InsightJson.write(report, out.resolve("insight.json"));
        InsightHtml.write(report, out.resolve("insight.html"));
        String audiences = writeAudiences(ds, result);
        if (!quiet) {
            print(report, (System.nanoTime() - t0) / 1e9, audiences);
        }
        if (knownSegments != null) {
            KnownSegments k = KnownSegments.compare(knownSegments, ds, result.labels());
            spec.commandLine().getOut().printf(Locale.ROOT, "adjusted Rand index against %s: %.4f over %,d users%n",
                    knownSegments, k.ari(), k.matched());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** With --dp-epsilon: charges the dataset's ledger before anything is computed (refused past the budget). */
    private void chargeSegmentSizes() {
        if (dpEpsilon == null) {
            return;
        }
        if (!Files.isDirectory(data)) {
            throw new InvalidParameterException("--dp-epsilon", dpEpsilon, "used with a dataset directory",
                    "the privacy ledger lives in the dataset directory (seqmind ingest)");
        }
        PrivacyLedger.of(data).charge("insight segment sizes", new PrivacyCost(dpEpsilon, 0),
                "laplace, L1 sensitivity 1, seed " + seed);
    }

    private String writeAudiences(SequenceDataset ds, InsightRunner.Result result) throws IOException {
        Pseudonymizer key = pseudonymizer(ds, keyFile);
        if (key == null && !ds.info().pseudonymised()) {
            return "no audiences written: the user ids are raw and no key was given (--key-file or $"
                    + Pseudonymizer.KEY_ENV + ")";
        }
        int[] labels = result.labels();
        List<String> ids = Audiences.exportIds(ds, IntStream.range(0, ds.numUsers()).toArray(), key);
        try (Writer w = Files.newBufferedWriter(out.resolve("segments.tsv"), StandardCharsets.UTF_8)) {
            w.write("user\tsegment\n");
            for (int u = 0; u < labels.length; u++) {
                w.write(ids.get(u) + "\t" + labels[u] + "\n");
            }
        }
        int written = 0;
        for (SegmentProfile s : result.report().segments()) {
            if (s.size() >= minUsers) {
                int segment = s.id();
                int[] members = IntStream.range(0, labels.length).filter(u -> labels[u] == segment).toArray();
                Audiences.write(out.resolve("audiences").resolve("segment-" + segment + ".csv"), "segment " + segment,
                        ds, members, minUsers, key);
                written++;
            }
        }
        return "segments.tsv and " + written + " segment audiences (of at least " + minUsers + " users) in "
                + out.resolve("audiences");
    }

    /** The key from {@code keyFile}, else from the environment when set, else null. */
    static Pseudonymizer pseudonymizer(SequenceDataset ds, Path keyFile) {
        if (ds.info().pseudonymised()) {
            return null;
        }
        if (keyFile != null) {
            return Pseudonymizer.fromKeyFile(keyFile);
        }
        String env = System.getenv(Pseudonymizer.KEY_ENV);
        return env == null || env.isBlank() ? null : Pseudonymizer.fromEnvironment();
    }

    private void print(InsightReport r, double seconds, String audiences) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %,d users, %,d items, %,d events%n", r.dataset().name(), r.dataset().users(),
                r.dataset().items(), r.dataset().events());
        w.println("segmented on " + r.userVectors());
        w.println("   k   inertia      silhouette");
        for (KScore s : r.kChoice().scores()) {
            w.printf(Locale.ROOT, "  %2d  %12.2f  %.4f%s%n", s.k(), s.inertia(), s.silhouette(),
                    (s.k() == r.kChoice().bySilhouette() ? "  best silhouette" : "")
                            + (s.k() == r.kChoice().byElbow() ? "  elbow" : ""));
        }
        w.printf(Locale.ROOT, "chosen k = %d, silhouette of the final segments %.4f%n", r.kChoice().chosen(),
                r.silhouette());
        for (SegmentProfile s : r.segments()) {
            w.printf(Locale.ROOT, "  segment %d: %,d users (%.1f%%), top %s%n", s.id(), s.size(), 100 * s.share(),
                    s.topCategories().isEmpty() ? s.distinctive().get(0).label()
                            : s.topCategories().get(0).label() + String.format(Locale.ROOT, " (%.0f%%, lift %.2f)",
                            100 * s.topCategories().get(0).share(), s.topCategories().get(0).lift()));
        }
        w.println(audiences);
        w.printf(Locale.ROOT, "wrote %s and %s in %.1f s%n", out.resolve("insight.json"), out.resolve("insight.html"),
                seconds);
        w.flush();
    }
}
