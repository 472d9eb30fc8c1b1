package dev.seqmind.neural.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seqmind.neural.engine.NeuralEngine;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scalar factor must outlive the forward pass: the backward pass of {@code x * c} reads {@code c}. Between the
 * two, this test collects garbage and fills freshly allocated direct memory with NaN, as a training step's own
 * allocations do, so a scalar whose buffer was released early shows up as a wrong gradient.
 */
class LayersScaleTest {
    private static final int ROUNDS = 50;

    /** The gradient of {@code sum(scale(x, c))} with respect to {@code x}, with memory churn before backward. */
    private static float[] gradientUnderChurn(Engine engine, float c) {
        try (NDManager m = engine.newBaseManager()) {
            NDArray x = m.ones(new Shape(4, 8));
            x.setRequiresGradient(true);
            try (NDScope scope = new NDScope(); GradientCollector gc = engine.newGradientCollector()) {
                scope.suppressNotUsedWarning();
                NDArray y = Layers.scale(x, c).sum();
                System.gc();
                List<ByteBuffer> churn = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                    b.putFloat(0, Float.NaN);
                    churn.add(b);
                }
                gc.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void scaledGradientSurvivesGarbageCollectionBeforeBackward() {
        Engine engine = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        for (int round = 0; round < ROUNDS; round++) {
            float[] g = gradientUnderChurn(engine, 0.125f);
            assertThat(g).as("round %d", round).containsOnly(0.125f);
        }
    }
}
