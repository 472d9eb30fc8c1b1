package dev.seqmind.spark.mine;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import dev.seqmind.spark.LocalSpark;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark miner against the single-machine miner: the same patterns with the same supports, on the rows of
 * {@code shared/reference/spmf-pattern-counts.tsv} (SPMF's counts) that run in seconds, and on random itemset
 * databases under gap, window and length constraints.
 */
@ExtendWith(LocalSpark.class)
class SparkSequenceMinerTest {
    private static final Path SHARED = Path.of(System.getProperty("seqmind.root", ".")).resolve("../shared");
    /** Rows with at most this many patterns run in a few seconds each on local[2]; the bench runs the rest. */
    private static final long FAST_ROW_PATTERNS = 2000;

    @Test
    void spmfReferenceRowsGiveTheSingleMachinePatternsAndSupports(SparkSession spark) throws IOException {
        Path tsv = SHARED.resolve("reference/spmf-pattern-counts.tsv");
        Assumptions.assumeTrue(Files.exists(tsv), "reference data absent");
        int rows = 0;
        for (String line : Files.readAllLines(tsv)) {
            if (line.startsWith("#") || line.startsWith("dataset")) {
                continue;
            }
            String[] f = line.split("\t");
            long expected = Long.parseLong(f[2]);
            if (expected > FAST_ROW_PATTERNS) {
                continue;
            }
            SequenceDatabase db = SpmfSequenceFile.read(SHARED.resolve("datasets/spmf/" + f[0] + ".txt"));
            SequenceMiningParams params = SequenceMiningParams.of(MinSupport.fraction(Double.parseDouble(f[1])));
            assertThat(onSpark(spark, db, params, 4)).as("%s at %s", f[0], f[1]).hasSize((int) expected).isEqualTo(single(db, params));
            rows++;
        }
        assertThat(rows).isGreaterThanOrEqualTo(8);
    }

    @Test
    void randomItemsetDatabasesUnderConstraintsGiveTheSingleMachinePatterns(SparkSession spark) {
        SplittableRandom rnd = new SplittableRandom(11);
        PatternConstraints[] constraints = {
                PatternConstraints.NONE,
                PatternConstraints.NONE.withMaxGap(1),
                PatternConstraints.NONE.withMaxWindow(4).withLength(2, 3),
                PatternConstraints.NONE.withExcluded(0),
        };
        for (int round = 0; round < constraints.length; round++) {
            SequenceDatabase db = randomDatabase(rnd, 300, 12);
            SequenceMiningParams params = SequenceMiningParams.of(MinSupport.count(12))
                    .withConstraints(constraints[round]);
            Map<String, Long> expected = single(db, params);
            assertThat(expected).as("round %d finds patterns", round).isNotEmpty();
            assertThat(onSpark(spark, db, params, 3)).as("%s", constraints[round]).isEqualTo(expected);
        }
    }

    private static Map<String, Long> onSpark(SparkSession spark, SequenceDatabase db, SequenceMiningParams params,
                                             int partitions) {
        JavaRDD<EncodedSequence> seqs = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(EncodedSequence.of(db), 2);
        Map<String, Long> out = new TreeMap<>();
        for (MinedPattern p : SparkSequenceMiner.mine(seqs, db.numItems(), params, partitions).collect()) {
            assertThat(out.put(Arrays.toString(p.items()), p.support())).as("found twice: %s", p).isNull();
        }
        return out;
    }

    private static Map<String, Long> single(SequenceDatabase db, SequenceMiningParams params) {
        CollectingSink sink = new CollectingSink();
        SequentialPatternMiner.mine(db, params, sink);
        Map<String, Long> out = new TreeMap<>();
        for (Pattern p : sink.patterns()) {
            out.put(Arrays.toString(p.items()), p.support());
        }
        return out;
    }

    /** Sequences of 1-8 itemsets of 1-3 items over a skewed alphabet, times with gaps. */
    static SequenceDatabase randomDatabase(SplittableRandom rnd, int sequences, int alphabet) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        List<int[]> elements = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            int sets = 1 + rnd.nextInt(8);
            long time = 0;
            for (int k = 0; k < sets; k++) {
                time += 1 + rnd.nextInt(3);
                int size = 1 + rnd.nextInt(3);
                java.util.TreeSet<Integer> items = new java.util.TreeSet<>();
                for (int j = 0; j < size; j++) {
                    items.add((int) Math.sqrt(rnd.nextInt(alphabet * alphabet)));
                }
                for (int item : items) {
                    elements.add(new int[] {item, k, (int) time});
                }
            }
            starts.add(elements.size());
        }
        int[] st = starts.stream().mapToInt(Integer::intValue).toArray();
        int[] items = elements.stream().mapToInt(e -> e[0]).toArray();
        int[] sets = elements.stream().mapToInt(e -> e[1]).toArray();
        long[] times = elements.stream().mapToLong(e -> e[2]).toArray();
        return new SequenceDatabase("random", st, items, sets, times, IdMap.sequential(alphabet, 0),
                new ItemCatalog(Map.of()));
    }
}
