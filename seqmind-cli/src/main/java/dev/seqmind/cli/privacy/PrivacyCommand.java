package dev.seqmind.cli.privacy;

import dev.seqmind.data.privacy.LedgerEntry;
import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.data.privacy.PrivacyLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** {@code seqmind privacy budget|ledger}: the privacy budget of a dataset and the releases charged to it. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Show or set a dataset's differential-privacy budget and list the releases charged to it.",
        subcommands = {PrivacyCommand.Budget.class, PrivacyCommand.Ledger.class})
public final class PrivacyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code seqmind privacy budget}. */
    @Command(name = "budget", mixinStandardHelpOptions = true,
            description = "Print the budget, spent and remaining (epsilon, delta); with --epsilon/--delta set it.")
    static final class Budget implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, description = "Dataset directory.")
        Path dataset;

        @Option(names = "--epsilon", description = "New total epsilon (never below what is already spent).")
        Double epsilon;

        @Option(names = "--delta", description = "New total delta (default when setting: the current one).")
        Double delta;

        @Override
        public void run() {
            PrivacyLedger ledger = PrivacyLedger.of(dataset);
            if (epsilon != null || delta != null) {
                PrivacyCost b = ledger.budget();
                ledger.setBudget(new PrivacyCost(epsilon == null ? b.epsilon() : epsilon,
                        delta == null ? b.delta() : delta));
                dev.seqmind.cli.audit.AuditLogs.record(dataset, "admin", "privacy budget set to "
                        + PrivacyLedger.format(ledger.budget()));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("budget    %s%nspent     %s%nremaining %s%n", PrivacyLedger.format(ledger.budget()),
                    PrivacyLedger.format(ledger.spent()), PrivacyLedger.format(ledger.remaining()));
        }
    }

    /** {@code seqmind privacy ledger}. */
    @Command(name = "ledger", mixinStandardHelpOptions = true, description = "List every release charged.")
    static final class Ledger implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, description = "Dataset directory.")
        Path dataset;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("time\tepsilon\tdelta\twho\twhat\tmechanism");
            for (LedgerEntry e : PrivacyLedger.of(dataset).entries()) {
                out.printf(Locale.ROOT, "%s\t%.4g\t%.3g\t%s\t%s\t%s%n", e.time(), e.cost().epsilon(),
                        e.cost().delta(), e.who(), e.what(), e.mechanism());
            }
        }
    }
}
