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
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRuleMiner;
import dev.seqmind.mining.PatternSink;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import dev.seqmind.spark.LocalSpark;
import dev.seqmind.spark.ingest.CleaningSpec;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.ingest.SparkIngest;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest then mine on Spark equals ingest then mine on one machine (events of equal time as itemsets): sequential
 * patterns, and the {@code mine rules} command's TSV.
 */
@ExtendWith(LocalSpark.class)
class EncodedLogTest {
    @Test
    void ingestedLogMinesToTheSingleMachinePatterns(SparkSession spark, @TempDir Path dir) throws IOException {
        SequenceDataset single = ingestBoth(spark, dir, 3);
        String out = dir.resolve("ingested").toString();
        EncodedLog log = EncodedLog.of(SequenceTable.read(spark, out));
        SequenceMiningParams params = SequenceMiningParams.of(MinSupport.fraction(0.08));

        Map<String, Long> expected = new TreeMap<>();
        CollectingSink sink = new CollectingSink();
        SequentialPatternMiner.mine(single, params, sink);
        for (Pattern p : sink.patterns()) {
            expected.put(label(p.items(), i -> single.items().externalId(i)), p.support());
        }
        Map<String, Long> actual = new TreeMap<>();
        for (MinedPattern p : SparkSequenceMiner.mine(log.sequences(), log.itemNames().size(), params, 4).collect()) {
            actual.put(label(p.items(), log.itemNames()::get), p.support());
        }
        assertThat(expected.keySet()).anyMatch(k -> k.contains(" "));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void mineRulesCommandWritesTheSingleMachineRules(SparkSession spark, @TempDir Path dir) throws IOException {
        SequenceDataset single = ingestBoth(spark, dir, 9);
        String in = dir.resolve("ingested").toString();
        Path out = dir.resolve("rules.tsv");
        assertThat(dev.seqmind.spark.Main.execute("mine", "rules", "--in", in, "-o", out.toString(), "-s", "0.05",
                "--min-confidence", "0.2", "--max-antecedent", "2", "--max-consequent", "2", "--partitions", "5"))
                .isZero();

        java.util.Set<String> expected = new java.util.TreeSet<>();
        dev.seqmind.mining.SequenceDatabase db = dev.seqmind.mining.SequenceDatabase.of(single,
                dev.seqmind.mining.ItemsetGrouping.SAME_TIME);
        SequentialRuleMiner.mine(db, RuleParams.of(MinSupport.fraction(0.05), 0.2).withSizes(2, 2),
                r -> expected.add(String.format(java.util.Locale.ROOT, "%s\t%s\t%d\t%.6f\t%.6f\t%.6f\t",
                        side(r.antecedent(), i -> single.items().externalId(i)),
                        side(r.consequent(), i -> single.items().externalId(i)), r.support(),
                        r.support() / (double) db.numSequences(), r.confidence(), r.lift())));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("antecedent\tconsequent\tsupport\trelative_support\tconfidence\tlift"
                + "\tleverage");
        java.util.Set<String> actual = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            f[0] = side(f[0].split(" "));
            f[1] = side(f[1].split(" "));
            actual.add(String.join("\t", f));
        }
        assertThat(expected).hasSizeGreaterThan(50).anyMatch(r -> r.split("\t")[0].contains(" "))
                .anyMatch(r -> r.split("\t")[1].contains(" "));
        assertThat(actual).isEqualTo(expected);
    }

    /** A generated log ingested on Spark into {@code dir/ingested}; returns its single-machine ingest. */
    private static SequenceDataset ingestBoth(SparkSession spark, Path dir, long seed) throws IOException {
        Path csv = Files.writeString(dir.resolve("log.csv"), coarseLog(new SplittableRandom(seed)));
        SparkIngest.run(spark, List.of(csv.toString()), "csv", CleaningSpec.NONE, "log",
                dir.resolve("ingested").toString(), 3);
        return new Ingestor(Progress.NONE).run(IngestSpec.of("log", InputSpec.of(csv, InputFormat.CSV))).dataset();
    }

    /** A side of a rule as its item names in sorted order (the two paths number items differently). */
    private static String side(int[] items, IntFunction<String> name) {
        return side(java.util.Arrays.stream(items).mapToObj(name).toArray(String[]::new));
    }

    private static String side(String[] names) {
        return String.join(" ", java.util.Arrays.stream(names).sorted().toList());
    }

    /** Users' events at coarse times, so several events share a time and itemsets hold more than one item. */
    private static String coarseLog(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder("user,item,timestamp\n");
        for (int r = 0; r < 3000; r++) {
            sb.append('u').append(rnd.nextInt(200)).append(",i").append((int) Math.sqrt(rnd.nextInt(900)))
                    .append(',').append(1_700_000_000L + rnd.nextInt(30) * 60).append('\n');
        }
        return sb.toString();
    }

    private static String label(int[] items, IntFunction<String> name) {
        StringBuilder sb = new StringBuilder();
        for (int i : items) {
            sb.append(i == PatternSink.ITEMSET_END ? "|" : name.apply(i)).append(' ');
        }
        return sb.toString();
    }
}
