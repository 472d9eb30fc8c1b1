package dev.seqmind.data.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceDatasetBuilderTest {
    private static SequenceDatasetBuilder builder() {
        return new SequenceDatasetBuilder(DatasetInfo.of("t", TimeKind.EPOCH_MILLIS));
    }

    @Test
    void groupsByUserAndOrdersByTimeKeepingFileOrderForTies() {
        SequenceDataset d = builder()
                .add("u2", "x", "view", 5)
                .add("u1", "a", "view", 30)
                .add("u1", "b", "view", 10)
                .add("u1", "c", "buy", 10)
                .add("u2", "a", "view", 1)
                .build();
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(4);
        int u1 = d.users().denseId("u1");
        int[] items = d.itemsOf(u1);
        assertThat(items).containsExactly(d.items().denseId("b"), d.items().denseId("c"), d.items().denseId("a"));
        assertThat(d.timesOf(u1)).containsExactly(10, 10, 30);
        assertThat(d.actions().externalId(d.actionsOf(u1)[1])).isEqualTo("buy");
        int u2 = d.users().denseId("u2");
        assertThat(d.itemsOf(u2)).containsExactly(d.items().denseId("a"), d.items().denseId("x"));
    }

    @Test
    void sortsLongSequencesStably() {
        SequenceDatasetBuilder b = builder();
        for (int i = 0; i < 1000; i++) {
            b.add("u", "i" + i, "view", (1000 - i) / 3);
        }
        SequenceDataset d = b.build();
        long[] t = d.timesOf(0);
        int[] items = d.itemsOf(0);
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThanOrEqualTo(t[i - 1]);
            if (t[i] == t[i - 1]) {
                int prev = Integer.parseInt(d.items().externalId(items[i - 1]).substring(1));
                int cur = Integer.parseInt(d.items().externalId(items[i]).substring(1));
                assertThat(cur).isGreaterThan(prev);
            }
        }
    }

    @Test
    void prefixesKeepIdMaps() {
        SequenceDataset d = builder().add("u", "a", "v", 1).add("u", "b", "v", 2).add("w", "c", "v", 1).build();
        SequenceDataset p = d.prefixes(new int[] {1, 0});
        assertThat(p.items()).isEqualTo(d.items());
        assertThat(p.numInteractions()).isEqualTo(1);
        assertThat(p.length(1)).isZero();
    }

    @Test
    void buildTwiceIsRejected() {
        SequenceDatasetBuilder b = builder();
        b.build();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }
}
