package dev.seqmind.cli.bench;

import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.ItemsetGrouping;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.privacy.NoiseKind;
import dev.seqmind.mining.privacy.PatternShape;
import dev.seqmind.mining.privacy.PrivateMiningParams;
import dev.seqmind.mining.privacy.PrivatePatternMiner;
import dev.seqmind.mining.privacy.PrivateRelease;
import dev.seqmind.mining.privacy.UserRows;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench dp-patterns}: how much of the true top-k sequential patterns a differentially private release
 * recovers, and how far its supports are from the exact ones. Baseline: the exact miner's top-k (same grouping, same
 * maximum length). Reads the exact data and does not charge the privacy ledger: it measures the method, it
 * publishes nothing.
 */
@Command(name = "dp-patterns", mixinStandardHelpOptions = true,
        description = "Private top-k sequential patterns against the exact top-k: recall and mean relative error.")
public final class DpPatternBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Dataset directory.")
    Path dataset;

    @Option(names = "--epsilons", split = ",", defaultValue = "0.5,1,4",
            description = "Epsilons to measure (default: ${DEFAULT-VALUE}).")
    List<Double> epsilons;

    @Option(names = "--delta", defaultValue = "1e-6", description = "Delta (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--noise", defaultValue = "GAUSSIAN", description = "LAPLACE or GAUSSIAN (default: "
            + "${DEFAULT-VALUE}).")
    NoiseKind noise;

    @Option(names = "--top", defaultValue = "100", description = "k (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--max-length", defaultValue = "2", description = "Longest pattern (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--max-contributions", split = ",", defaultValue = "256",
            description = "Contribution bounds to compare (default: ${DEFAULT-VALUE}).")
    List<Integer> bounds;

    @Option(names = "--beam", defaultValue = "64", description = "Beam (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--seeds", defaultValue = "5", description = "Releases per setting, averaged (default: "
            + "${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SequenceDatabase db = SequenceDatabase.of(DatasetStore.open(dataset), ItemsetGrouping.EACH_EVENT);
        long t0 = System.nanoTime();
        CollectingSink sink = new CollectingSink();
        SequentialPatternMiner.mine(db, SequenceMiningParams.of(MinSupport.count(2)).withTopK(top).withConstraints(
                new PatternConstraints(1, maxLength, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, new int[0],
                        new int[0])), sink);
        List<Pattern> exactTop = sink.sortedBySupport();
        if (exactTop.size() > top) {
            exactTop = exactTop.subList(0, top); // ties at the k-th support: keep k
        }
        double exactS = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> truth = new HashMap<>();
        for (Pattern p : exactTop) {
            truth.put(p.key(), p.support());
        }
        out.printf(Locale.ROOT, "%s: %d users; exact top-%d (max length %d) in %.2f s, supports %d..%d%n",
                db.name(), db.numSequences(), top, maxLength, exactS, exactTop.get(0).support(),
                exactTop.get(exactTop.size() - 1).support());
        out.printf("epsilon\tdelta\tnoise\tbound\ttrue_top_released\tmean_rel_error\tnoise_std\tthreshold\tseconds%n");
        UserRows rows = UserRows.of(db);
        for (int bound : bounds) {
            for (double eps : epsilons) {
                double hits = 0;
                double relErr = 0;
                long errN = 0;
                double secs = 0;
                PrivateRelease last = null;
                for (int s = 0; s < seeds; s++) {
                    PrivateMiningParams p = new PrivateMiningParams(new PrivacyCost(eps, delta), noise, maxLength,
                            bound, beam, top, 0, 1000 + s);
                    long t1 = System.nanoTime();
                    PrivateRelease r = PrivatePatternMiner.mine(rows, PatternShape.SEQUENCE, p);
                    secs += (System.nanoTime() - t1) / 1e9;
                    for (Pattern q : r.patterns()) {
                        Long t = truth.get(q.key());
                        if (t != null) {
                            hits++;
                            relErr += Math.abs(q.support() - t) / (double) t;
                            errN++;
                        }
                    }
                    last = r;
                }
                out.printf(Locale.ROOT, "%.3g\t%.1g\t%s\t%d\t%.1f/%d\t%.4f\t%.1f\t%.1f\t%.2f%n", eps, delta,
                        noise.name().toLowerCase(Locale.ROOT), bound, hits / seeds, exactTop.size(),
                        errN == 0 ? Double.NaN : relErr / errN, last.levels().get(0).noiseStd(),
                        last.levels().get(0).threshold(), secs / seeds);
                out.flush();
            }
        }
        return 0;
    }
}
