package dev.seqmind.spark.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What every mining command reads and writes: the ingested log, the output TSV, the support and the length cap. */
public final class MineOptions {
    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
    String in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "TSV of the patterns to write.")
    Path out;

    @Option(names = {"-s", "--min-support"}, paramLabel = "S", defaultValue = "0.01",
            description = "Minimum support: a fraction of users (0.01) or a count (50). Default: ${DEFAULT-VALUE}.")
    String minSupport;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "2147483647",
            description = "Longest pattern or itemset, in items. Default: no limit.")
    int maxLength;
}
