package dev.seqmind.neural.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.neural.engine.NeuralEngine;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DropoutTest {
    @Test
    void dropsTheRateAndRescalesTheRestReproducibly() {
        Engine e = NeuralEngine.start();
        try (NDManager m = e.newBaseManager()) {
            NDArray ones = m.ones(new Shape(400, 250));
            float[] a = Dropout.drawingFrom(new SplittableRandom(7)).apply(ones, 0.25f).toFloatArray();
            float[] b = Dropout.drawingFrom(new SplittableRandom(7)).apply(ones, 0.25f).toFloatArray();
            assertThat(a).containsExactly(b);
            int zeros = 0;
            for (float v : a) {
                assertThat(v == 0f || Math.abs(v - 4f / 3) < 1e-6).as("value %s", v).isTrue();
                zeros += v == 0f ? 1 : 0;
            }
            assertThat(zeros / (double) a.length).isCloseTo(0.25, within(0.01));
            assertThat(Dropout.OFF.apply(ones, 0.25f)).isSameAs(ones);
            assertThat(Dropout.OFF.training()).isFalse();
        }
    }
}
