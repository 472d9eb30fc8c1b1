package dev.seqmind.data.error;

/**
 * Long work stopped because the user asked it to (Ctrl-C, an interrupted thread), not because anything was wrong.
 * The message says what was kept; the command line exits with 130 as shells expect after an interrupt.
 */
public final class CancelledException extends SeqmindException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
