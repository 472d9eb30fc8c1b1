package dev.seqmind.data.split;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColdItemSplitterTest {
    static SequenceDataset data(int numItems, int[][] seqs) {
        var items = new IdMap.Builder();
        for (int i = 0; i < numItems; i++) {
            items.getOrAdd("i" + i);
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("t", TimeKind.ORDINAL), 64, new IdMap.Builder(), items,
                new IdMap.Builder());
        long t = 0;
        for (int u = 0; u < seqs.length; u++) {
            for (int item : seqs[u]) {
                b.add("u" + u, "i" + item, "view", t++);
            }
        }
        return b.build();
    }

    @Test
    void heldOutItemsHaveNoTrainingEventAndCasesAreLeaveOneOut() {
        SequenceDataset d = data(20, new int[][] {{0, 1, 2, 3, 4, 5}, {5, 6, 7, 8}, {9, 10, 11, 12, 13, 14, 15},
                {16, 17, 18, 19, 0, 1}});
        ColdItemSplitter s = new ColdItemSplitter(0.25, 7);
        boolean[] held = s.heldOut(20);
        int heldCount = 0;
        for (boolean h : held) {
            heldCount += h ? 1 : 0;
        }
        assertThat(heldCount).isEqualTo(5);
        Split split = s.split(d);
        int[] trainCounts = split.trainForTest().itemCounts();
        int[] all = d.itemCounts();
        for (int i = 0; i < 20; i++) {
            if (held[i]) {
                assertThat(trainCounts[i]).as("item " + i).isZero();
            } else {
                // every other event but the users' last ones stays
                assertThat(trainCounts[i]).as("item " + i).isGreaterThanOrEqualTo(all[i] - 1);
            }
        }
        assertThat(split.test()).hasSize(4);
        assertThat(split.test().get(1)).isEqualTo(new EvalCase(1, 3, new int[] {8}));
        assertThat(split.history(split.test().get(1))).containsExactly(5, 6, 7);
        // the same seed holds out the same items
        assertThat(new ColdItemSplitter(0.25, 7).heldOut(20)).containsExactly(held);
    }
}
