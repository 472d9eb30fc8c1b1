package dev.seqmind.spark.cli;

import dev.seqmind.spark.session.SessionSpec;
import picocli.CommandLine.Option;

/** The options every job shares: where Spark runs and how wide shuffles are. */
public final class SessionOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://host:port, yarn, ...); default: the one spark-submit set,"
                    + " else local[2].")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "8",
            description = "Partitions of each shuffle (about 2-4 per executor core). Default: ${DEFAULT-VALUE}.")
    int partitions;

    /** The session to start: an explicit master wins, then spark-submit's, then local[2]. */
    public SessionSpec spec(String job) {
        String m = master != null ? master : System.getProperty("spark.master", "local[2]");
        return new SessionSpec(m, partitions, "seqmind " + job);
    }
}
