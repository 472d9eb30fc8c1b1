package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The server rules against values worked out by hand for two rounds. */
class ServerOptimizerTest {
    private static Map<String, float[]> of(float... v) {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("w", v);
        return m;
    }

    @Test
    void averageMovesByTheServerRateTimesTheUpdate() {
        var s = new ServerOptimizer(ServerOptimizer.Kind.AVG, 0.5f, 0, 0, 0).start();
        Map<String, float[]> w = of(1, 1);
        s.apply(w, of(2, -4));
        assertThat(w.get("w")).containsExactly(new float[] {2, -1}, within(1e-6f));
        ServerOptimizer.AVERAGE.start().apply(w, of(1, 1)); // FedAvg: the average itself
        assertThat(w.get("w")).containsExactly(new float[] {3, 0}, within(1e-6f));
    }

    @Test
    void momentumCarriesThePreviousRoundsUpdate() {
        var s = new ServerOptimizer(ServerOptimizer.Kind.MOMENTUM, 1f, 0.9f, 0, 0).start();
        Map<String, float[]> w = of(0, 0);
        s.apply(w, of(1, 2));  // v = (1, 2), w = (1, 2)
        s.apply(w, of(1, 0));  // v = (0.9 + 1, 1.8 + 0) = (1.9, 1.8), w = (2.9, 3.8)
        assertThat(w.get("w")).containsExactly(new float[] {2.9f, 3.8f}, within(1e-5f));
    }

    @Test
    void adamStepsBySignTimesRateWhenTheUpdateIsSteady() {
        var s = new ServerOptimizer(ServerOptimizer.Kind.ADAM, 0.1f, 0.9f, 0.99f, 1e-3f).start();
        Map<String, float[]> w = of(0, 0);
        s.apply(w, of(2, -0.5f));
        // m = 0.1 d, v = 0.01 d^2: step = 0.1 * 0.1 d / (0.1 |d| + 0.001)
        float a = (float) (0.1 * 0.2 / (0.2 + 0.001));
        float b = (float) (0.1 * -0.05 / (0.05 + 0.001));
        assertThat(w.get("w")).containsExactly(new float[] {a, b}, within(1e-6f));
        s.apply(w, of(2, -0.5f));
        // m = 0.19 d, v = 0.0199 d^2
        float a2 = a + (float) (0.1 * 0.38 / (Math.sqrt(0.0199 * 4) + 0.001));
        float b2 = b + (float) (0.1 * -0.095 / (Math.sqrt(0.0199 * 0.25) + 0.001));
        assertThat(w.get("w")).containsExactly(new float[] {a2, b2}, within(1e-6f));
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new ServerOptimizer(ServerOptimizer.Kind.MOMENTUM, 1f, 1f, 0, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("--server-momentum");
        assertThatThrownBy(() -> new ServerOptimizer(ServerOptimizer.Kind.ADAM, 0.01f, 0.9f, 0.99f, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("--server-tau");
    }
}
