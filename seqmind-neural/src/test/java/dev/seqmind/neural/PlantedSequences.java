package dev.seqmind.neural;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;

import java.util.SplittableRandom;

/** Synthetic data with a deterministic pattern: item k is always followed by item (k + 1) mod numItems. */
public final class PlantedSequences {
    private PlantedSequences() {
    }

    public static SequenceDataset successor(int users, int numItems, int minLen, int maxLen, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("planted", dev.seqmind.data.model.TimeKind.ORDINAL));
        // register items in id order so dense id == item number
        for (int i = 0; i < numItems; i++) {
            b.itemIds().getOrAdd("i" + i);
        }
        for (int u = 0; u < users; u++) {
            int len = minLen + rng.nextInt(maxLen - minLen + 1);
            int item = rng.nextInt(numItems);
            for (int t = 0; t < len; t++) {
                b.add("u" + u, "i" + item, "view", t);
                item = (item + 1) % numItems;
            }
        }
        return b.build();
    }
}
