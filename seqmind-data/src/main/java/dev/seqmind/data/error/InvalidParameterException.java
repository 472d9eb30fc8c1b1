package dev.seqmind.data.error;

/**
 * A configuration value outside its allowed range, e.g.
 * {@code new InvalidParameterException("minSupport", 1.7, "in (0, 1]", "use --min-count for absolute counts")}.
 */
public final class InvalidParameterException extends SeqmindException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String name, Object value, String allowed, String hint) {
        super(name + " must be " + allowed + ", but got " + value + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    public InvalidParameterException(String name, Object value, String allowed) {
        this(name, value, allowed, null);
    }

    /** Throws unless {@code lo <= value <= hi}. */
    public static int requireInRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new InvalidParameterException(name, value, "in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** Throws unless {@code value > 0}. */
    public static long requirePositive(String name, long value) {
        if (value <= 0) {
            throw new InvalidParameterException(name, value, "> 0");
        }
        return value;
    }
}
