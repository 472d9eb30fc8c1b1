package dev.seqmind.spark.cli;

import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqmind-spark train}: an item-KNN or Markov model directory of an ingested log, counted on the cluster. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit item-KNN or a Markov chain on the cluster into the model directory `seqmind recommend`,"
                + " `evaluate` and the server load.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Mixin
    ModelOptions models;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
    String in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        models.check();
        SparkSession spark = SparkSessions.start(session.spec("train " + models.model));
        Dataset<Row> table = SequenceTable.read(spark, in);
        models.fitAndSave(table, SequenceTable.itemsInInputOrder(table), SequenceTable.summary(spark, in).name(),
                session.partitions, out);
        System.out.println("wrote " + out);
        return 0;
    }
}
