package dev.seqmind.insight.vector;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.TinyData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UserFeaturesTest {
    private final SequenceDataset data = TinyData.shop();
    private final ItemCategories cats = ItemCategories.of(data, 10);
    private final UserActivity activity = UserActivity.of(data);
    private final VectorTable table = UserFeatures.of(data, cats, activity);

    private double value(String user, String column) {
        return table.row(data.users().denseId(user))[table.columns().indexOf(column)];
    }

    @Test
    void categoriesAreRankedByEventWeight() {
        // Sports: a x4 + b x2 = 6 events; Books: c x1
        assertThat(cats.names()).containsExactly("Sports", "Books");
        assertThat(cats.primary(data.items().denseId("c"))).isEqualTo(1);
    }

    @Test
    void actionMixAndCategoryProfileAreShares() {
        assertThat(value("u1", "action:pv")).isEqualTo(0.5);
        assertThat(value("u1", "action:cart")).isEqualTo(0.25);
        assertThat(value("u1", "action:buy")).isEqualTo(0.25);
        assertThat(value("u2", "category:Sports")).isEqualTo(0.5);
        assertThat(value("u2", "category:Books")).isEqualTo(0.5);
        assertThat(value("u3", "category:Sports")).isEqualTo(1.0);
    }

    @Test
    void recencyFrequencyAndSessionsFromTheClock() {
        int u1 = data.users().denseId("u1");
        assertThat(activity.recencyDays(u1)).isEqualTo(1.0); // last event day 2, dataset ends day 3
        assertThat(activity.sessions(u1)).isEqualTo(2);      // two days apart
        assertThat(activity.activeDays(u1)).isEqualTo(2);
        assertThat(activity.sessionMinutes(u1)).isEqualTo(1.0); // (2 min + 0 min) / 2 sessions
        assertThat(activity.distinctItems(u1)).isEqualTo(2);
        assertThat(value("u1", "log events")).isCloseTo(Math.log1p(4), within(1e-12));
        assertThat(value("u1", "distinct share")).isEqualTo(0.5);
        assertThat(value("u2", "log sessions")).isCloseTo(Math.log1p(1), within(1e-12));
        assertThat(value("u2", "log session minutes")).isCloseTo(Math.log1p(10), within(1e-12));
        assertThat(value("u3", "log recency days")).isEqualTo(0.0);
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndUnitDeviation() {
        VectorTable z = Standardizer.standardize(table);
        int j = z.columns().indexOf("log events");
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < z.size(); i++) {
            mean += z.row(i)[j] / z.size();
            sq += z.row(i)[j] * z.row(i)[j] / z.size();
        }
        assertThat(mean).isCloseTo(0, within(1e-12));
        assertThat(sq).isCloseTo(1, within(1e-12));
    }

    @Test
    void itemBehaviourVectorsCarryCategoryActionsAndPosition() {
        VectorTable items = ItemVectors.behaviour(data, cats);
        double[] a = items.row(data.items().denseId("a"));
        assertThat(a[items.columns().indexOf("category:Sports")]).isEqualTo(1.0);
        assertThat(a[items.columns().indexOf("action:buy")]).isEqualTo(0.25); // 1 of a's 4 events
        // a: u1 positions 0, 1/3, 2/3 and u3's single event (0.5) -> (0 + 1/3 + 2/3 + 0.5) / 4
        assertThat(a[items.columns().indexOf("mean position")]).isCloseTo(1.5 / 4, within(1e-12));
        VectorTable means = UserFeatures.meanOfItems(data, items);
        int u2 = data.users().denseId("u2");
        int j = items.columns().indexOf("category:Books");
        assertThat(means.row(u2)[j]).isEqualTo(0.5);
    }
}
