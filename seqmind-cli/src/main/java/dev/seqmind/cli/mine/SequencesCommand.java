package dev.seqmind.cli.mine;

import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternFormat;
import dev.seqmind.mining.PatternSink;
import dev.seqmind.mining.PatternWriter;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.privacy.PatternShape;
import dev.seqmind.mining.privacy.PrivateRelease;
import dev.seqmind.mining.privacy.UserRows;
import dev.seqmind.mining.sequence.MiningStats;
import dev.seqmind.mining.sequence.OutputKind;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceAlgorithm;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind mine sequences}: frequent sequential patterns (SPMF semantics) with constraints. */
@Command(name = "sequences", mixinStandardHelpOptions = true,
        description = "Frequent sequential patterns: sequences of itemsets contained in at least --min-support "
                + "sequences.")
public final class SequencesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MineInput input;

    @Mixin
    MineOutput out;

    @Mixin
    DpOptions dp;

    @Option(names = "--algorithm", defaultValue = "AUTO", converter = EnumConverters.Algorithm.class,
            description = "AUTO, PREFIXSPAN or SPAM (default: ${DEFAULT-VALUE}).")
    SequenceAlgorithm algorithm;

    @Option(names = "--kind", defaultValue = "ALL", converter = EnumConverters.Kind.class,
            description = "ALL, CLOSED or MAXIMAL (default: ${DEFAULT-VALUE}).")
    OutputKind kind;

    @Option(names = "--top-k", defaultValue = "0", description = "Only the k patterns of highest support (ties "
            + "included); --min-support is then the floor. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--min-length", defaultValue = "1",
            description = "Fewest items in a pattern. Default: ${DEFAULT-VALUE}.")
    int minLength;

    @Option(names = "--max-length", defaultValue = "2147483647",
            description = "Most items in a pattern. Default: no limit.")
    int maxLength;

    @Option(names = "--max-gap", defaultValue = "2147483647",
            description = "Consecutive pattern itemsets at most this many positions apart (1 = adjacent)."
                    + " Default: no limit.")
    int maxGap;

    @Option(names = "--max-gap-time", defaultValue = "9223372036854775807",
            description = "Consecutive pattern itemsets at most this much time apart (dataset time unit)."
                    + " Default: no limit.")
    long maxGapTime;

    @Option(names = "--max-window", defaultValue = "9223372036854775807",
            description = "Whole match within this much time. Default: no limit.")
    long maxWindow;

    @Option(names = "--require", split = ",", description = "Items (external ids) every pattern must contain.")
    List<String> require = new ArrayList<>();

    @Option(names = "--exclude", split = ",", description = "Items (external ids) no pattern may contain.")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
    boolean quiet;

    @Option(names = "--max-patterns", defaultValue = "9223372036854775807",
            description = "Stop with an error after this many patterns. Default: no limit.")
    long maxPatterns;

    @Option(names = "--max-memory-mib", defaultValue = "0", description = "Stop with an error when the heap in use "
            + "exceeds this many MiB (0 = no limit). Default: ${DEFAULT-VALUE}.")
    long maxMemoryMib;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        SequenceDatabase db = input.sequences();
        if (dp.enabled()) {
            return releasePrivately(stdout, db);
        }
        PatternConstraints c = new PatternConstraints(minLength, maxLength, maxGap, maxGapTime, maxWindow,
                MineInput.denseIds(db.itemIds(), require, "--require"),
                MineInput.denseIds(db.itemIds(), exclude, "--exclude"));
        MiningBudget budget = new MiningBudget(maxPatterns, maxMemoryMib > 0 ? maxMemoryMib << 20 : Long.MAX_VALUE);
        SequenceMiningParams params = new SequenceMiningParams(input.minSupport(), algorithm, c, kind, topK, threads,
                budget);
        Writer w = out.open(stdout);
        CollectingSink collected = new CollectingSink();
        PatternSink sink = out.format == MineOutput.Format.HUMAN ? collected
                : new PatternWriter(w, PatternFormat.valueOf(out.format.name()), true, db::label, db.numSequences());
        if (dp.minUsers > 0) {
            sink = MinUsersSink.wrap(sink, dp.minUsers);
        }
        MiningStats stats;
        try {
            stats = SequentialPatternMiner.mine(db, params, sink, TerminalProgress.stderr(quiet));
        } catch (BudgetExceededException e) {
            out.close(w);
            spec.commandLine().getErr().println("seqmind mine sequences: " + e.getMessage());
            return ExitCodes.BUDGET_EXCEEDED;
        }
        if (out.format == MineOutput.Format.HUMAN) {
            printHuman(new PrintWriter(w), db, collected.sortedBySupport(), stats);
        }
        out.close(w);
        return 0;
    }

    private int releasePrivately(PrintWriter stdout, SequenceDatabase db) {
        int len = maxLength == Integer.MAX_VALUE ? 2 : maxLength;
        PrivateRelease r = dp.release(input.dataset, UserRows.of(db), PatternShape.SEQUENCE, len,
                "mine sequences (top " + dp.topK + ", max length " + len + ")", spec.commandLine().getErr());
        long floor = input.minSupport().absolute(db.numSequences());
        List<Pattern> released = r.patterns().stream().filter(p -> p.support() >= floor).toList();
        Writer w = out.open(stdout);
        if (out.format == MineOutput.Format.HUMAN) {
            PrintWriter pw = new PrintWriter(w);
            pw.printf(Locale.ROOT, "%s: %d differentially private sequential patterns (noisy supports) at %s%n",
                    db.name(), released.size(), dev.seqmind.data.privacy.PrivacyLedger.format(r.cost()));
            out.printPatterns(pw, released, p -> {
                StringBuilder sb = new StringBuilder("<");
                for (int[] set : p.itemsets()) {
                    sb.append('(').append(MineOutput.describeAll(db.itemIds(), db.catalog(), set)).append(')');
                }
                return sb.append('>').toString();
            }, db.numSequences());
            pw.flush();
        } else {
            PatternSink sink = new PatternWriter(w, PatternFormat.valueOf(out.format.name()), true, db::label,
                    db.numSequences());
            for (Pattern p : released) {
                sink.accept(p.items(), p.items().length, p.support());
            }
            sink.finish();
        }
        out.close(w);
        return 0;
    }

    private void printHuman(PrintWriter pw, SequenceDatabase db, List<Pattern> patterns, MiningStats stats) {
        pw.printf(Locale.ROOT, "%s: %d sequences, %d frequent items; %d %s patterns at support >= %d (%s) in %.2f s%n",
                db.name(), stats.sequences(), stats.frequentItems(), stats.patterns(),
                kind.name().toLowerCase(Locale.ROOT), stats.minSupport(), stats.algorithm(),
                stats.elapsedNanos() / 1e9);
        out.printPatterns(pw, patterns, p -> {
            StringBuilder sb = new StringBuilder("<");
            for (int[] set : p.itemsets()) {
                sb.append('(').append(MineOutput.describeAll(db.itemIds(), db.catalog(), set)).append(')');
            }
            return sb.append('>').toString();
        }, stats.sequences());
        pw.flush();
    }
}
