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
 * @param encodedUsers   pure-Java SASRec: most users whose encoded live history (the last hidden vector) each model
 *                       keeps between requests, so a request whose user's sequence has not changed is one
 *                       matrix-vector product; 0 keeps none
 */
public record Scoring(Forward forward, int maxBatch, long maxWaitMicros, int encodedUsers) {
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
        if (encodedUsers < 0) {
            throw new IllegalArgumentException("encodedUsers must be >= 0, but got " + encodedUsers);
        }
    }

    /** Without encoded histories kept. */
    public Scoring(Forward forward, int maxBatch, long maxWaitMicros) {
        this(forward, maxBatch, maxWaitMicros, 0);
    }

    /** The defaults of {@code seqmind serve}. */
    public static Scoring defaults() {
        return new Scoring(Forward.JAVA, 32, 1_000, 50_000);
    }
}
