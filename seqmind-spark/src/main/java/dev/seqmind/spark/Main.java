package dev.seqmind.spark;

import dev.seqmind.spark.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spark-submit --class dev.seqmind.spark.Main seqmind-spark-*-assembly.jar <command> ...}: seqmind's jobs on a
 * Spark cluster, with the subcommands and options of the {@code seqmind} command line. Holds no logic of its own.
 */
@Command(name = "seqmind-spark", mixinStandardHelpOptions = true, version = "seqmind-spark 0.1.0",
        description = "seqmind's ingest, mining and model jobs on Apache Spark, with results equal to seqmind's.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.seqmind.spark.cli.IngestCommand.class,
                dev.seqmind.spark.cli.ToDatasetCommand.class,
                dev.seqmind.spark.cli.MineCommand.class,
                dev.seqmind.spark.cli.TrainCommand.class,
                dev.seqmind.spark.cli.EvaluateCommand.class,
                dev.seqmind.spark.cli.RecommendAllCommand.class,
                dev.seqmind.spark.cli.BenchCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ExitCodes());
        cl.setExitCodeExceptionMapper(ExitCodes::exitCode);
        return cl.execute(args);
    }
}
