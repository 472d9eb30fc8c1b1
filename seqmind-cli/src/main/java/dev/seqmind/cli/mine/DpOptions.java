package dev.seqmind.cli.mine;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.data.privacy.PrivacyLedger;
import dev.seqmind.mining.privacy.NoiseKind;
import dev.seqmind.mining.privacy.PatternShape;
import dev.seqmind.mining.privacy.PrivateMiningParams;
import dev.seqmind.mining.privacy.PrivatePatternMiner;
import dev.seqmind.mining.privacy.PrivateRelease;
import dev.seqmind.mining.privacy.UserRows;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Differential-privacy and minimum-user options shared by the mine commands. With {@code --dp-epsilon} the release
 * is computed by {@link PrivatePatternMiner} and charged to the dataset's {@link PrivacyLedger} first.
 */
public final class DpOptions {
    @Option(names = "--dp-epsilon", description = "Release patterns with (epsilon, delta)-differential privacy at this "
            + "epsilon (user level; charged to the dataset's privacy ledger). Off when not given.")
    Double epsilon;

    @Option(names = "--dp-delta", defaultValue = "1e-6", description = "With --dp-epsilon: delta, spent on choosing "
            + "which patterns found in the data are released (and on Gaussian noise) (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--dp-noise", defaultValue = "GAUSSIAN", converter = EnumConverters.Noise.class, description = "With --dp-epsilon: LAPLACE or GAUSSIAN "
            + "(default: ${DEFAULT-VALUE}).")
    NoiseKind noise;

    @Option(names = "--dp-max-contributions", defaultValue = "256", description = "With --dp-epsilon: contribution "
            + "bound per user and pattern length (default: ${DEFAULT-VALUE}); heavier users are down-weighted.")
    int maxContributions;

    @Option(names = "--dp-beam", defaultValue = "64", description = "With --dp-epsilon: released patterns extended "
            + "per length, and items they are extended with (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--dp-top-k", defaultValue = "100", description = "With --dp-epsilon: release the k patterns "
            + "of highest noisy support (0 = all that pass the noise threshold) (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--dp-seed", defaultValue = "1", description = "With --dp-epsilon: seed of the noise (default: "
            + "${DEFAULT-VALUE}). Reusing a seed on the same data repeats the release exactly; it is still charged.")
    long seed;

    @Option(names = "--min-users", defaultValue = "0", description = "Suppress every released pattern or rule "
            + "supported by fewer than this many distinct users (with --dp-epsilon: noisy support) "
            + "(default: ${DEFAULT-VALUE}).")
    long minUsers;

    boolean enabled() {
        return epsilon != null;
    }

    /**
     * Checks the options, charges the ledger of {@code dataset} and mines. {@code maxLength} comes from the command.
     *
     * @throws dev.seqmind.data.privacy.PrivacyBudgetExceededException before any computation, when over budget
     */
    PrivateRelease release(Path dataset, UserRows rows, PatternShape shape, int maxLength, String what,
                           PrintWriter err) {
        if (dataset == null) {
            throw new InvalidParameterException("--dp-epsilon", epsilon, "used with --dataset",
                    "the privacy ledger lives in the dataset directory");
        }
        if (maxLength > 8) {
            throw new InvalidParameterException("--max-length", maxLength, "at most 8 with --dp-epsilon",
                    "each length is one noisy measurement: 2 or 3 is typical");
        }
        PrivateMiningParams p = new PrivateMiningParams(new PrivacyCost(epsilon, delta), noise, maxLength,
                maxContributions, beam, topK, minUsers, seed);
        PrivacyLedger ledger = PrivacyLedger.of(dataset);
        ledger.charge(what, PrivatePatternMiner.cost(p), noise.name().toLowerCase(Locale.ROOT) + ", max length "
                + maxLength + ", contribution bound " + maxContributions + ", beam " + beam + ", seed " + seed);
        PrivateRelease r = PrivatePatternMiner.mine(rows, shape, p);
        PrivacyCost left = ledger.remaining();
        err.printf(Locale.ROOT, "differential privacy: spent %s; %s left of the dataset budget; %s%n",
                PrivacyLedger.format(r.cost()), PrivacyLedger.format(left), r.mechanism());
        err.flush();
        return r;
    }
}
