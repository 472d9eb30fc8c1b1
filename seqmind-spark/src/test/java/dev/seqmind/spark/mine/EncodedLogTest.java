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

/** Ingest then mine on Spark equals ingest then mine on one machine (events of equal time as itemsets). */
@ExtendWith(LocalSpark.class)
class EncodedLogTest {
    @Test
    void ingestedLogMinesToTheSingleMachinePatterns(SparkSession spark, @TempDir Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("user,item,timestamp\n");
        for (int r = 0; r < 3000; r++) {
            // coarse times: several events share a time, so itemsets have more than one item
            sb.append('u').append(rnd.nextInt(200)).append(",i").append((int) Math.sqrt(rnd.nextInt(900)))
                    .append(',').append(1_700_000_000L + rnd.nextInt(30) * 60).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("log.csv"), sb.toString());
        SequenceDataset single = new Ingestor(Progress.NONE).run(IngestSpec.of("log", InputSpec.of(csv,
                InputFormat.CSV))).dataset();
        String out = dir.resolve("ingested").toString();
        SparkIngest.run(spark, List.of(csv.toString()), "csv", CleaningSpec.NONE, "log", out, 3);
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

    private static String label(int[] items, IntFunction<String> name) {
        StringBuilder sb = new StringBuilder();
        for (int i : items) {
            sb.append(i == PatternSink.ITEMSET_END ? "|" : name.apply(i)).append(' ');
        }
        return sb.toString();
    }
}
