package dev.seqmind.data.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongDenseIdsTest {

    @Test
    void numbersKeysInFirstSeenOrderLikeAHashMapThroughManyRehashes() {
        SplittableRandom r = new SplittableRandom(3);
        LongDenseIds ids = new LongDenseIds(1);
        Map<Long, Integer> oracle = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // Negative keys, the empty marker's value and clustered keys must all work.
            long key = switch (i % 4) {
                case 0 -> r.nextLong();
                case 1 -> -1L - r.nextInt(1000);
                case 2 -> r.nextInt(5000);
                default -> (long) r.nextInt(1000) << 32;
            };
            int expected = oracle.computeIfAbsent(key, k -> oracle.size());
            assertThat(ids.getOrAdd(key)).isEqualTo(expected);
        }
        assertThat(ids.size()).isEqualTo(oracle.size());
        oracle.forEach((k, v) -> {
            assertThat(ids.get(k)).isEqualTo(v);
            assertThat(ids.key(v)).isEqualTo(k);
        });
        assertThat(ids.get(Long.MIN_VALUE + 7)).isEqualTo(oracle.getOrDefault(Long.MIN_VALUE + 7, LongDenseIds.ABSENT));
    }

    @Test
    void ofKeepsTheGivenOrderAndRefusesRepeats() {
        LongDenseIds ids = LongDenseIds.of(new long[] {42, -1, 7});
        assertThat(ids.get(-1)).isEqualTo(1);
        assertThat(ids.key(2)).isEqualTo(7);
        assertThat(ids.get(8)).isEqualTo(LongDenseIds.ABSENT);
        assertThatThrownBy(() -> LongDenseIds.of(new long[] {1, 2, 1})).hasMessageContaining("key 1 appears twice");
        assertThatThrownBy(() -> ids.key(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
