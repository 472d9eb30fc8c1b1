package dev.seqmind.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seqmind bench ...}: benchmarks that print their figures and the ratio against a named baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (not tests): print timings, memory and ratios against a named baseline.",
        subcommands = {
                IngestBench.class,
                dev.seqmind.cli.train.ServeLatencyBench.class,
                dev.seqmind.cli.train.AddedItemsBench.class,
                dev.seqmind.cli.train.TrainStepBench.class,
                MineBenchCommand.class,
                DpPatternBench.class,
                dev.seqmind.cli.data.StoreBenchCommand.class,
                dev.seqmind.cli.serve.ServeBench.class,
                dev.seqmind.cli.serve.ServeStartupBench.class,
                dev.seqmind.cli.serve.DashboardBench.class,
                dev.seqmind.cli.rec.EmbedBench.class,
                StartupBench.class,
                dev.seqmind.cli.insight.SimilarBench.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
