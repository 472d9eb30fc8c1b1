package dev.seqmind.rec.eval.report;

import java.util.List;

/**
 * What is needed to get the same numbers again.
 *
 * @param dataset             dataset name
 * @param sources             its input files
 * @param steps               cleaning steps applied before the split
 * @param fingerprint         content hash of the full dataset
 * @param users               users in it
 * @param items               items in it
 * @param events              events in it
 * @param split               the protocol, e.g. "leave-one-out"
 * @param testCases           evaluated cases
 * @param fitSeed             seed of every fit
 * @param bootstrapSeed       seed of the bootstrap
 * @param samplingSeed        seed of negative sampling (only used when sampled)
 * @param evaluation          the evaluation settings in one line
 * @param seqmindVersion      the seqmind version
 * @param gitSha              the commit, or "unknown"
 * @param jdk                 Java runtime
 * @param os                  operating system
 * @param command             the command line that produced the report, or empty
 */
public record Reproducibility(String dataset, List<String> sources, List<String> steps, String fingerprint,
                              int users, int items, long events, String split, int testCases, long fitSeed,
                              long bootstrapSeed, long samplingSeed, String evaluation, String seqmindVersion,
                              String gitSha, String jdk, String os, String command) {
    public Reproducibility {
        sources = List.copyOf(sources);
        steps = List.copyOf(steps);
    }
}
