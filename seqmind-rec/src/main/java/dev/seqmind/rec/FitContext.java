package dev.seqmind.rec;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.EvalCase;

import java.util.List;
import java.util.Objects;

/**
 * Everything a fit needs besides the data and the trainer's own configuration.
 *
 * @param seed        seed of every random step of this fit
 * @param threads     worker threads the fit may use (>= 1)
 * @param validation  cases for early stopping; their histories are prefixes of the training dataset's sequences
 *                    (empty when the caller gives none)
 * @param progress    where to report progress
 */
public record FitContext(long seed, int threads, List<EvalCase> validation, Progress progress) {
    public FitContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but got " + threads);
        }
        validation = List.copyOf(validation);
        Objects.requireNonNull(progress, "progress");
    }

    public static FitContext of(long seed) {
        return new FitContext(seed, Runtime.getRuntime().availableProcessors(), List.of(), Progress.NONE);
    }
}
