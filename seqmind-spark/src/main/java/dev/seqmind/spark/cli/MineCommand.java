package dev.seqmind.spark.cli;

import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.PatternFormat;
import dev.seqmind.mining.PatternWriter;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.itemset.AssociationRule;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.itemset.ItemsetParams;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRule;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.mine.EncodedLog;
import dev.seqmind.spark.mine.MinedPattern;
import dev.seqmind.spark.mine.SparkSequenceMiner;
import dev.seqmind.spark.mine.SparkItemsetMiner;
import dev.seqmind.spark.mine.SparkRuleMiner;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seqmind-spark mine sequences}: frequent sequential patterns of an ingested log, on the cluster. */
@Command(name = "mine", mixinStandardHelpOptions = true, description = "Mine patterns on the cluster.",
        subcommands = {MineCommand.Sequences.class, MineCommand.Rules.class, MineCommand.Itemsets.class})
public final class MineCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code mine sequences}. */
    @Command(name = "sequences", mixinStandardHelpOptions = true,
            description = "Frequent sequential patterns (events of equal time form an itemset), the same patterns and"
                    + " supports as `seqmind mine sequences`, written as its TSV.")
    static final class Sequences implements Callable<Integer> {
        @Mixin
        SessionOptions session;

        @Mixin
        MineOptions mine;

        @Option(names = "--max-gap", paramLabel = "N", defaultValue = "2147483647",
                description = "Largest gap between consecutive itemsets, in itemsets (1 = adjacent). Default: no limit.")
        int maxGap;

        @Override
        public Integer call() throws IOException {
            SparkSession spark = SparkSessions.start(session.spec("mine sequences"));
            EncodedLog log = EncodedLog.of(SequenceTable.read(spark, mine.in));
            SequenceMiningParams params = SequenceMiningParams.of(MinSupport.parse(mine.minSupport))
                    .withConstraints(PatternConstraints.NONE.withLength(1, mine.maxLength).withMaxGap(maxGap));
            long users = log.sequences().count();
            List<String> names = log.itemNames();
            long n = 0;
            try (Writer w = Files.newBufferedWriter(mine.out, StandardCharsets.UTF_8)) {
                PatternWriter writer = new PatternWriter(w, PatternFormat.TSV, true, names::get, users);
                Iterator<MinedPattern> it = SparkSequenceMiner.mine(log.sequences(), names.size(), params,
                        session.partitions).toLocalIterator();
                while (it.hasNext()) {
                    MinedPattern p = it.next();
                    writer.accept(p.items(), p.items().length, p.support());
                    n++;
                }
                writer.finish();
            }
            System.out.println(n + " patterns -> " + mine.out);
            return 0;
        }
    }

    /** {@code mine rules}. */
    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "Sequential rules X => Y (all of X before all of Y in a user's sequence; events of equal"
                    + " time form an itemset), the same rules, supports, confidences and lifts as `seqmind mine"
                    + " rules`, written as its TSV (best confidence first, then support).")
    static final class Rules implements Callable<Integer> {
        @Mixin
        SessionOptions session;

        @Mixin
        MineOptions mine;

        @Option(names = "--min-confidence", defaultValue = "0.5", description = "Default: ${DEFAULT-VALUE}.")
        double minConfidence;

        @Option(names = "--max-antecedent", defaultValue = "2",
                description = "Most items left of the arrow. Default: ${DEFAULT-VALUE}.")
        int maxAntecedent;

        @Option(names = "--max-consequent", defaultValue = "1",
                description = "Most items right of the arrow. Default: ${DEFAULT-VALUE}.")
        int maxConsequent;

        @Option(names = "--max-rules", defaultValue = "9223372036854775807",
                description = "Stop with an error after this many rules. Default: no limit.")
        long maxRules;

        @Override
        public Integer call() throws IOException {
            RuleParams params = new RuleParams(MinSupport.parse(mine.minSupport), minConfidence, maxAntecedent,
                    maxConsequent, 1, MiningBudget.UNLIMITED.withMaxPatterns(maxRules));
            SparkSession spark = SparkSessions.start(session.spec("mine rules"));
            EncodedLog log = EncodedLog.of(SequenceTable.read(spark, mine.in));
            List<String> names = log.itemNames();
            SparkRuleMiner.Result r = SparkRuleMiner.mine(log.sequences(), names.size(), params, session.partitions);
            List<SequentialRule> rules = new java.util.ArrayList<>(r.rules());
            rules.sort(java.util.Comparator.comparingDouble(SequentialRule::confidence).reversed()
                    .thenComparing(java.util.Comparator.comparingLong(SequentialRule::support).reversed())
                    .thenComparing(x -> Itemsets.names(x.antecedent(), names) + " => "
                            + Itemsets.names(x.consequent(), names)));
            try (Writer w = Files.newBufferedWriter(mine.out, StandardCharsets.UTF_8)) {
                w.write("antecedent\tconsequent\tsupport\trelative_support\tconfidence\tlift\tleverage\n");
                for (SequentialRule x : rules) {
                    w.write(String.format(java.util.Locale.ROOT, "%s\t%s\t%d\t%.6f\t%.6f\t%.6f\t%n",
                            Itemsets.names(x.antecedent(), names), Itemsets.names(x.consequent(), names),
                            x.support(), x.support() / (double) r.sequences(), x.confidence(), x.lift()));
                }
            }
            System.out.println(rules.size() + " sequential rules at support >= " + r.minSupport()
                    + ", confidence >= " + minConfidence + " of " + r.sequences() + " users -> " + mine.out);
            return 0;
        }
    }

    /** {@code mine itemsets}. */
    @Command(name = "itemsets", mixinStandardHelpOptions = true,
            description = "Frequent itemsets (each user's set of items is one transaction) by parallel FP-Growth, the"
                    + " same itemsets and supports as `seqmind mine itemsets`, written as its TSV; --rules adds the"
                    + " association rules.")
    static final class Itemsets implements Callable<Integer> {
        @Mixin
        SessionOptions session;

        @Mixin
        MineOptions mine;

        @Option(names = "--rules", paramLabel = "FILE",
                description = "Also write the association rules (antecedent, consequent, support, confidence, lift,"
                        + " leverage) as TSV here. Default: none.")
        Path rules;

        @Option(names = "--min-confidence", defaultValue = "0.5",
                description = "With --rules. Default: ${DEFAULT-VALUE}.")
        double minConfidence;

        @Override
        public Integer call() throws IOException {
            ItemsetParams params = ItemsetParams.of(MinSupport.parse(mine.minSupport)).withMaxLength(mine.maxLength);
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new dev.seqmind.data.error.InvalidParameterException("--min-confidence", minConfidence,
                        "in [0, 1]");
            }
            SparkSession spark = SparkSessions.start(session.spec("mine itemsets"));
            SparkItemsetMiner.Result r = SparkItemsetMiner.mine(SequenceTable.read(spark, mine.in), params,
                    session.partitions);
            try (Writer w = Files.newBufferedWriter(mine.out, StandardCharsets.UTF_8)) {
                PatternWriter writer = new PatternWriter(w, PatternFormat.TSV, false, r.items()::get,
                        r.transactions());
                for (Pattern p : r.itemsets()) {
                    writer.accept(p.items(), p.items().length, p.support());
                }
                writer.finish();
            }
            System.out.println(r.itemsets().size() + " itemsets at support >= " + r.minSupport() + " of "
                    + r.transactions() + " users -> " + mine.out);
            if (rules != null) {
                List<AssociationRule> found = r.rules(minConfidence);
                try (Writer w = Files.newBufferedWriter(rules, StandardCharsets.UTF_8)) {
                    w.write("antecedent\tconsequent\tsupport\tconfidence\tlift\tleverage\n");
                    for (AssociationRule a : found) {
                        w.write(String.format(java.util.Locale.ROOT, "%s\t%s\t%d\t%.6f\t%.6f\t%.6f%n",
                                names(a.antecedent(), r.items()), names(a.consequent(), r.items()), a.support(),
                                a.confidence(), a.lift(), a.leverage()));
                    }
                }
                System.out.println(found.size() + " rules at confidence >= " + minConfidence + " -> " + rules);
            }
            return 0;
        }

        static String names(int[] items, List<String> names) {
            StringBuilder sb = new StringBuilder();
            for (int i : items) {
                sb.append(sb.isEmpty() ? "" : " ").append(names.get(i));
            }
            return sb.toString();
        }
    }
}
