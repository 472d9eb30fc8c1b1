package dev.seqmind.cli;

import dev.seqmind.cli.bench.BenchCommand;
import dev.seqmind.cli.data.ExportCommand;
import dev.seqmind.cli.data.GenerateCommand;
import dev.seqmind.cli.data.IngestCommand;
import dev.seqmind.cli.data.StatsCommand;
import dev.seqmind.cli.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code seqmind} command: wires subcommands together; holds no logic of its own. */
@Command(name = "seqmind", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sequential pattern mining and next-item recommendation.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                GenerateCommand.class,
                IngestCommand.class,
                StatsCommand.class,
                ExportCommand.class,
                BenchCommand.class,
                dev.seqmind.cli.mine.MineCommand.class,
                dev.seqmind.cli.privacy.PrivacyCommand.class,
                dev.seqmind.cli.audit.AuditCommand.class,
                dev.seqmind.cli.rec.EvaluateCommand.class,
                dev.seqmind.cli.rec.RecommendCommand.class,
                TrainCommand.class,
                dev.seqmind.cli.insight.SimilarCommand.class,
        })
public final class SeqmindCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with seqmind's error handling (one line on stderr, exit codes of {@link ExitCodes}). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SeqmindCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        UsageRules.apply(cl);
        return cl;
    }
}
