package dev.seqmind.neural.srgnn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Session graphs against adjacency matrices worked out by hand. */
class SessionGraphTest {

    @Test
    void nodesInFirstAppearanceOrderAndBothAdjacenciesNormalisedByDegree() {
        // 5 -> 7 -> 5 -> 9 -> 7: edges 5->7, 7->5, 5->9, 9->7; nodes 0 = 5, 1 = 7, 2 = 9
        SessionGraph g = SessionGraph.of(new int[] {1, 5, 7, 5, 9, 7, 8}, 1, 6);
        assertThat(g.nodes()).containsExactly(5, 7, 9);
        assertThat(g.alias()).containsExactly(0, 1, 0, 2, 1);
        // in[a][b] = edge(b -> a) / indegree(a): node 7 is entered from 5 and 9
        assertThat(g.in()).containsExactly(
                0, 1, 0,
                0.5f, 0, 0.5f,
                1, 0, 0);
        // out[a][b] = edge(a -> b) / outdegree(a): node 5 leaves to 7 and 9
        assertThat(g.out()).containsExactly(
                0, 0.5f, 0.5f,
                1, 0, 0,
                0, 1, 0);
    }

    @Test
    void aRepeatedTransitionCountsOnceAndARepeatIsASelfLoop() {
        SessionGraph g = SessionGraph.of(new int[] {1, 2, 1, 2}, 0, 4);
        assertThat(g.nodes()).containsExactly(1, 2);
        assertThat(g.in()).containsExactly(0, 1, 1, 0);
        assertThat(g.out()).containsExactly(0, 1, 1, 0);

        SessionGraph loop = SessionGraph.of(new int[] {4, 4, 3}, 0, 3);
        assertThat(loop.nodes()).containsExactly(4, 3);
        assertThat(loop.in()).containsExactly(1, 0, 1, 0);
        assertThat(loop.out()).containsExactly(0.5f, 0.5f, 0, 0);
    }

    @Test
    void singleItemAndEmptyHistories() {
        SessionGraph one = SessionGraph.of(new int[] {6}, 0, 1);
        assertThat(one.nodes()).containsExactly(6);
        assertThat(one.in()).containsExactly(0);
        assertThat(SessionGraph.of(new int[] {6}, 0, 0).size()).isZero();
    }

    @Test
    void batchPadsNodesAndPositionsAndPointsAtEachGraphsOwnNodes() {
        GraphBatch b = GraphBatch.of(List.of(SessionGraph.of(new int[] {3, 4, 3}, 0, 3),
                SessionGraph.of(new int[] {0, 1, 2, 0}, 0, 4)));
        assertThat(b.nodes()).isEqualTo(3);
        assertThat(b.length()).isEqualTo(4);
        assertThat(b.tokens()).containsExactly(4, 5, 0, 1, 2, 3);
        assertThat(b.positions()).containsExactly(0, 1, 0, 0, 3, 4, 5, 3);
        assertThat(b.mask()).containsExactly(1, 1, 1, 0, 1, 1, 1, 1);
        assertThat(b.last()).containsExactly(0, 3);
        // graph 0's 2x2 adjacency sits in the top-left corner of its padded 3x3 block
        assertThat(java.util.Arrays.copyOfRange(b.out(), 0, 9)).containsExactly(0, 1, 0, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void cutPointsAreDistinctAndAllWhenFew() {
        assertThat(SrGnnNetwork.cutPoints(4, 8, new SplittableRandom(1))).containsExactly(1, 2, 3);
        int[] some = SrGnnNetwork.cutPoints(40, 5, new SplittableRandom(1));
        assertThat(some).hasSize(5).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(some).allMatch(c -> c >= 1 && c < 40)).isTrue();
    }
}
