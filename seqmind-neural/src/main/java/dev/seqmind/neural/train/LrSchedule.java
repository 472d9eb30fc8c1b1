package dev.seqmind.neural.train;

/** Learning-rate decay after warm-up. */
public enum LrSchedule {
    /** Constant after warm-up. */
    CONSTANT,
    /** Linear decay to zero at the last planned step. */
    LINEAR,
    /** Cosine decay to zero at the last planned step. */
    COSINE;

    /**
     * The learning rate at {@code step} (0-based) of {@code total} planned steps: linear warm-up over
     * {@code warmup} steps, then this decay.
     */
    public float at(float base, long step, long warmup, long total) {
        if (warmup > 0 && step < warmup) {
            return base * (step + 1) / warmup;
        }
        long span = Math.max(1, total - warmup);
        double t = Math.min(1.0, (double) (step - warmup) / span);
        return switch (this) {
            case CONSTANT -> base;
            case LINEAR -> (float) (base * (1 - t));
            case COSINE -> (float) (base * 0.5 * (1 + Math.cos(Math.PI * t)));
        };
    }
}
