package dev.seqmind.cli;

import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.data.error.CancelledException;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.privacy.PrivacyBudgetExceededException;
import dev.seqmind.mining.BudgetExceededException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns errors into one clear line on stderr and an exit code; stack traces only for bugs or with SEQMIND_DEBUG. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        int code = exitCode(ex);
        String prefix = cl.getCommandSpec().qualifiedName() + ": ";
        if (code == ExitCodes.INTERNAL || System.getenv("SEQMIND_DEBUG") != null) {
            cl.getErr().println(prefix + "internal error: " + ex);
            ex.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println(prefix + message(ex));
        }
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof InvalidParameterException || ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof InputFormatException || ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof InterruptedException || ex instanceof CancelledException) {
            return ExitCodes.INTERRUPTED;
        }
        if (ex instanceof SeqmindException) {
            return ex instanceof BudgetExceededException || ex instanceof PrivacyBudgetExceededException
                    ? ExitCodes.BUDGET_EXCEEDED : ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    private static String message(Throwable ex) {
        if (ex instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
