package dev.seqmind.rec.abtest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {
    private static final long MIN = 60_000;

    @Test
    void creditsTheLatestRecommendationThatShowedTheItemInsideTheWindow() {
        Attribution a = new Attribution(30 * MIN, Set.of(), Set.of("buy"), 8);
        a.shown("u", "r1", 0, List.of("x", "y"), 0);
        a.shown("u", "r2", 0, List.of("y", "z"), 10 * MIN);
        // y is in both lists: the later one gets it
        assertThat(a.event("u", "y", "view", 11 * MIN)).contains(new Attribution.Hit("r2", 0, true, false));
        // x only in r1, 29 minutes after it: inside
        assertThat(a.event("u", "x", "view", 29 * MIN)).contains(new Attribution.Hit("r1", 0, true, false));
        // a second click on r1 is not a second click, but a buy on it converts
        assertThat(a.event("u", "x", "view", 29 * MIN + 1)).isEmpty();
        assertThat(a.event("u", "x", "buy", 29 * MIN + 2)).contains(new Attribution.Hit("r1", 0, false, true));
        // not recommended, or someone else
        assertThat(a.event("u", "w", "view", 12 * MIN)).isEmpty();
        assertThat(a.event("v", "y", "view", 12 * MIN)).isEmpty();
    }

    @Test
    void eventsOutsideTheWindowOrBeforeTheRecommendationAreNotCredited() {
        Attribution a = new Attribution(30 * MIN, Set.of(), Set.of("buy"), 8);
        a.shown("u", "r1", 1, List.of("x"), 100 * MIN);
        assertThat(a.event("u", "x", "view", 99 * MIN)).isEmpty(); // before it was shown
        assertThat(a.event("u", "x", "view", 130 * MIN + 1)).isEmpty(); // 30 min + 1 ms later
        assertThat(a.event("u", "x", "view", 130 * MIN)).contains(new Attribution.Hit("r1", 1, true, false));
        assertThat(a.expire(131 * MIN)).isZero();
        assertThat(a.recent("u")).isEmpty();
    }

    @Test
    void onlyConfiguredActionsCount() {
        Attribution a = new Attribution(30 * MIN, Set.of("click", "cart"), Set.of("buy"), 2);
        a.shown("u", "r1", 0, List.of("x"), 0);
        assertThat(a.event("u", "x", "view", 1)).isEmpty(); // a view is not a click here
        assertThat(a.event("u", "x", "cart", 2)).contains(new Attribution.Hit("r1", 0, true, false));
        // only the last 2 recommendations are kept
        a.shown("u", "r2", 0, List.of("q"), 3);
        a.shown("u", "r3", 0, List.of("q"), 4);
        assertThat(a.recent("u")).extracting(Attribution.Shown::recommendationId).containsExactly("r2", "r3");
        assertThat(a.event("u", "x", "buy", 5)).isEmpty();
    }
}
