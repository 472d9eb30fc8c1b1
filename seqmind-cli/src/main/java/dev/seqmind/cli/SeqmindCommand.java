package dev.seqmind.cli;

import dev.seqmind.cli.bench.BenchCommand;
import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.cli.data.ExportCommand;
import dev.seqmind.cli.data.GenerateCommand;
import dev.seqmind.cli.data.IngestCommand;
import dev.seqmind.cli.data.StatsCommand;
import dev.seqmind.cli.train.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.util.List;

/** The {@code seqmind} command: wires subcommands together; holds no logic of its own. */
@Command(name = "seqmind", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sequential pattern mining and next-item recommendation.")
public final class SeqmindCommand implements Runnable {
    /**
     * Every subcommand, in the order help lists them. Registered programmatically rather than in {@code @Command} so
     * that a run builds only the command it executes: picocli reads each command's options by reflection, and the
     * whole tree costs more start-up than a small job's work.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
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
            dev.seqmind.cli.privacy.ForgetCommand.class,
            dev.seqmind.cli.rec.EvaluateCommand.class,
            dev.seqmind.cli.rec.RecommendCommand.class,
            TrainCommand.class,
            dev.seqmind.cli.train.TuneCommand.class,
            dev.seqmind.cli.serve.ServeCommand.class,
            dev.seqmind.cli.retrain.RetrainCommand.class,
            dev.seqmind.cli.insight.InsightCommand.class,
            dev.seqmind.cli.insight.SimilarCommand.class,
            dev.seqmind.cli.ab.AbCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // Answered without building the command line: picocli's classes are too old for the start-up cache
            // (src/aot/README.md), and loading them is most of a --version run.
            for (String line : VersionProvider.lines()) {
                System.out.println(line);
            }
            System.exit(ExitCodes.OK);
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int execute(String... args) {
        return commandLine(args.length == 0 ? "" : args[0]).execute(args);
    }

    /** The whole command tree with seqmind's error handling (one line on stderr, exit codes of {@link ExitCodes}). */
    public static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * The command line for a run whose first argument is {@code first}: only that subcommand when it names one (its
     * own subcommands included), none for {@code --version}, else the whole tree (for help, suggestions and errors).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new SeqmindCommand());
        boolean version = "--version".equals(first) || "-V".equals(first);
        boolean one = SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first)) && !"help".equals(first);
        for (Class<?> c : SUBCOMMANDS) {
            if (!version && (!one || nameOf(c).equals(first))) {
                cl.addSubcommand(c);
            }
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        UsageRules.apply(cl);
        return cl;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
