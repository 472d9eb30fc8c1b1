package dev.seqmind.cli.mine;

import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.rules.NextItemRuleMiner;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRuleMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.seqmind.mining.privacy.PatternShape;
import dev.seqmind.mining.privacy.PrivateRelease;
import dev.seqmind.mining.privacy.ReleasedRules;
import dev.seqmind.mining.privacy.UserRows;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind mine rules}: sequential rules X => Y, or prefix-to-next-item rules with {@code --next-item}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Sequential rules X => Y (all of X before all of Y in a sequence), or with --next-item the rules "
                + "'these consecutive items are immediately followed by that one'.")
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MineInput input;

    @Mixin
    MineOutput out;

    @Mixin
    DpOptions dp;

    @Option(names = "--min-confidence", defaultValue = "0.5", description = "Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--max-antecedent", defaultValue = "2", description = "Most items left of the arrow "
            + "(default: ${DEFAULT-VALUE}).")
    int maxAntecedent;

    @Option(names = "--max-consequent", defaultValue = "1", description = "Most items right of the arrow "
            + "(default: ${DEFAULT-VALUE}).")
    int maxConsequent;

    @Option(names = "--next-item", description = "Prefix-to-next-item rules instead of X => Y.")
    boolean nextItem;

    @Option(names = "--max-prefix", defaultValue = "2", description = "With --next-item: longest prefix "
            + "(default: ${DEFAULT-VALUE}).")
    int maxPrefix;

    @Option(names = "--sort", defaultValue = "CONFIDENCE", converter = EnumConverters.Sort.class,
            description = "CONFIDENCE, LIFT or SUPPORT (default: ${DEFAULT-VALUE}).")
    RuleRow.SortKey sort;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-rules", defaultValue = "9223372036854775807",
            description = "Stop with an error after this many rules. Default: no limit.")
    long maxRules;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        SequenceDatabase db = input.sequences();
        List<RuleRow> rows = new ArrayList<>();
        if (dp.enabled()) {
            return releasePrivately(stdout, db, t0);
        }
        try {
            if (nextItem) {
                NextItemRuleMiner.mine(db, input.minSupport(), minConfidence, maxPrefix, r -> rows.add(
                        new RuleRow(r.prefix(), "->", new int[] {r.next()}, r.support(), r.confidence(), r.lift(),
                                Double.NaN)));
            } else {
                RuleParams params = new RuleParams(input.minSupport(), minConfidence, maxAntecedent, maxConsequent,
                        threads, MiningBudget.UNLIMITED.withMaxPatterns(maxRules));
                SequentialRuleMiner.mine(db, params, r -> rows.add(new RuleRow(r.antecedent(), "=>", r.consequent(),
                        r.support(), r.confidence(), r.lift(), Double.NaN)));
            }
        } catch (BudgetExceededException e) {
            spec.commandLine().getErr().println("seqmind mine rules: " + e.getMessage());
            return ExitCodes.BUDGET_EXCEEDED;
        }
        rows.removeIf(r -> r.support() < dp.minUsers);
        rows.sort(RuleRow.order(sort));
        Writer w = out.open(stdout);
        PrintWriter pw = new PrintWriter(w);
        if (out.format == MineOutput.Format.HUMAN) {
            pw.printf(Locale.ROOT, "%s: %d sequences; %d %s rules at support >= %d, confidence >= %.2f in %.2f s%n",
                    db.name(), db.numSequences(), rows.size(), nextItem ? "next-item" : "sequential",
                    input.minSupport().absolute(db.numSequences()), minConfidence, (System.nanoTime() - t0) / 1e9);
        }
        RuleRow.print(pw, rows, out, db.itemIds(), db.catalog(), db.numSequences());
        out.close(w);
        return 0;
    }

    private int releasePrivately(PrintWriter stdout, SequenceDatabase db, long t0) {
        int len = Math.max(2, (nextItem ? maxPrefix : maxAntecedent) + 1);
        PrivateRelease r = dp.release(input.dataset, UserRows.of(db), PatternShape.SEQUENCE, len,
                "mine rules (from top " + dp.topK + " sequences, max length " + len + ")",
                spec.commandLine().getErr());
        long floor = input.minSupport().absolute(db.numSequences());
        List<RuleRow> rows = new ArrayList<>();
        for (ReleasedRules.Rule x : ReleasedRules.of(r, PatternShape.SEQUENCE, db.numSequences(), minConfidence)) {
            if (x.support() >= floor) {
                rows.add(new RuleRow(x.antecedent(), "->", new int[] {x.consequent()}, x.support(), x.confidence(),
                        x.lift(), Double.NaN));
            }
        }
        rows.sort(RuleRow.order(sort));
        Writer w = out.open(stdout);
        PrintWriter pw = new PrintWriter(w);
        if (out.format == MineOutput.Format.HUMAN) {
            pw.printf(Locale.ROOT, "%s: %d differentially private sequential rules (noisy supports; the antecedent "
                    + "in order, then the consequent) at %s in %.2f s%n", db.name(), rows.size(),
                    dev.seqmind.data.privacy.PrivacyLedger.format(r.cost()), (System.nanoTime() - t0) / 1e9);
        }
        RuleRow.print(pw, rows, out, db.itemIds(), db.catalog(), db.numSequences());
        out.close(w);
        return 0;
    }
}
