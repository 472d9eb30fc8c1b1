package dev.seqmind.spark.cli;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.spark.batch.ShippedModel;
import dev.seqmind.spark.batch.SparkTopK;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqmind-spark recommend-all}: top-K for every user of an ingested log from a saved model, as files. */
@Command(name = "recommend-all", mixinStandardHelpOptions = true,
        description = "Top-K for every user (after the user's whole sequence) from a saved model directory, the same"
                + " lists as `seqmind recommend --history`, written as Parquet or JSON lines (user, items, scores).")
public final class RecommendAllCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
    String in;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A model directory (seqmind-spark train, seqmind train or evaluate --save-models).")
    Path model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory to write.")
    String out;

    @Option(names = "-k", defaultValue = "10", description = "Items per user. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--keep-seen", description = "Also recommend items of the user's history (off by default, as in"
            + " `seqmind recommend`).")
    boolean keepSeen;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "F",
            description = "parquet or json (JSON lines). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new InvalidParameterException("-k", k, ">= 1");
        }
        if (!format.equals("parquet") && !format.equals("json")) {
            throw new InvalidParameterException("--format", format, "parquet or json");
        }
        ShippedModel shipped = ShippedModel.read(model);
        SparkSession spark = SparkSessions.start(session.spec("recommend-all"));
        var lists = SparkTopK.recommend(SequenceTable.read(spark, in), shipped, k,
                keepSeen ? SeenItems.KEEP : SeenItems.EXCLUDE).write();
        if (format.equals("json")) {
            lists.json(out);
        } else {
            lists.parquet(out);
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
