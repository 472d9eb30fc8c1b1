package dev.seqmind.spark.mine;

import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRule;
import dev.seqmind.mining.rules.SequentialRuleMiner;
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
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequential rules on Spark against {@link SequentialRuleMiner#mine}: the same rules with the same support, confidence
 * and lift (compared bit for bit), on random itemset databases with several rule sizes, confidences and partition
 * counts, and on the SPMF datasets of {@code shared/reference/spmf-pattern-counts.tsv} (that file counts patterns, not
 * rules, so the single-machine miner is the oracle there; its rules are checked against brute force in
 * seqmind-mining).
 */
@ExtendWith(LocalSpark.class)
class SparkRuleMinerTest {
    private static final Path SHARED = Path.of(System.getProperty("seqmind.root", ".")).resolve("../shared");

    @Test
    void randomItemsetDatabasesGiveTheSingleMachineRules(SparkSession spark) {
        SplittableRandom rnd = new SplittableRandom(5);
        RuleParams[] params = {
                RuleParams.of(MinSupport.count(10), 0.0).withSizes(1, 1),
                RuleParams.of(MinSupport.count(8), 0.3).withSizes(2, 2),
                RuleParams.of(MinSupport.fraction(0.03), 0.5).withSizes(3, 2),
                RuleParams.of(MinSupport.count(15), 0.1),
        };
        int[] partitions = {1, 3, 7, 4};
        for (int round = 0; round < params.length; round++) {
            SequenceDatabase db = SparkSequenceMinerTest.randomDatabase(rnd, 300, 12);
            Map<String, SequentialRule> expected = single(db, params[round]);
            assertThat(expected).as("round %d finds rules", round).hasSizeGreaterThan(20);
            assertEqual(onSpark(spark, db, params[round], partitions[round]), expected, "round " + round);
        }
    }

    @Test
    void spmfReferenceDatasetsGiveTheSingleMachineRules(SparkSession spark) throws IOException {
        Path tsv = SHARED.resolve("reference/spmf-pattern-counts.tsv");
        Assumptions.assumeTrue(Files.exists(tsv), "reference data absent");
        Map<String, Double> highestSupport = new TreeMap<>();
        for (String line : Files.readAllLines(tsv)) {
            if (!line.startsWith("#") && !line.startsWith("dataset")) {
                String[] f = line.split("\t");
                highestSupport.merge(f[0], Double.parseDouble(f[1]), Math::max);
            }
        }
        int datasets = 0;
        for (Map.Entry<String, Double> e : highestSupport.entrySet()) {
            SequenceDatabase db = SpmfSequenceFile.read(SHARED.resolve("datasets/spmf/" + e.getKey() + ".txt"));
            RuleParams params = RuleParams.of(MinSupport.fraction(e.getValue()), 0.3).withSizes(2, 2);
            Map<String, SequentialRule> expected = single(db, params);
            assertEqual(onSpark(spark, db, params, 4), expected, e.getKey() + " at " + e.getValue());
            datasets++;
        }
        assertThat(datasets).isGreaterThanOrEqualTo(7);
    }

    private static void assertEqual(Map<String, SequentialRule> found, Map<String, SequentialRule> expected,
                                    String what) {
        assertThat(found.keySet()).as(what).isEqualTo(expected.keySet());
        for (Map.Entry<String, SequentialRule> e : expected.entrySet()) {
            SequentialRule f = found.get(e.getKey());
            assertThat(f).as("%s: %s", what, e.getKey()).isEqualTo(e.getValue());
            assertThat(f.lift()).as("%s: lift of %s", what, e.getKey()).isEqualTo(e.getValue().lift());
        }
    }

    private static Map<String, SequentialRule> onSpark(SparkSession spark, SequenceDatabase db, RuleParams params,
                                                       int partitions) {
        JavaRDD<EncodedSequence> seqs = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(EncodedSequence.of(db), 2);
        SparkRuleMiner.Result r = SparkRuleMiner.mine(seqs, db.numItems(), params, partitions);
        assertThat(r.sequences()).isEqualTo(db.numSequences());
        Map<String, SequentialRule> out = new TreeMap<>();
        for (SequentialRule rule : r.rules()) {
            assertThat(out.put(key(rule), rule)).as("found twice: %s", rule).isNull();
        }
        return out;
    }

    private static Map<String, SequentialRule> single(SequenceDatabase db, RuleParams params) {
        Map<String, SequentialRule> out = new TreeMap<>();
        SequentialRuleMiner.mine(db, params, r -> out.put(key(r), r));
        return out;
    }

    private static String key(SequentialRule r) {
        return Arrays.toString(r.antecedent()) + " => " + Arrays.toString(r.consequent());
    }
}
