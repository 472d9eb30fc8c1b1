package dev.seqmind.neural.engine;

import dev.seqmind.data.error.InvalidParameterException;

import java.nio.file.Path;

/**
 * How to start the native engine.
 *
 * @param cacheDir      where DJL unpacks the native PyTorch libraries from the classpath jar; {@code null} keeps
 *                      DJL's default ({@code ~/.djl.ai}) or whatever {@code DJL_CACHE_DIR} already says
 * @param intraThreads  PyTorch intra-op threads (>= 1); 2 fits these 2-core machines
 * @param interThreads  PyTorch inter-op threads (>= 1)
 */
public record EngineOptions(Path cacheDir, int intraThreads, int interThreads) {
    public EngineOptions {
        if (intraThreads < 1) {
            throw new InvalidParameterException("intraThreads", intraThreads, ">= 1");
        }
        if (interThreads < 1) {
            throw new InvalidParameterException("interThreads", interThreads, ">= 1");
        }
    }

    /** Default cache directory, {@code min(2, cores)} intra-op threads and one inter-op thread. */
    public static EngineOptions defaults() {
        return new EngineOptions(null, Math.min(2, Runtime.getRuntime().availableProcessors()), 1);
    }

    public EngineOptions withThreads(int intra) {
        return new EngineOptions(cacheDir, intra, interThreads);
    }
}
