package dev.seqmind.insight.similar;

import dev.seqmind.insight.vector.VectorTable;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SequenceSimilarityTest {
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 3;
    private static final int D = 4;

    @Test
    void handComputedLongestCommonSubsequences() {
        assertThat(SequenceSimilarity.lcsLength(new int[] {A, B, C}, new int[] {A, C, B})).isEqualTo(2);
        // ABCBDAB vs BDCABA: the textbook pair, LCS length 4 (e.g. BCBA)
        assertThat(SequenceSimilarity.lcsLength(new int[] {A, B, C, B, D, A, B},
                new int[] {B, D, C, A, B, A})).isEqualTo(4);
        assertThat(SequenceSimilarity.lcsSimilarity(new int[] {A, B, C}, new int[] {A, C, B}))
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(SequenceSimilarity.lcsSimilarity(new int[] {A, B}, new int[] {C, D})).isZero();
        assertThat(SequenceSimilarity.lcsSimilarity(new int[0], new int[0])).isEqualTo(1.0);
    }

    @Test
    void handComputedEditDistances() {
        // kitten -> sitting is 3 edits: k/s, e/i, +g
        int[] kitten = {'k', 'i', 't', 't', 'e', 'n'};
        int[] sitting = {'s', 'i', 't', 't', 'i', 'n', 'g'};
        assertThat(SequenceSimilarity.editDistance(kitten, sitting)).isEqualTo(3);
        assertThat(SequenceSimilarity.editSimilarity(kitten, sitting)).isCloseTo(1 - 3.0 / 7, within(1e-12));
        // order matters: ABC vs CBA needs two substitutions, though the item sets are equal
        assertThat(SequenceSimilarity.editDistance(new int[] {A, B, C}, new int[] {C, B, A})).isEqualTo(2);
        assertThat(SequenceSimilarity.editDistance(new int[0], new int[] {A, B})).isEqualTo(2);
    }

    @Property(tries = 200)
    void similaritiesAreSymmetricBoundedAndOneOnlyForEqualSequences(
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 3) Integer> x,
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 3) Integer> y) {
        int[] a = x.stream().mapToInt(Integer::intValue).toArray();
        int[] b = y.stream().mapToInt(Integer::intValue).toArray();
        for (SequenceMeasure m : SequenceMeasure.values()) {
            double s = m.similarity(a, b);
            assertThat(s).isEqualTo(m.similarity(b, a)).isBetween(0.0, 1.0);
            assertThat(s == 1.0).isEqualTo(x.equals(y));
        }
        // an LCS never exceeds the shorter length, and the edit distance is at least the length difference
        assertThat(SequenceSimilarity.lcsLength(a, b)).isLessThanOrEqualTo(Math.min(a.length, b.length));
        assertThat(SequenceSimilarity.editDistance(a, b)).isGreaterThanOrEqualTo(Math.abs(a.length - b.length));
        assertThat(SequenceSimilarity.lcsLength(a, b)).isEqualTo(bruteForceLcs(a, b, 0, 0));
    }

    /** Exponential recursion: the oracle for short sequences. */
    private static int bruteForceLcs(int[] a, int[] b, int i, int j) {
        if (i == a.length || j == b.length) {
            return 0;
        }
        if (a[i] == b[j]) {
            return 1 + bruteForceLcs(a, b, i + 1, j + 1);
        }
        return Math.max(bruteForceLcs(a, b, i + 1, j), bruteForceLcs(a, b, i, j + 1));
    }

    @Test
    void cosineNeighboursRankByAngleNotLength() {
        VectorTable t = new VectorTable("t", List.of("x", "y", "z", "w"), List.of("c0", "c1"), new double[][] {
                {1, 0}, {10, 1}, {0, 1}, {0, 0}});
        CosineNeighbours n = new CosineNeighbours(t);
        List<Neighbour> near = n.nearest(0, 3);
        assertThat(near).extracting(Neighbour::id).containsExactly("y", "z", "w");
        assertThat(near.get(0).similarity()).isCloseTo(10 / Math.sqrt(101), within(1e-12));
        assertThat(near.get(1).similarity()).isZero();
        assertThat(CosineNeighbours.cosine(new double[] {1, 1}, new double[] {-1, -1})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void sequenceNeighboursCollapseRepeatsAndRespectOrder() {
        assertThat(SequenceNeighbours.steps(new int[] {A, A, B, B, B, C, A}, 10)).containsExactly(A, B, C, A);
        assertThat(SequenceNeighbours.steps(new int[] {A, B, C, D}, 2)).containsExactly(C, D);
    }
}
