package dev.seqmind.rec.retrain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading recorded settings back into records, including a record nested in a record's text. */
class TrainerRebuildRecordTest {
    record Inner(double probability, int crop) { }

    record Outer(double weight, Inner views, String name) { }

    record Config(int epochs, Outer objective) { }

    @Test
    void aNestedRecordsTextIsReadBackWhole() {
        Config want = new Config(3, new Outer(0.5, new Inner(1.0, 2), "x"));
        Config got = TrainerRebuild.record(Config.class, "training.",
                Map.of("training.epochs", "3", "training.objective", want.objective().toString()));
        assertThat(got).isEqualTo(want);
    }

    @Test
    void unbalancedTextIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> TrainerRebuild.record(Config.class, "training.",
                Map.of("training.epochs", "3", "training.objective", "Outer[weight=0.5, views=Inner[crop=2], name=x]]")))
                .hasMessageContaining("training.objective");
    }
}
