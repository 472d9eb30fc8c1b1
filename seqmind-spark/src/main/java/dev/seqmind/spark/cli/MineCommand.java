package dev.seqmind.spark.cli;

import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.PatternFormat;
import dev.seqmind.mining.PatternWriter;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.mine.EncodedLog;
import dev.seqmind.spark.mine.MinedPattern;
import dev.seqmind.spark.mine.SparkSequenceMiner;
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
        subcommands = MineCommand.Sequences.class)
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

        @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
        String in;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Patterns TSV to write.")
        Path out;

        @Option(names = {"-s", "--min-support"}, paramLabel = "S", defaultValue = "0.01",
                description = "Minimum support: a fraction of users (0.01) or a count (50). Default: ${DEFAULT-VALUE}.")
        String minSupport;

        @Option(names = "--max-length", paramLabel = "N", defaultValue = "2147483647",
                description = "Longest pattern, in items. Default: no limit.")
        int maxLength;

        @Option(names = "--max-gap", paramLabel = "N", defaultValue = "2147483647",
                description = "Largest gap between consecutive itemsets, in itemsets (1 = adjacent). Default: no limit.")
        int maxGap;

        @Override
        public Integer call() throws IOException {
            SparkSession spark = SparkSessions.start(session.spec("mine sequences"));
            EncodedLog log = EncodedLog.of(SequenceTable.read(spark, in));
            SequenceMiningParams params = SequenceMiningParams.of(MinSupport.parse(minSupport))
                    .withConstraints(PatternConstraints.NONE.withLength(1, maxLength).withMaxGap(maxGap));
            long users = log.sequences().count();
            List<String> names = log.itemNames();
            long n = 0;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
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
            System.out.println(n + " patterns -> " + out);
            return 0;
        }
    }
}
