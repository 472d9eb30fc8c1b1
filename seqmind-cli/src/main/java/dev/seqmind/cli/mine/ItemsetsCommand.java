package dev.seqmind.cli.mine;

import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.PatternFormat;
import dev.seqmind.mining.PatternWriter;
import dev.seqmind.mining.itemset.AssociationRuleMiner;
import dev.seqmind.mining.itemset.FpGrowthMiner;
import dev.seqmind.mining.itemset.ItemsetParams;
import dev.seqmind.mining.itemset.TransactionDatabase;
import dev.seqmind.mining.sequence.OutputKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternSink;
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

/** {@code seqmind mine itemsets}: frequent itemsets by FP-Growth, optionally association rules. */
@Command(name = "itemsets", mixinStandardHelpOptions = true,
        description = "Frequent itemsets (FP-Growth) over transactions: SPMF itemset lines, an SPMF sequence file "
                + "(each sequence as a set) or a dataset (each user's items as a set); --rules adds association rules.")
public final class ItemsetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MineInput input;

    @Mixin
    MineOutput out;

    @Mixin
    DpOptions dp;

    @Option(names = "--kind", defaultValue = "ALL", converter = EnumConverters.Kind.class,
            description = "ALL, CLOSED or MAXIMAL (default: ${DEFAULT-VALUE}).")
    OutputKind kind;

    @Option(names = "--max-length", defaultValue = "2147483647", description = "Largest itemset. Default: no limit.")
    int maxLength;

    @Option(names = "--rules", description = "Print association rules instead of itemsets.")
    boolean rules;

    @Option(names = "--min-confidence", defaultValue = "0.5", description = "With --rules (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--sort", defaultValue = "CONFIDENCE", converter = EnumConverters.Sort.class,
            description = "With --rules: CONFIDENCE, LIFT or SUPPORT. Default: ${DEFAULT-VALUE}.")
    RuleRow.SortKey sort;

    @Option(names = "--max-patterns", defaultValue = "9223372036854775807",
            description = "Stop with an error after this many itemsets. Default: no limit.")
    long maxPatterns;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        TransactionDatabase db = input.transactions();
        if (dp.enabled()) {
            return releasePrivately(stdout, db);
        }
        ItemsetParams params = new ItemsetParams(input.minSupport(), rules ? OutputKind.ALL : kind, maxLength,
                MiningBudget.UNLIMITED.withMaxPatterns(maxPatterns));
        Writer w = out.open(stdout);
        PrintWriter pw = new PrintWriter(w);
        CollectingSink collected = new CollectingSink();
        boolean stream = !rules && out.format != MineOutput.Format.HUMAN;
        long n;
        try {
            PatternSink sink = stream ? new PatternWriter(w, PatternFormat.valueOf(out.format.name()), false,
                    db::label, db.numTransactions()) : collected;
            n = FpGrowthMiner.mine(db, params, dp.minUsers > 0 && !rules ? MinUsersSink.wrap(sink, dp.minUsers) : sink);
        } catch (BudgetExceededException e) {
            out.close(w);
            spec.commandLine().getErr().println("seqmind mine itemsets: " + e.getMessage());
            return ExitCodes.BUDGET_EXCEEDED;
        }
        long minSup = input.minSupport().absolute(db.numTransactions());
        if (rules) {
            List<RuleRow> rows = new ArrayList<>();
            AssociationRuleMiner.mine(collected.patterns(), db.numTransactions(), minConfidence, r -> {
                if (r.support() >= dp.minUsers) {
                    rows.add(new RuleRow(r.antecedent(), "=>", r.consequent(), r.support(), r.confidence(), r.lift(),
                            r.leverage()));
                }
            });
            rows.sort(RuleRow.order(sort));
            if (out.format == MineOutput.Format.HUMAN) {
                pw.printf(Locale.ROOT, "%d transactions; %d itemsets at support >= %d; %d association rules at "
                        + "confidence >= %.2f in %.2f s%n", db.numTransactions(), n, minSup, rows.size(),
                        minConfidence, (System.nanoTime() - t0) / 1e9);
            }
            RuleRow.print(pw, rows, out, db.itemIds(), db.catalog(), db.numTransactions());
        } else if (!stream) {
            if (dp.minUsers > 0) {
                n = collected.size();
            }
            pw.printf(Locale.ROOT, "%d transactions; %d %s itemsets at support >= %d in %.2f s%n",
                    db.numTransactions(), n, kind.name().toLowerCase(Locale.ROOT), minSup,
                    (System.nanoTime() - t0) / 1e9);
            out.printPatterns(pw, collected.sortedBySupport(),
                    p -> "{" + MineOutput.describeAll(db.itemIds(), db.catalog(), p.items()) + "}",
                    db.numTransactions());
        }
        pw.flush();
        out.close(w);
        return 0;
    }

    private int releasePrivately(PrintWriter stdout, TransactionDatabase db) {
        int len = maxLength == Integer.MAX_VALUE ? 2 : maxLength;
        PrivateRelease r = dp.release(input.dataset, UserRows.of(db), PatternShape.SET, len,
                "mine itemsets (top " + dp.topK + ", max length " + len + (rules ? ", rules" : "") + ")",
                spec.commandLine().getErr());
        long floor = input.minSupport().absolute(db.numTransactions());
        Writer w = out.open(stdout);
        PrintWriter pw = new PrintWriter(w);
        if (rules) {
            List<RuleRow> rows = new ArrayList<>();
            for (ReleasedRules.Rule x : ReleasedRules.of(r, PatternShape.SET, db.numTransactions(), minConfidence)) {
                if (x.support() >= floor) {
                    rows.add(new RuleRow(x.antecedent(), "=>", new int[] {x.consequent()}, x.support(),
                            x.confidence(), x.lift(), Double.NaN));
                }
            }
            rows.sort(RuleRow.order(sort));
            if (out.format == MineOutput.Format.HUMAN) {
                pw.printf(Locale.ROOT, "%d differentially private association rules (noisy supports) at %s%n",
                        rows.size(), dev.seqmind.data.privacy.PrivacyLedger.format(r.cost()));
            }
            RuleRow.print(pw, rows, out, db.itemIds(), db.catalog(), db.numTransactions());
        } else {
            List<Pattern> released = r.patterns().stream().filter(p -> p.support() >= floor).toList();
            if (out.format == MineOutput.Format.HUMAN) {
                pw.printf(Locale.ROOT, "%d differentially private itemsets (noisy supports) at %s%n",
                        released.size(), dev.seqmind.data.privacy.PrivacyLedger.format(r.cost()));
                out.printPatterns(pw, released,
                        p -> "{" + MineOutput.describeAll(db.itemIds(), db.catalog(), p.items()) + "}",
                        db.numTransactions());
            } else {
                PatternSink sink = new PatternWriter(w, PatternFormat.valueOf(out.format.name()), false, db::label,
                        db.numTransactions());
                for (Pattern p : released) {
                    sink.accept(p.items(), p.items().length, p.support());
                }
                sink.finish();
            }
        }
        pw.flush();
        out.close(w);
        return 0;
    }
}
