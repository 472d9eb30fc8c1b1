package dev.seqmind.server.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentPopularityTest {
    @Test
    void forgettingAUserTakesBackTheirEventsAndTheirSlotsAgeOut() {
        RecentPopularity p = new RecentPopularity(4);
        p.add(1, "a");
        p.add(2, "gone");
        p.add(2, "gone");
        p.add(1, "b");
        assertThat(p.top(3)[0]).containsExactly(1, 2);
        p.forget("gone");
        assertThat(p.top(3)[0]).containsExactly(1);
        assertThat(p.top(3)[1]).containsExactly(2);
        assertThat(p.events()).isEqualTo(2);
        p.add(3, "c"); // overwrites a's slot
        p.add(3, "c"); // overwrites an emptied slot
        assertThat(p.events()).isEqualTo(3);
        assertThat(p.top(3)[0]).containsExactly(3, 1);
        assertThat(p.top(3)[1]).containsExactly(2, 1);
    }
}
