package dev.seqmind.data.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetFingerprintTest {
    private static SequenceDataset data(long lastTime, String lastUser) {
        return new SequenceDatasetBuilder(DatasetInfo.of("t", TimeKind.EPOCH_MILLIS))
                .add("u1", "a", "view", 1).add("u1", "b", "buy", 2).add(lastUser, "a", "view", lastTime).build();
    }

    @Test
    void equalContentGivesEqualFingerprint() {
        DatasetFingerprint a = DatasetFingerprint.of(data(5, "u2"));
        DatasetFingerprint b = DatasetFingerprint.of(data(5, "u2").withInfo(DatasetInfo.of("other", TimeKind.ORDINAL))
                .withCatalog(new ItemCatalog(Map.of("a", new ItemMetadata("A", List.of(), "", Map.of())))));
        assertThat(b).isEqualTo(a);
        assertThat(a.sha256()).hasSize(64);
        assertThat(a.users()).isEqualTo(2);
        assertThat(a.items()).isEqualTo(2);
        assertThat(a.actions()).isEqualTo(2);
        assertThat(a.events()).isEqualTo(3);
    }

    @Test
    void anyEventOrIdChangeChangesTheHash() {
        String base = DatasetFingerprint.of(data(5, "u2")).sha256();
        assertThat(DatasetFingerprint.of(data(6, "u2")).sha256()).isNotEqualTo(base);
        assertThat(DatasetFingerprint.of(data(5, "u3")).sha256()).isNotEqualTo(base);
    }

    @Test
    void longExternalIdsCrossTheHashBufferBoundary() {
        String longId = "x".repeat(200_000);
        SequenceDataset d = new SequenceDatasetBuilder(DatasetInfo.of("t", TimeKind.ORDINAL))
                .add(longId, "a", "v", 0).build();
        SequenceDataset e = new SequenceDatasetBuilder(DatasetInfo.of("t", TimeKind.ORDINAL))
                .add(longId + "y", "a", "v", 0).build();
        assertThat(DatasetFingerprint.of(d)).isEqualTo(DatasetFingerprint.of(d));
        assertThat(DatasetFingerprint.of(d)).isNotEqualTo(DatasetFingerprint.of(e));
    }
}
