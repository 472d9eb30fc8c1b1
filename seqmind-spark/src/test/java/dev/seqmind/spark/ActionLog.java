package dev.seqmind.spark;

import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.rec.Recommender;
import dev.seqmind.spark.ingest.CleaningSpec;
import dev.seqmind.spark.ingest.SparkIngest;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small generated log with skewed items and pv/fav/cart/buy actions, ingested both on one machine (with the given
 * action weights) and on Spark, plus the score comparison the model tests share.
 *
 * @param dataset  the single-machine dataset
 * @param ingested the Spark ingest's output directory
 */
public record ActionLog(SequenceDataset dataset, String ingested) {
    /** Writes {@code rows} events of {@code users} users to {@code dir/log.csv} and ingests them both ways. */
    public static ActionLog of(SparkSession spark, Path dir, int rows, int users, long seed,
                               Map<String, Double> actionWeights) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] actions = {"pv", "pv", "pv", "fav", "cart", "buy"};
        StringBuilder sb = new StringBuilder("user,item,action,timestamp\n");
        for (int r = 0; r < rows; r++) {
            sb.append('u').append(rnd.nextInt(users)).append(",i").append((int) Math.sqrt(rnd.nextInt(90_000)))
                    .append(',').append(actions[rnd.nextInt(actions.length)]).append(',')
                    .append(1_700_000_000L + r).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("log-" + seed + ".csv"), sb.toString());
        SequenceDataset data = new Ingestor(Progress.NONE).run(new IngestSpec("log",
                List.of(InputSpec.of(csv, InputFormat.CSV)), List.of(), false, Optional.empty(), List.of(),
                actionWeights, TimeRange.ANY)).dataset();
        String out = dir.resolve("ingested-" + seed).toString();
        SparkIngest.run(spark, List.of(csv.toString()), "csv", CleaningSpec.NONE, "log", out, 3);
        return new ActionLog(data, out);
    }

    /** Asserts both models give every item the same score (by external id) after many random histories. */
    public static void assertSameScores(SequenceDataset data, Recommender single, Recommender spark,
                                        SplittableRandom rnd) {
        var sparkItems = spark.items();
        assertThat(sparkItems.size()).isEqualTo(data.numItems());
        float[] a = new float[data.numItems()];
        float[] b = new float[data.numItems()];
        for (int trial = 0; trial < 200; trial++) {
            int len = 1 + rnd.nextInt(5);
            int[] h1 = new int[len];
            int[] h2 = new int[len];
            for (int k = 0; k < len; k++) {
                // half the histories follow a training sequence, so that higher-order contexts are known
                h1[k] = trial % 2 == 0 || k == 0 ? rnd.nextInt(data.numItems()) : data.item(Math.min(
                        data.numInteractions() - 1, indexOf(data, h1[k - 1]) + 1));
                h2[k] = sparkItems.denseId(data.items().externalId(h1[k]));
            }
            single.score(h1, a);
            spark.score(h2, b);
            for (int i = 0; i < a.length; i++) {
                int j = sparkItems.denseId(data.items().externalId(i));
                assertThat(b[j]).as("item %s after %s", data.items().externalId(i), Arrays.toString(h1))
                        .isEqualTo(a[i]);
            }
        }
    }

    private static int indexOf(SequenceDataset data, int item) {
        for (int e = 0; e < data.numInteractions(); e++) {
            if (data.item(e) == item) {
                return e;
            }
        }
        return 0;
    }
}
