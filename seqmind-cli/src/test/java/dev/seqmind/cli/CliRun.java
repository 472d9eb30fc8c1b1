package dev.seqmind.cli;

import dev.seqmind.cli.console.ExitCodes;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code seqmind} command line as a user sees it: the exit code and what went to stdout
 * and stderr.
 *
 * @param exit the exit code (see {@link ExitCodes})
 * @param out  everything written to standard output
 * @param err  everything written to standard error
 */
public record CliRun(int exit, String out, String err) {
    /** Runs {@code seqmind args...} with seqmind's own error handling and exit codes. */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SeqmindCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
