package dev.seqmind.spark.rec;

import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.store.ModelDirectory;
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
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item-KNN fitted on Spark, saved and loaded as a model directory, scores every item exactly as the single-machine
 * fit on the same log does, for many histories (scores compared by external item id).
 */
@ExtendWith(LocalSpark.class)
class SparkItemKnnTest {
    @Test
    void savedSparkModelScoresLikeTheSingleMachineFit(SparkSession spark, @TempDir Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder("user,item,timestamp\n");
        for (int r = 0; r < 6000; r++) {
            sb.append('u').append(rnd.nextInt(300)).append(",i").append((int) Math.sqrt(rnd.nextInt(250_000)))
                    .append(',').append(1_700_000_000L + r).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("log.csv"), sb.toString());
        SequenceDataset data = new Ingestor(Progress.NONE).run(IngestSpec.of("log", InputSpec.of(csv,
                InputFormat.CSV))).dataset();
        String out = dir.resolve("ingested").toString();
        SparkIngest.run(spark, List.of(csv.toString()), "csv", CleaningSpec.NONE, "log", out, 3);
        for (ItemKnnTrainer params : List.of(ItemKnnTrainer.defaults(),
                new ItemKnnTrainer(2, 1.0, 5, Direction.BOTH, 2, 0.5))) {
            Recommender single = params.fit(data, FitContext.of(1));
            SparkItemKnn.Fitted fitted = SparkItemKnn.fit(SequenceTable.read(spark, out), params, java.util.Map.of(),
                    "log", 4);
            Path modelDir = dir.resolve("model-" + params.window());
            ModelDirectory.save(fitted.model(), modelDir, fitted.provenance());
            Recommender loaded = ModelDirectory.load(modelDir);
            dev.seqmind.spark.ActionLog.assertSameScores(data, single, loaded, rnd);
        }
    }

    @Test
    void actionWeightedModelScoresLikeTheSingleMachineFit(SparkSession spark, @TempDir Path dir) throws IOException {
        java.util.Map<String, Double> weights = java.util.Map.of("buy", 4.0, "cart", 2.0, "fav", 0.5);
        dev.seqmind.spark.ActionLog log = dev.seqmind.spark.ActionLog.of(spark, dir, 5000, 250, 41, weights);
        ItemKnnTrainer params = new ItemKnnTrainer(3, 0.5, 20, Direction.BOTH, 3, 0.5);
        Recommender single = params.fit(log.dataset(), FitContext.of(1));
        SparkItemKnn.Fitted fitted = SparkItemKnn.fit(SequenceTable.read(spark, log.ingested()), params, weights,
                "log", 3);
        dev.seqmind.spark.ActionLog.assertSameScores(log.dataset(), single, fitted.model(), new SplittableRandom(4));
    }
}
