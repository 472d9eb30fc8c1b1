package dev.seqmind.insight;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;

import java.util.List;
import java.util.Map;

/** Small hand-made datasets whose features can be worked out on paper. */
public final class TinyData {
    public static final long MIN = 60_000L;
    public static final long DAY = 86_400_000L;

    private TinyData() {
    }

    /**
     * Three users. u1: pv a (t0), cart a (t0+1min), buy a (t0+2min), then pv b two days later.
     * u2: pv b, pv c (same day, 10 min apart). u3: pv a (t0 + 3 days), the dataset's last event.
     * Items a and b are Sports, c is Books.
     */
    public static SequenceDataset shop() {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("tiny", TimeKind.EPOCH_MILLIS));
        long t0 = 1_700_000_000_000L - (1_700_000_000_000L % DAY);
        b.add("u1", "a", "pv", t0);
        b.add("u1", "a", "cart", t0 + MIN);
        b.add("u1", "a", "buy", t0 + 2 * MIN);
        b.add("u1", "b", "pv", t0 + 2 * DAY);
        b.add("u2", "b", "pv", t0);
        b.add("u2", "c", "pv", t0 + 10 * MIN);
        b.add("u3", "a", "pv", t0 + 3 * DAY);
        b.catalog(new ItemCatalog(Map.of(
                "a", new ItemMetadata("Tent", List.of("Sports"), "", Map.of()),
                "b", new ItemMetadata("Lamp", List.of("Sports"), "", Map.of()),
                "c", new ItemMetadata("Novel", List.of("Books"), "", Map.of()))));
        return b.build();
    }
}
