package dev.seqmind.data.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatasetStatsTest {
    /** Users of lengths 1, 2, 3, 6; items a..d with 7, 3, 1, 1 events; 10 pv and 2 buy. */
    private static SequenceDataset sample(TimeKind kind) {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("toy", kind));
        long day = 86_400_000L;
        b.add("u1", "a", "pv", 0);
        b.add("u2", "a", "pv", day).add("u2", "b", "buy", 2 * day);
        b.add("u3", "a", "pv", 0).add("u3", "b", "pv", 1).add("u3", "c", "pv", 2);
        for (int i = 0; i < 4; i++) {
            b.add("u4", "a", "pv", 10 * day + i);
        }
        b.add("u4", "b", "pv", 10 * day + 5).add("u4", "d", "buy", 10 * day + 6);
        return b.build();
    }

    @Test
    void computesSizesLengthsPopularityActionsAndTime() {
        DatasetStats s = DatasetStats.of(sample(TimeKind.EPOCH_MILLIS));
        assertThat(s.users()).isEqualTo(4);
        assertThat(s.items()).isEqualTo(4);
        assertThat(s.interactions()).isEqualTo(12);
        assertThat(s.density()).isCloseTo(12 / 16.0, within(1e-12));
        DatasetStats.LengthStats l = s.lengths();
        assertThat(l.min()).isEqualTo(1);
        assertThat(l.max()).isEqualTo(6);
        assertThat(l.median()).isEqualTo(2.5); // {1, 2, 3, 6}
        assertThat(l.mean()).isEqualTo(3.0);
        assertThat(l.p90()).isCloseTo(3 + 0.7 * 3, within(1e-12)); // h = 2.7
        assertThat(l.histogram()).containsExactly(new DatasetStats.Bucket(1, 1, 1), new DatasetStats.Bucket(2, 2, 1),
                new DatasetStats.Bucket(3, 4, 1), new DatasetStats.Bucket(5, 8, 1));
        DatasetStats.PopularityStats p = s.popularity();
        assertThat(p.maxItemEvents()).isEqualTo(7);
        assertThat(p.top1PercentShare()).isCloseTo(7 / 12.0, within(1e-12));
        assertThat(p.top20PercentShare()).isCloseTo(7 / 12.0, within(1e-12)); // ceil(0.8) = 1 item
        // sorted {1, 1, 3, 7}: 2 * (1 + 2 + 9 + 28) / (4 * 12) - 5 / 4 = 80 / 48 - 1.25
        assertThat(p.gini()).isCloseTo(80 / 48.0 - 1.25, within(1e-12));
        assertThat(p.itemsWithoutEvents()).isZero();
        assertThat(s.actions()).containsExactly(new DatasetStats.ActionCount("pv", 10, 10 / 12.0),
                new DatasetStats.ActionCount("buy", 2, 2 / 12.0));
        assertThat(s.time().firstIso()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(s.time().lastIso()).isEqualTo("1970-01-11T00:00:00.006Z");
        assertThat(s.time().days()).isCloseTo(10, within(1e-6));
    }

    @Test
    void ordinalTimesHaveNoIsoAndEmptyUsersGetABucket() {
        SequenceDataset d = sample(TimeKind.ORDINAL);
        DatasetStats s = DatasetStats.of(d.prefixes(new int[] {0, 2, 3, 6}));
        assertThat(s.time().firstIso()).isEmpty();
        assertThat(s.lengths().histogram().get(0)).isEqualTo(new DatasetStats.Bucket(0, 0, 1));
        assertThat(s.lengths().min()).isZero();
    }

    @Test
    void rendersAlignedTextAndJson() throws IOException {
        DatasetStats s = DatasetStats.of(sample(TimeKind.EPOCH_MILLIS));
        String text = StatsRenderer.text(s);
        assertThat(text).contains("users             4").contains("interactions      12")
                .contains("Gini 0.417").contains("1970-01-01T00:00:00Z");
        assertThat(text.lines().filter(x -> x.startsWith("actions") || x.startsWith("                  buy")))
                .hasSize(2);
        JsonNode json = new ObjectMapper().readTree(StatsRenderer.json(s));
        assertThat(json.get("interactions").asLong()).isEqualTo(12);
        assertThat(json.at("/lengths/median").asDouble()).isEqualTo(2.5);
        assertThat(json.at("/popularity/gini").asDouble()).isCloseTo(80 / 48.0 - 1.25, within(1e-12));
        assertThat(json.at("/actions/1/action").asText()).isEqualTo("buy");
        assertThat(json.at("/time/lastIso").asText()).isEqualTo("1970-01-11T00:00:00.006Z");
    }

    @Test
    void emptyDatasetHasZerosNotErrors() {
        SequenceDataset d = new SequenceDatasetBuilder(DatasetInfo.of("empty", TimeKind.EPOCH_MILLIS)).build();
        DatasetStats s = DatasetStats.of(d);
        assertThat(s.interactions()).isZero();
        assertThat(s.lengths().histogram()).isEmpty();
        assertThat(StatsRenderer.text(s)).contains("no events");
    }
}
