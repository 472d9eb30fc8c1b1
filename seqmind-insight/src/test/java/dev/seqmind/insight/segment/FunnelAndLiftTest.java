package dev.seqmind.insight.segment;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.insight.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FunnelAndLiftTest {
    @Test
    void funnelCountsUsersWhoReachedEachStep() {
        // u1 viewed, carted and bought; u2 and u3 only viewed
        Funnel f = Funnel.of(TinyData.shop(), null);
        assertThat(f.stages()).extracting(Funnel.Stage::name).containsExactly("view", "cart", "buy");
        assertThat(f.stages()).extracting(Funnel.Stage::users).containsExactly(3, 1, 1);
        assertThat(f.stages().get(1).rate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f.stages().get(2).rate()).isEqualTo(1.0);
        SequenceDataset ratings = new SequenceDatasetBuilder(DatasetInfo.of("r", TimeKind.ORDINAL))
                .add("u", "i", "rating", 0).build();
        assertThat(Funnel.of(ratings, null).stages()).isEmpty();
    }

    @Test
    void liftComparesTheGroupsShareWithEveryonesShare() {
        // users 0-3 (the group) do a then b; users 4-7 do b then a; user 8 does a, c, b
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("l", TimeKind.ORDINAL));
        for (int u = 0; u < 9; u++) {
            String[] items = u < 4 ? new String[] {"a", "a", "b"} : u < 8 ? new String[] {"b", "a"}
                    : new String[] {"a", "c", "b"};
            for (int i = 0; i < items.length; i++) {
                b.add("u" + u, items[i], "view", i);
            }
        }
        SequenceDataset data = b.build();
        PatternLift lift = new PatternLift(data, 100, 3);
        assertThat(lift.steps(0)).hasSize(2); // the repeated a collapses
        List<LiftedPattern> top = lift.top(new int[] {0, 1, 2, 3}, 10, 5, 2);
        // "a b": all 4 group users, 5 of 9 overall -> lift (4/4) / (5/9) = 1.8
        assertThat(top).hasSize(1);
        assertThat(top.get(0).items()).containsExactly("a", "b");
        assertThat(top.get(0).groupUsers()).isEqualTo(4);
        assertThat(top.get(0).allUsers()).isEqualTo(5);
        assertThat(top.get(0).lift()).isCloseTo(1.8, within(1e-12));
        assertThat(lift.usersContaining(new int[] {data.items().denseId("b"), data.items().denseId("a")}, null))
                .containsExactly(4, 5, 6, 7);
    }
}
