package dev.seqmind.spark.cli;

import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.session.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqmind-spark to-dataset}: an ingested log, when it fits one machine, as a seqmind dataset directory. */
@Command(name = "to-dataset", mixinStandardHelpOptions = true,
        description = "Convert the output of `seqmind-spark ingest` into a single-machine dataset directory (the whole"
                + " log passes through the driver).")
public final class ToDatasetCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
    String in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Dataset directory to write.")
    Path out;

    @Override
    public Integer call() {
        var data = SequenceTable.toDataset(SparkSessions.start(session.spec("to-dataset")), in);
        DatasetStore.save(data, out);
        System.out.println("wrote " + out + ": " + data.numUsers() + " users, " + data.numInteractions() + " events");
        return 0;
    }
}
