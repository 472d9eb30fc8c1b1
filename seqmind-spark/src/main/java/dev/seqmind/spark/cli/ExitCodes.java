package dev.seqmind.spark.cli;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The exit codes of the {@code seqmind} command line (0 ok, 1 internal, 2 usage, 3 bad input, 4 budget, 130
 * interrupted), and the handler that prints one clear line for an error a user can cause.
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int BUDGET_EXCEEDED = 4;
    public static final int INTERRUPTED = 130;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        int code = exitCode(ex);
        String prefix = cl.getCommandSpec().qualifiedName() + ": ";
        if (code == INTERNAL || System.getenv("SEQMIND_DEBUG") != null) {
            cl.getErr().println(prefix + "internal error: " + ex);
            ex.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println(prefix + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        }
        return code;
    }

    /** The exit code for {@code ex}. */
    public static int exitCode(Throwable ex) {
        if (ex instanceof InvalidParameterException || ex instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (ex instanceof InputFormatException || ex instanceof IOException || ex instanceof UncheckedIOException) {
            return BAD_INPUT;
        }
        if (ex instanceof dev.seqmind.mining.BudgetExceededException) {
            return BUDGET_EXCEEDED;
        }
        if (ex instanceof SeqmindException) {
            return BAD_INPUT;
        }
        if (ex instanceof InterruptedException) {
            return INTERRUPTED;
        }
        return INTERNAL;
    }
}
