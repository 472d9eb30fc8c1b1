package dev.seqmind.data.error;

/**
 * Base of every error a user of seqmind can cause (bad input, bad parameter, missing file). The message always says
 * where the problem is and, where there is one, what to do about it; commands print it without a stack trace.
 */
public class SeqmindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SeqmindException(String message) {
        super(message);
    }

    public SeqmindException(String message, Throwable cause) {
        super(message, cause);
    }
}
