package dev.seqmind.cli.tune;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule on a known score surface: a trial's validation NDCG is {@code trial / 100 + epochs / 1000}. */
class SuccessiveHalvingTest {
    private static TrialResult score(int trial, int rung, int epochs) {
        return new TrialResult(trial, rung, epochs, Map.of("t", "" + trial), trial / 100.0 + epochs / 1000.0, 0,
                epochs, 10);
    }

    @Test
    void rungsMultiplyByEtaAndEndAtTheMost() {
        assertThat(new SuccessiveHalving(9, 2, 18, 3, 1e9).rungs()).containsExactly(2, 6, 18);
        assertThat(new SuccessiveHalving(9, 2, 27, 3, 1e9).rungs()).containsExactly(2, 6, 18, 27);
        assertThat(new SuccessiveHalving(9, 5, 5, 3, 1e9).rungs()).containsExactly(5);
    }

    @Test
    void theBestThirdGoesOnAndTheBestOfTheLastRungWins() throws Exception {
        List<String> ran = new ArrayList<>();
        var outcome = new SuccessiveHalving(9, 2, 18, 3, 1e9).run(List.of(), (t, r, e) -> {
            ran.add(t + "@" + e);
            return score(t, r, e);
        }, r -> { });
        assertThat(ran).containsExactly("0@2", "1@2", "2@2", "3@2", "4@2", "5@2", "6@2", "7@2", "8@2",
                "8@6", "7@6", "6@6", "8@18");
        assertThat(outcome.best()).get().extracting(TrialResult::trial, TrialResult::epochs).containsExactly(8, 18);
        assertThat(outcome.budgetSpent()).isFalse();
    }

    @Test
    void loggedResultsAreNotRunAgainAndCountAgainstTheBudget() throws Exception {
        List<TrialResult> logged = List.of(score(0, 0, 2), score(1, 0, 2), score(2, 0, 2));
        List<String> ran = new ArrayList<>();
        // 30 s logged, each new rung 10 s: a 50 s budget lets two more start, then stops
        var outcome = new SuccessiveHalving(9, 2, 18, 3, 50).run(logged, (t, r, e) -> {
            ran.add(t + "@" + e);
            return score(t, r, e);
        }, r -> { });
        assertThat(ran).containsExactly("3@2", "4@2");
        assertThat(outcome.budgetSpent()).isTrue();
        assertThat(outcome.results()).hasSize(5);
        assertThat(outcome.best()).get().extracting(TrialResult::trial).isEqualTo(4);
    }
}
