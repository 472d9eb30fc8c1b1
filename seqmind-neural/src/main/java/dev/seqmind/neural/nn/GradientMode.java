package dev.seqmind.neural.nn;

import ai.djl.pytorch.jni.JniUtils;

import java.util.function.Supplier;

/**
 * Runs work with the engine's gradient recording switched off and restores the previous mode afterwards, also when
 * the work throws. The mode is the engine's per-thread setting, so concurrent callers on other threads are unaffected.
 */
public final class GradientMode {
    private GradientMode() {
    }

    /** The result of {@code work}, computed with gradient recording off on this thread. */
    public static <T> T offDuring(Supplier<T> work) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}
