package dev.seqmind.cli.ab;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.abtest.AbReplay;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code seqmind ab replay}: an A/B test of two (or more) models on the held-out end of a log, offline. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay the held-out end of a log against models as an A/B test: users bucketed as the server "
                + "buckets them, a recommendation before every held-out event, a click when the user's next events "
                + "hit a recommended item within the window. Prints per-variant CTR and conversion with 95%% "
                + "intervals, the always-valid test's verdict day by day, and the exposures, days and users a "
                + "fixed-horizon test would need.")
public final class AbReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExperimentOptions exp = new ExperimentOptions();

    @Option(names = "--keep-seen", description = "Let recommendations repeat items of the history (the server's "
            + "exclude_seen=false; default: seen items left out, as the server does).")
    boolean keepSeen;

    @Option(names = "--max-len", defaultValue = "200", description = "Most recent items a recommendation sees (the "
            + "server's --max-len). Default: ${DEFAULT-VALUE}.")
    int maxLength;

    @Option(names = "--power", defaultValue = "0.8", description = "Power for the fixed-horizon sizing. "
            + "Default: ${DEFAULT-VALUE}.")
    double power;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of model fits. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--save-models", paramLabel = "DIR", description = "Save the models fitted here (one directory "
            + "per variant), to serve them for 'ab simulate' (default: not saved).")
    Path saveModels;

    @Override
    public Integer call() throws IOException {
        exp.check();
        InvalidParameterException.requireInRange("--max-len", maxLength, 1, 100_000);
        if (!(power > 0 && power < 1)) {
            throw new InvalidParameterException("--power", power, "in (0, 1)");
        }
        var progress = TerminalProgress.stderr(false);
        PrintWriter out = spec.commandLine().getOut();
        SequenceDataset ds = exp.load(progress);
        long cut;
        try {
            cut = AbReplay.cut(ds, exp.holdoutFrom);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("--data", exp.data, "a log with timestamps", e.getMessage());
        }
        SequenceDataset train = AbReplay.before(ds, cut);
        List<AbReplay.Variant> variants = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            for (ExperimentOptions.VariantSpec v : exp.specs()) {
                Path dir = Path.of(v.model());
                Recommender m;
                if (Files.isDirectory(dir)) {
                    ModelDirectory.Loaded l = ModelDirectory.open(dir);
                    open.add(l);
                    m = l.model();
                } else {
                    RecommenderTrainer t;
                    try {
                        t = Trainers.byName(v.model());
                    } catch (InvalidParameterException e) {
                        throw new InvalidParameterException("--variant", v.name() + "=" + v.model(),
                                "a model directory or one of " + Trainers.names());
                    }
                    long t0 = System.nanoTime();
                    m = t.fit(train, FitContext.of(seed));
                    open.add(m);
                    err().printf(Locale.ROOT, "fitted %s on %,d events before the cut in %.1f s%n", v.model(),
                            train.numInteractions(), (System.nanoTime() - t0) / 1e9);
                    if (saveModels != null) {
                        Path to = saveModels.resolve(v.name());
                        ModelDirectory.save(m, to, Provenance.of(train, t, FitContext.of(seed)), ds.catalog());
                        err().println("saved " + to);
                    }
                }
                variants.add(new AbReplay.Variant(v.name(), m));
                models.add(v.model().contains("/") ? Path.of(v.model()).getFileName().toString() : v.model());
            }
            var cfg = new AbReplay.Config(exp.k, !keepSeen, maxLength, exp.windowSeconds * 1000,
                    Set.copyOf(exp.clickActions), Set.copyOf(exp.conversionActions), exp.salt(), exp.shares(),
                    exp.analysis());
            long t0 = System.nanoTime();
            AbReplay.Result r = new AbReplay().run(ds, cut, variants, cfg);
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "replay of %s: %,d events; held out from %s: %,d events over %d days; k=%d, seen "
                            + "items %s, window %d s, salt %s%n", ds.info().name(), ds.numInteractions(),
                    Instant.ofEpochMilli(cut), r.heldOutEvents(), r.days().size(), exp.k,
                    keepSeen ? "kept" : "left out", exp.windowSeconds, exp.saltHex());
            ArmTable.print(out, r.result().arms(), models, r.users());
            out.println("day  exposures  clicks     p-value  decision");
            for (AbReplay.Day d : r.days()) {
                out.printf(Locale.ROOT, "%3d  %,9d  %,6d  %10.3g  %s%n", d.day(), sum(d.exposures()),
                        sum(d.clicks()), d.pValue(), d.decision());
            }
            ArmTable.verdict(out, r.result().verdict());
            out.println(r.decisionDay() > 0 ? "the always-valid test decided after day " + r.decisionDay() + " of "
                    + r.days().size() : "the always-valid test has not decided after " + r.days().size() + " days");
            long exposures = sum(r.result().arms().stream().mapToLong(a -> a.exposures()).toArray());
            long users = sum(r.users());
            int n = variants.size();
            ArmTable.sizing(out, r.result().arms(), exp.alpha, power, (double) exposures / n / r.days().size(),
                    users == 0 ? 0 : (double) exposures / users);
            err().printf(Locale.ROOT, "replayed in %.1f s (%,.0f recommendations/s)%n", secs, exposures / secs);
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing native models only
                }
            }
        }
        return 0;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
