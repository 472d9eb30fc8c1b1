package dev.seqmind.cli.privacy;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.RdpAccountant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code seqmind privacy dp-sgd}: the epsilon of DP-SGD with Poisson sampling for a noise multiplier, or the noise
 * multiplier that reaches an epsilon, from the RDP accountant.
 */
@Command(name = "dp-sgd", mixinStandardHelpOptions = true,
        description = "Plan DP-SGD: epsilon for a noise multiplier (--noise), or the noise multiplier for an epsilon "
                + "(--epsilon), with Poisson sampling of rate batch/examples for epochs*examples/batch steps.")
final class DpSgdPlanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--examples", required = true, description = "Training examples (users, for user-level DP).")
    long examples;

    @Option(names = "--batch", required = true, description = "Expected batch size.")
    long batch;

    @Option(names = "--epochs", required = true, description = "Epochs (may be fractional).")
    double epochs;

    @Option(names = "--delta", defaultValue = "1e-6", description = "Delta (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--noise", description = "Noise multiplier (noise std / clip norm).")
    Double noise;

    @Option(names = "--epsilon", description = "Target epsilon.")
    Double epsilon;

    @Option(names = "--conversion", defaultValue = "IMPROVED", description = "RDP to (epsilon, delta): CLASSIC or "
            + "IMPROVED (default: ${DEFAULT-VALUE}).")
    RdpAccountant.Conversion conversion;

    @Override
    public Integer call() {
        if ((noise == null) == (epsilon == null)) {
            throw new InvalidParameterException("--noise/--epsilon", "both or neither", "exactly one of them");
        }
        if (batch <= 0 || batch > examples) {
            throw new InvalidParameterException("--batch", batch, "in [1, --examples]");
        }
        double q = batch / (double) examples;
        long steps = (long) Math.floor(epochs * examples / batch);
        PrintWriter out = spec.commandLine().getOut();
        if (noise != null) {
            out.printf(Locale.ROOT, "q %.6g, %d steps, noise multiplier %.4g: epsilon %.4f at delta %.3g (%s)%n", q,
                    steps, noise, RdpAccountant.epsilon(q, noise, steps, delta, conversion), delta,
                    conversion.name().toLowerCase(Locale.ROOT));
        } else {
            double sigma = RdpAccountant.noiseMultiplierFor(q, steps, epsilon, delta, conversion);
            out.printf(Locale.ROOT, "q %.6g, %d steps: noise multiplier %.4g reaches epsilon %.4f <= %.4g at delta "
                    + "%.3g (%s)%n", q, steps, sigma, RdpAccountant.epsilon(q, sigma, steps, delta, conversion),
                    epsilon, delta, conversion.name().toLowerCase(Locale.ROOT));
        }
        return 0;
    }
}
