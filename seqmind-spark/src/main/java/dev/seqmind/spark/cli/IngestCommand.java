package dev.seqmind.spark.cli;

import dev.seqmind.spark.ingest.CleaningSpec;
import dev.seqmind.spark.ingest.IngestSummary;
import dev.seqmind.spark.ingest.SparkIngest;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.seqmind.data.collect.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seqmind-spark ingest}: logs on any Hadoop file system into per-user sequences in Parquet. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read, clean and group logs into per-user time-ordered sequences (Parquet, partitioned by user"
                + " bucket) with the cleaning report of `seqmind ingest`.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or directories (any Hadoop file system).")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "csv, tsv, jsonl, parquet, movielens, ... or auto (from each file's name; *.parquet is"
                    + " Parquet). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "dataset",
            description = "Dataset name. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--time-range", paramLabel = "FROM..TO", defaultValue = "default",
            description = "Accepted timestamps, as in `seqmind ingest`: ISO dates, date-times or epoch seconds, either"
                    + " end may be empty; 'default' is 1990-01-01 to one day after now, 'any' accepts every time."
                    + " Default: ${DEFAULT-VALUE}.")
    String timeRange;

    @Option(names = "--dedup", description = "Drop exact duplicate events (same user, item, action, time).")
    boolean dedup;

    @Option(names = "--drop-repeats", description = "Drop an event that repeats the user's previous one.")
    boolean dropRepeats;

    @Option(names = "--actions", split = ",", paramLabel = "A", description = "Keep only these actions (e.g. buy,cart).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--session-gap", paramLabel = "SECONDS", defaultValue = "0",
            description = "Split users into sessions at gaps longer than this many seconds (0: no split)."
                    + " Default: ${DEFAULT-VALUE}.")
    long sessionGapSeconds;

    @Option(names = "--min-length", paramLabel = "N", defaultValue = "0",
            description = "Drop users with fewer events. Default: ${DEFAULT-VALUE}.")
    int minLength;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "0",
            description = "Keep only each user's latest N events (0: all). Default: ${DEFAULT-VALUE}.")
    int maxLength;

    @Override
    public Integer call() {
        CleaningSpec cleaning = new CleaningSpec(dedup, actions, dropRepeats,
                Duration.ofSeconds(sessionGapSeconds).toMillis(), minLength, maxLength, 0, 0)
                .withTimeRange(TimeRange.parse(timeRange, Instant.now()));
        SparkSession spark = SparkSessions.start(session.spec("ingest"));
        IngestSummary s = SparkIngest.run(spark, inputs, format, cleaning, name, out, session.partitions);
        System.out.print(s.report().toText());
        System.out.println("wrote " + out);
        return 0;
    }
}
