package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Trainers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ColdBlendTest {
    /** Four items with 2-d unit text vectors; item 3 has no text. */
    private static ItemVectors vectors() {
        float s = (float) Math.sqrt(0.5);
        float[] m = {1, 0, 0, 1, s, s, 0, 0};
        return new ItemVectors("test", 2, m, new boolean[] {true, true, true, false},
                new ItemVectors.Stats(4, 1, 0, 0, 0, 0));
    }

    /** One rule: after item 0, item 1 with confidence 0.4. */
    private static final NextItemRules RULES = (history, out) -> {
        java.util.Arrays.fill(out, 0f);
        for (int h : history) {
            if (h == 0) {
                out[1] = 0.4f;
            }
        }
    };

    private static ColdBlendRecommender blend(double t, double r, double p) {
        return new ColdBlendRecommender("cold-blend", IdMap.sequential(4, 0), new float[] {0.1f, 0.2f, 0.3f, 0.8f},
                vectors(), RULES, new ColdBlendWeights(t, r, p));
    }

    @Test
    void scoresAreTheWeightedSumOfTextRulesAndPopularity() {
        float[] out = new float[4];
        blend(0.5, 0.3, 0.2).score(new int[] {0}, out);
        float c = (float) Math.sqrt(0.5);
        // item 0: text 1, rule 0, pop 0.1; item 1: text 0, rule 0.4; item 2: text cos 45 deg; item 3: no text
        assertThat(out[0]).isCloseTo(0.5f * 1 + 0.2f * 0.1f, within(1e-6f));
        assertThat(out[1]).isCloseTo(0.3f * 0.4f + 0.2f * 0.2f, within(1e-6f));
        assertThat(out[2]).isCloseTo(0.5f * c + 0.2f * 0.3f, within(1e-6f));
        assertThat(out[3]).isCloseTo(0.2f * 0.8f, within(1e-6f));
        // two history items: the text part is the mean cosine
        blend(1, 0, 0).score(new int[] {0, 1}, out);
        assertThat(out[2]).isCloseTo(c, within(1e-6f));
        assertThat(out[0]).isCloseTo(0.5f, within(1e-6f));
        // popularity alone for an empty history; a live popularity replaces the training one
        blend(0.5, 0.3, 0.2).score(new int[0], out);
        assertThat(out[3]).isCloseTo(0.16f, within(1e-6f));
        blend(0, 0, 1).blend(new int[] {0}, new float[] {0, 0, 0.5f, 0}, out);
        assertThat(out).containsExactly(0f, 0f, 0.5f, 0f);
    }

    @Test
    void theExplanationNamesTheLargestPart() {
        assertThat(blend(0.5, 0.3, 0.2).explain(new int[] {0}, 1).kind()).isEqualTo("rule");
        assertThat(blend(0.5, 0.3, 0.2).explain(new int[] {0}, 2).kind()).isEqualTo("content");
        assertThat(blend(0.5, 0.3, 0.2).explain(new int[] {0}, 3).kind()).isEqualTo("popularity");
    }

    @Test
    void weightsAreParsedFromTheModelNameAndChecked() {
        assertThat(ColdBlendWeights.parse("0.2:0.6:0.2")).isEqualTo(new ColdBlendWeights(0.2, 0.6, 0.2));
        assertThatThrownBy(() -> ColdBlendWeights.parse("0.2:0.6")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ColdBlendWeights.parse("a:b:c")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new ColdBlendWeights(0, 0, 0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new ColdBlendWeights(1.5, 0, 0)).isInstanceOf(InvalidParameterException.class);
        assertThat(Trainers.byName("cold-blend")).isInstanceOf(ColdBlendTrainer.class)
                .extracting(t -> t.name()).isEqualTo("cold-blend");
        assertThat(Trainers.byName("cold-blend:0.2:0.6:0.2@bge-small-zh")).isInstanceOf(ColdBlendTrainer.class)
                .extracting(t -> ((ColdBlendTrainer) t).text().model(), t -> t.name())
                .containsExactly(TextModelSpec.BGE_SMALL_ZH, "cold-blend:0.2:0.6:0.2");
        assertThat(Trainers.names()).contains("cold-blend");
        assertThat(List.of(ColdBlendWeights.DEFAULTS.text(), ColdBlendWeights.DEFAULTS.rules(),
                ColdBlendWeights.DEFAULTS.popularity())).allMatch(w -> w >= 0 && w <= 1);
    }
}
