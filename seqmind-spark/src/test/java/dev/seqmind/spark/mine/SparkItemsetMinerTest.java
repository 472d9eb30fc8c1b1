package dev.seqmind.spark.mine;

import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.itemset.AssociationRule;
import dev.seqmind.mining.itemset.AssociationRuleMiner;
import dev.seqmind.mining.itemset.FpGrowthMiner;
import dev.seqmind.mining.itemset.ItemsetParams;
import dev.seqmind.mining.itemset.TransactionDatabase;
import dev.seqmind.spark.LocalSpark;
import dev.seqmind.spark.ingest.CleaningSpec;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.ingest.SparkIngest;
import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frequent itemsets and association rules mined on Spark equal the single-machine FP-Growth and rule miner on the same
 * log (itemsets, supports, and every rule's support, confidence, lift and leverage), for several group counts, and the
 * itemsets equal MLlib's {@code FPGrowth} on the same transactions.
 */
@ExtendWith(LocalSpark.class)
class SparkItemsetMinerTest {
    @Test
    void itemsetsAndRulesEqualTheSingleMachineMiner(SparkSession spark, @TempDir Path dir) throws IOException {
        Path csv = basketLog(dir.resolve("baskets.csv"));
        SequenceDataset data = new Ingestor(Progress.NONE).run(IngestSpec.of("b", InputSpec.of(csv,
                InputFormat.CSV))).dataset();
        String out = dir.resolve("ingested").toString();
        SparkIngest.run(spark, List.of(csv.toString()), "csv", CleaningSpec.NONE, "b", out, 3);
        Dataset<Row> table = SequenceTable.read(spark, out);
        ItemsetParams params = ItemsetParams.of(MinSupport.fraction(0.06));

        TransactionDatabase db = TransactionDatabase.of(data);
        CollectingSink sink = new CollectingSink();
        FpGrowthMiner.mine(db, params, sink);
        Map<String, Long> want = keyed(sink.patterns(), db.itemIds()::externalId);
        assertThat(want.size()).as("a task with long itemsets").isGreaterThan(300);
        assertThat(want.keySet()).anyMatch(k -> k.split(" ").length >= 4);
        List<String> wantRules = rules(AssociationRuleMiner.mine(sink.patterns(), db.numTransactions(), 0.6),
                db.itemIds()::externalId);

        for (int groups : new int[] {1, 3, 7}) {
            SparkItemsetMiner.Result got = SparkItemsetMiner.mine(table, params, groups);
            assertThat(got.transactions()).isEqualTo(db.numTransactions());
            assertThat(keyed(got.itemsets(), got.items()::get)).as("%d groups", groups).isEqualTo(want);
            assertThat(rules(got.rules(0.6), got.items()::get)).as("%d groups", groups).isEqualTo(wantRules);
        }

        Dataset<Row> baskets = table.selectExpr("array_distinct(items) AS items");
        Map<String, Long> mllib = new HashMap<>();
        for (Row r : new FPGrowth().setItemsCol("items").setMinSupport(0.06).fit(baskets).freqItemsets()
                .collectAsList()) {
            mllib.put(String.join(" ", new TreeSet<>(r.<String>getList(0))), r.getLong(1));
        }
        assertThat(mllib).isEqualTo(want);
    }

    private static Map<String, Long> keyed(List<Pattern> patterns, IntFunction<String> name) {
        Map<String, Long> out = new HashMap<>();
        for (Pattern p : patterns) {
            out.put(names(p.items(), name), p.support());
        }
        return out;
    }

    private static String names(int[] items, IntFunction<String> name) {
        TreeSet<String> s = new TreeSet<>();
        for (int i : items) {
            s.add(name.apply(i));
        }
        return String.join(" ", s);
    }

    private static List<String> rules(List<AssociationRule> rules, IntFunction<String> name) {
        return rules.stream().map(r -> names(r.antecedent(), name) + " => " + names(r.consequent(), name) + " "
                + r.support() + " " + r.confidence() + " " + r.lift() + " " + r.leverage()).sorted().toList();
    }

    /** 400 users, each buying from two of six themes of six items (each with probability 0.7) plus noise. */
    private static Path basketLog(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("user,item,timestamp\n");
        long t = 1_700_000_000L;
        for (int u = 0; u < 400; u++) {
            for (int pick = 0; pick < 2; pick++) {
                int theme = rnd.nextInt(6);
                for (int i = 0; i < 6; i++) {
                    if (rnd.nextDouble() < 0.7) {
                        sb.append('u').append(u).append(",t").append(theme).append('-').append(i).append(',')
                                .append(t++).append('\n');
                    }
                }
            }
            for (int noise = rnd.nextInt(8); noise > 0; noise--) {
                sb.append('u').append(u).append(",n").append(rnd.nextInt(100)).append(',').append(t++).append('\n');
            }
        }
        return Files.writeString(file, sb.toString());
    }
}
