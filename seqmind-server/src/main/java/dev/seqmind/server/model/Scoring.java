package dev.seqmind.server.model;

/**
 * How served neural models score.
 *
 * @param forward        {@link Forward#JAVA}: SASRec runs the pure-Java forward pass on the request's own thread
 *                       (other families and {@code sasrec-text} keep the native engine); {@link Forward#NATIVE}: every
 *                       neural model runs on the native engine
 * @param maxBatch       native engine: most concurrent requests gathered into one forward pass ({@link ScoreBatcher});
 *                       0 scores each request on its own thread, unbatched
 * @param maxWaitMicros  native engine: how long the first request of a batch waits for others
 */
public record Scoring(Forward forward, int maxBatch, long maxWaitMicros) {
    /** Which forward pass serves SASRec. */
    public enum Forward {
        JAVA, NATIVE
    }

    public Scoring {
        java.util.Objects.requireNonNull(forward, "forward");
        if (maxBatch < 0) {
            throw new IllegalArgumentException("maxBatch must be >= 0, but got " + maxBatch);
        }
        if (maxWaitMicros < 0) {
            throw new IllegalArgumentException("maxWaitMicros must be >= 0, but got " + maxWaitMicros);
        }
    }

    /** The defaults of {@code seqmind serve}. */
    public static Scoring defaults() {
        return new Scoring(Forward.NATIVE, 32, 1_000);
    }
}
