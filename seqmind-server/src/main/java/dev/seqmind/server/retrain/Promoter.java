package dev.seqmind.server.retrain;

import java.nio.file.Path;

/** Puts a saved model directory into service under a name: the server's registry, or its admin API over HTTP. */
@FunctionalInterface
public interface Promoter {
    /**
     * Swaps {@code dir} in as {@code name}.
     *
     * @return a short description of what now serves (e.g. "markov1 version 3")
     * @throws Exception when the swap did not happen (the old model keeps serving)
     */
    String promote(String name, Path dir) throws Exception;

    /** Promotes nothing (a dry run: the decision is written, the model saved, nothing swapped). */
    Promoter NONE = (name, dir) -> "not swapped in (no server given)";
}
