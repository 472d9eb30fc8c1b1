package dev.seqmind.server.dashboard;

import dev.seqmind.server.store.Event;
import dev.seqmind.server.store.EventStore;
import dev.seqmind.server.store.EventStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The summary of a real SQLite store against counts worked out by hand. */
class StoreSummaryTest {
    @Test
    void lengthBucketsArePowersOfTwo() {
        assertThat(List.of(1L, 2L, 3L, 4L, 5L, 8L, 9L).stream().map(StoreSummary::bucketOf).toList())
                .containsExactly(0, 1, 2, 2, 3, 3, 4);
    }

    @Test
    void giniOfEqualCountsIsZeroAndOfOneToThreeIsAQuarter() {
        Map<String, long[]> equal = new HashMap<>(Map.of("a", new long[]{2}, "b", new long[]{2}));
        assertThat(StoreSummary.gini(equal)).isEqualTo(0);
        // ascending (1, 3), m = 2: ((2-3)*1 + (4-3)*3) / (2 * 4) = 0.25
        Map<String, long[]> skewed = new HashMap<>(Map.of("a", new long[]{1}, "b", new long[]{3}));
        assertThat(StoreSummary.gini(skewed)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void summarisesTheStoredEvents(@TempDir Path dir) {
        try (EventStore store = EventStores.open(dir.resolve("e.sqlite").toString())) {
            long t = 1_700_000_000_000L; // a minute boundary plus 20 s
            List<Event> events = new ArrayList<>();
            // a: 1 event; b: 3 events; c: 5 events. Item x is in every sequence (9 - 2 = 7 times), y twice.
            events.add(new Event("a", "x", "view", t, null));
            for (int i = 0; i < 3; i++) {
                events.add(new Event("b", i == 2 ? "y" : "x", i == 2 ? "buy" : "view", t + 60_000 * i, null));
            }
            for (int i = 0; i < 5; i++) {
                events.add(new Event("c", i == 4 ? "y" : "x", "view", t + 60_000 * i, null));
            }
            store.append(events, null);
            StoreSummary s = StoreSummary.of(store);
            assertThat(s.events()).isEqualTo(9);
            assertThat(s.users()).isEqualTo(3);
            assertThat(s.items()).isEqualTo(2);
            assertThat(s.lengths()).containsExactly(Map.entry("1", 1L), Map.entry("2", 0L), Map.entry("3-4", 1L),
                    Map.entry("5-8", 1L));
            assertThat(s.tail()).extracting(p -> p[0] + ":" + p[1]).containsExactly("1:7", "2:2");
            assertThat(s.topShare().get("1%")).isCloseTo(7.0 / 9, within(1e-12));
            assertThat(s.actions()).containsExactly(Map.entry("buy", 1L), Map.entry("view", 8L));
            assertThat(s.bucketMillis()).isEqualTo(60_000); // a 4-minute span fits minutes
            assertThat(s.timeline()).hasSize(5);
            assertThat(s.timeline().values().iterator().next()).containsExactly(Map.entry("view", 3L));
            assertThat(s.recentUsers()).containsExactly("c", "b", "a");
        }
    }
}
