package dev.seqmind.mining.sequence;

import dev.seqmind.mining.CountingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@code shared/reference/spmf-pattern-counts.tsv} (pattern counts SPMF 2.66 produced; PrefixSpan and
 * CM-SPAM agree on each) is reproduced exactly, by both searches and with two threads. Skipped when the reference data
 * is absent.
 */
class SpmfReferenceCountsTest {
    private static final Path SHARED = Path.of(System.getProperty("seqmind.root", ".")).resolve("../shared");
    private static final Map<String, SequenceDatabase> CACHE = new HashMap<>();

    static Stream<Arguments> rows() throws IOException {
        Path tsv = SHARED.resolve("reference/spmf-pattern-counts.tsv");
        if (!Files.exists(tsv)) {
            return Stream.of(Arguments.of("absent", 0.0, 0L));
        }
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.startsWith("#") || line.startsWith("dataset")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(Arguments.of(f[0], Double.parseDouble(f[1]), Long.parseLong(f[2])));
        }
        return out.stream();
    }

    private static synchronized SequenceDatabase load(String dataset) {
        return CACHE.computeIfAbsent(dataset,
                d -> SpmfSequenceFile.read(SHARED.resolve("datasets/spmf/" + d + ".txt")));
    }

    @ParameterizedTest(name = "{0} minsup {1} -> {2} patterns")
    @MethodSource("rows")
    void prefixSpanReproducesSpmfCount(String dataset, double minsup, long expected) {
        assertCount(dataset, minsup, expected, SequenceAlgorithm.PREFIXSPAN, 1);
    }

    @ParameterizedTest(name = "{0} minsup {1} -> {2} patterns")
    @MethodSource("rows")
    void spamReproducesSpmfCountWithTwoThreads(String dataset, double minsup, long expected) {
        Assumptions.assumeTrue(Files.exists(SHARED.resolve("datasets/spmf/" + dataset + ".txt")));
        SequenceDatabase db = load(dataset);
        SequenceMiningParams probe = SequenceMiningParams.of(MinSupport.fraction(minsup));
        Assumptions.assumeTrue(SpamBitmaps.fits(RankedDatabase.build(db,
                probe.minSupport().absolute(db.numSequences()), new int[0], false)), "bitmaps too large");
        assertCount(dataset, minsup, expected, SequenceAlgorithm.SPAM, 2);
    }

    private void assertCount(String dataset, double minsup, long expected, SequenceAlgorithm algorithm, int threads) {
        Path file = SHARED.resolve("datasets/spmf/" + dataset + ".txt");
        Assumptions.assumeTrue(Files.exists(file), "reference dataset absent");
        SequenceDatabase db = load(dataset);
        CountingSink sink = new CountingSink();
        MiningStats stats = SequentialPatternMiner.mine(db, SequenceMiningParams.of(MinSupport.fraction(minsup))
                .withAlgorithm(algorithm).withThreads(threads), sink);
        assertThat(sink.count()).as("%s at %s with %s", dataset, minsup, algorithm).isEqualTo(expected);
        assertThat(stats.patterns()).isEqualTo(expected);
    }
}
