package dev.seqmind.rec.abtest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbAnalysisTest {
    private final AbAnalysis analysis = new AbAnalysis(0.05, 0.95, new Msprt(0.01));

    @Test
    void aClearDifferenceNamesTheWinner() {
        // 500/10000 vs 600/10000: p = 1/23.94395 = 0.041764 (see MsprtTest) <= 0.05
        var r = analysis.analyze(List.of(new AbAnalysis.Arm("pop", 10_000, 500, 40),
                new AbAnalysis.Arm("markov1", 10_000, 600, 55)), null);
        assertThat(r.verdict().decision()).isEqualTo(AbAnalysis.SIGNIFICANT);
        assertThat(r.verdict().winner()).isEqualTo("markov1");
        assertThat(r.verdict().pValue()).isCloseTo(0.041764, within(1e-5));
        assertThat(r.verdict().text()).startsWith("markov1 wins on CTR: CTR markov1 6.00%");
        assertThat(r.arms().get(1).ctr()).isEqualTo(0.06);
        assertThat(r.arms().get(1).conversionRate()).isEqualTo(0.0055);
        assertThat(r.comparisons().get(0).difference()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void controlCanWinAndTheRunningMinimumIsKept() {
        var r = analysis.analyze(List.of(new AbAnalysis.Arm("a", 10_000, 600, 0),
                new AbAnalysis.Arm("b", 10_000, 500, 0)), null);
        assertThat(r.verdict().winner()).isEqualTo("a");
        // a later look with less evidence keeps the earlier, smaller p-value
        var later = analysis.analyze(List.of(new AbAnalysis.Arm("a", 20_000, 1000, 0),
                new AbAnalysis.Arm("b", 20_000, 1000, 0)), r.pValues());
        assertThat(later.verdict().pValue()).isCloseTo(0.041764, within(1e-5));
    }

    @Test
    void noEvidenceMeansContinueAndThreeArmsAreCorrected() {
        var r = analysis.analyze(List.of(new AbAnalysis.Arm("a", 1000, 100, 0),
                new AbAnalysis.Arm("b", 1000, 130, 0)), null);
        assertThat(r.verdict().decision()).isEqualTo(AbAnalysis.CONTINUE);
        assertThat(r.verdict().winner()).isNull();
        assertThat(r.verdict().pValue()).isCloseTo(0.589498, within(1e-5));
        var three = analysis.analyze(List.of(new AbAnalysis.Arm("a", 10_000, 500, 0),
                new AbAnalysis.Arm("b", 10_000, 600, 0), new AbAnalysis.Arm("c", 10_000, 500, 0)), null);
        // 0.041764 * 2 comparisons = 0.083528 > 0.05
        assertThat(three.verdict().pValue()).isCloseTo(0.083528, within(1e-5));
        assertThat(three.verdict().decision()).isEqualTo(AbAnalysis.CONTINUE);
        var empty = analysis.analyze(List.of(new AbAnalysis.Arm("a", 0, 0, 0), new AbAnalysis.Arm("b", 0, 0, 0)),
                null);
        assertThat(empty.verdict().decision()).isEqualTo(AbAnalysis.NO_DATA);
    }
}
