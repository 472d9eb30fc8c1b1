package dev.seqmind.neural.engine;

import ai.djl.engine.Engine;
import dev.seqmind.data.error.SeqmindException;

/**
 * The single place where seqmind starts DJL: it sets {@code ai.djl.offline=true} (so DJL never downloads anything or
 * phones home), points {@code DJL_CACHE_DIR}/{@code ENGINE_CACHE_DIR} at the configured unpack directory and sets
 * PyTorch's thread counts, all <em>before</em> DJL's engine class initialises, then loads the PyTorch engine from the
 * native jar on the classpath.
 *
 * <p>The native engine is a process-wide resource: the first call decides the cache directory and thread counts;
 * later calls return the same engine (their options only matter if they agree). Thread-safe.
 */
public final class NeuralEngine {
    /** The DJL engine name seqmind uses. */
    public static final String ENGINE = "PyTorch";

    private NeuralEngine() {
    }

    /** Starts (or returns) the PyTorch engine with default options. */
    public static Engine start() {
        return start(EngineOptions.defaults());
    }

    /**
     * Starts (or returns) the PyTorch engine.
     *
     * @throws SeqmindException if the native library cannot be loaded offline
     */
    public static synchronized Engine start(EngineOptions options) {
        System.setProperty("ai.djl.offline", "true");
        if (options.cacheDir() != null) {
            String dir = options.cacheDir().toAbsolutePath().toString();
            System.setProperty("DJL_CACHE_DIR", dir);
            System.setProperty("ENGINE_CACHE_DIR", dir);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.intraThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(options.interThreads()));
        System.setProperty("ai.djl.default_engine", ENGINE);
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new SeqmindException("cannot load the PyTorch engine offline (" + e.getMessage() + "): check that "
                    + "pytorch-native-cpu (linux-x86_64) and pytorch-jni are on the classpath and that the cache "
                    + "directory " + System.getProperty("DJL_CACHE_DIR", "~/.djl.ai") + " is writable", e);
        }
    }
}
