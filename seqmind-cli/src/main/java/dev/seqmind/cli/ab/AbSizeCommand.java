package dev.seqmind.cli.ab;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.abtest.SampleSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind ab size}: the fixed-horizon sample size of a two-proportion test. */
@Command(name = "size", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Exposures per variant a fixed-horizon two-sided test needs to detect a relative lift of a "
                + "rate (CTR, conversion). Look at such a test once, at the end; the server's always-valid test "
                + "may be looked at any time instead.")
public final class AbSizeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", required = true, description = "The control's rate, e.g. 0.05 for 5%% CTR.")
    double baseline;

    @Option(names = "--lift", required = true, description = "Relative change to detect, e.g. 0.1 for +10%%.")
    double lift;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Two-sided false-positive rate. "
            + "Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--power", defaultValue = "0.8", description = "Chance to detect the lift when it is real. "
            + "Default: ${DEFAULT-VALUE}.")
    double power;

    @Option(names = "--variants", defaultValue = "2", description = "Variants sharing the traffic equally. "
            + "Default: ${DEFAULT-VALUE}.")
    int variants;

    @Option(names = "--daily-exposures", defaultValue = "0", description = "Recommendations served a day in "
            + "total, to print the days needed; 0 = not printed. Default: ${DEFAULT-VALUE}.")
    long daily;

    @Override
    public Integer call() {
        SampleSize s;
        try {
            s = new SampleSize(baseline, lift, alpha, power);
        } catch (IllegalArgumentException e) {
            String opt = e.getMessage().startsWith("baseline") ? "--baseline" : e.getMessage().startsWith("lift")
                    ? "--lift" : e.getMessage().startsWith("alpha") ? "--alpha" : "--power";
            throw new InvalidParameterException(opt, opt.equals("--baseline") ? baseline : opt.equals("--lift") ? lift
                    : opt.equals("--alpha") ? alpha : power, e.getMessage());
        }
        InvalidParameterException.requireInRange("--variants", variants, 2, 100);
        long n = s.perArm();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "baseline %.4g -> %.4g (lift %+.1f%%), alpha %.3g two-sided, power %.3g%n", baseline,
                s.treatment(), 100 * lift, alpha, power);
        out.printf(Locale.ROOT, "exposures per variant: %,d%ntotal (%d variants): %,d%n", n, variants, n * variants);
        if (daily > 0) {
            out.printf(Locale.ROOT, "days at %,d exposures a day: %.1f%n", daily, (double) n * variants / daily);
        }
        return 0;
    }
}
