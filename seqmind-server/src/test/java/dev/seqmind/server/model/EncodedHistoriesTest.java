package dev.seqmind.server.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One slot per user, hit only for the very history it was computed from, bounded by least recent use. */
class EncodedHistoriesTest {
    @Test
    void aSlotAnswersOnlyForTheHistoryItWasComputedFrom() {
        EncodedHistories c = new EncodedHistories(10);
        float[] v = {1f, 2f};
        c.put("u", new int[] {3, 4}, v);
        assertThat(c.get("u", new int[] {3, 4})).isSameAs(v);
        assertThat(c.get("u", new int[] {3, 4, 5})).isNull(); // an event arrived
        assertThat(c.get("u", new int[] {4, 3})).isNull();
        assertThat(c.get("v", new int[] {3, 4})).isNull();
        assertThat(c.hits()).isEqualTo(1);
        assertThat(c.misses()).isEqualTo(3);
        float[] w = {5f, 6f};
        c.put("u", new int[] {3, 4, 5}, w); // replaces the user's slot
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.get("u", new int[] {3, 4})).isNull();
        assertThat(c.get("u", new int[] {3, 4, 5})).isSameAs(w);
        c.forget("u");
        assertThat(c.get("u", new int[] {3, 4, 5})).isNull();
        assertThat(c.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        EncodedHistories c = new EncodedHistories(16); // one user a stripe
        for (int u = 0; u < 1_000; u++) {
            c.put("user-" + u, new int[] {u}, new float[] {u});
            assertThat(c.get("user-" + u, new int[] {u})).containsExactly((float) u);
        }
        assertThat(c.size()).isLessThanOrEqualTo(16);
        assertThat(c.get("user-999", new int[] {999})).containsExactly(999f);
        assertThat(c.get("user-0", new int[] {0})).isNull();
        assertThatThrownBy(() -> new EncodedHistories(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
