package dev.seqmind.cli.insight;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.audience.WelcomeFlowFinder;
import dev.seqmind.insight.audience.WelcomeFlows;
import dev.seqmind.insight.segment.Share;
import dev.seqmind.rec.store.ModelDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind insight welcome}: what new users do first, and what to show one. */
@Command(name = "welcome", mixinStandardHelpOptions = true,
        description = "Welcome flows: the most common first steps, the first items that lead on, and a model's first "
                + "recommendations for an empty history.")
public final class WelcomeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--model", description = "A saved model to ask for first recommendations.")
    Path model;

    @Option(names = "--steps", defaultValue = "3", description = "Length of the openings counted (default: "
            + "${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "-k", defaultValue = "10", description = "Entries per list (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--lead-on", defaultValue = "5", description = "Steps a user must take to count as having gone "
            + "on (default: ${DEFAULT-VALUE}).")
    int leadOn;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        InvalidParameterException.requireInRange("--steps", steps, 1, 100);
        InvalidParameterException.requireInRange("-k", k, 1, 10_000);
        InvalidParameterException.requireInRange("--lead-on", leadOn, 1, 1_000_000);
        SequenceDataset data = dataOptions.load(quiet);
        WelcomeFlows w = new WelcomeFlowFinder(steps, k, leadOn).find(data,
                model == null ? null : ModelDirectory.load(model));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("most common openings (%d steps):%n", w.steps());
        for (WelcomeFlows.Opening o : w.firstSequences()) {
            out.printf(Locale.ROOT, "  %6d  %5.1f%%  %s%n", o.users(), 100 * o.share(), String.join(" > ", o.labels()));
        }
        out.printf("most common first items (went on = at least %d steps):%n", w.leadOnSteps());
        for (WelcomeFlows.FirstItem f : w.firstItems()) {
            out.printf(Locale.ROOT, "  %6d  went on %5.1f%%  bought %s  %s%n", f.users(), 100 * f.wentOn(),
                    Double.isNaN(f.bought()) ? "  -  " : String.format(Locale.ROOT, "%5.1f%%", 100 * f.bought()),
                    f.label());
        }
        if (!w.modelFirst().isEmpty()) {
            out.println("first recommendations of " + w.model() + " for an empty history:");
            int rank = 1;
            for (Share s : w.modelFirst()) {
                out.printf(Locale.ROOT, "  %2d. %-12s %s%n", rank++, s.id(), s.label());
            }
        }
        out.flush();
        return 0;
    }
}
