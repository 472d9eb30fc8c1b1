package dev.seqmind.cli.console;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug: please report it with the log). */
    public static final int INTERNAL = 1;
    /** Bad command-line usage or parameter. */
    public static final int USAGE = 2;
    /** Bad input data: a file is missing, malformed, or (in --strict mode) has a bad row. */
    public static final int BAD_INPUT = 3;
    /** A configured budget (patterns, memory, time) was exceeded; partial results may have been written. */
    public static final int BUDGET_EXCEEDED = 4;
    /** Interrupted by the user. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
