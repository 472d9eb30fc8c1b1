package dev.seqmind.mining.sequence;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subtree seam: shares that partition the items find every pattern of the whole search exactly once. */
class MineSubtreesTest {
    @Test
    void sharesOfAnItemPartitionTogetherFindEveryPatternOnce() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (PatternConstraints c : List.of(PatternConstraints.NONE, PatternConstraints.NONE.withMaxGap(1))) {
            SequenceDatabase db = randomDatabase(rnd, 200, 10);
            SequenceMiningParams params = SequenceMiningParams.of(MinSupport.count(8)).withConstraints(c);
            Map<String, Long> whole = patterns(db, params, null);
            int[] counts = db.sequenceCounts();
            Integer[] byRank = new Integer[counts.length];
            Arrays.setAll(byRank, i -> i);
            Arrays.sort(byRank, (a, b) -> counts[a] != counts[b] ? counts[b] - counts[a] : a - b);
            int[] order = new int[counts.length];
            for (int r = 0; r < byRank.length; r++) {
                order[byRank[r]] = r;
            }
            Map<String, Long> union = new TreeMap<>();
            for (int share = 0; share < 3; share++) {
                int s = share;
                int[] roots = java.util.stream.IntStream.range(0, counts.length).filter(i -> i % 3 == s).toArray();
                patterns(db, params, new SubtreeShare(order, roots)).forEach((k, v) ->
                        assertThat(union.put(k, v)).as("found by two shares: %s", k).isNull());
            }
            assertThat(whole).isNotEmpty();
            assertThat(union).isEqualTo(whole);
        }
    }

    @Test
    void refusesFractionsAndWholeSearchOutputs() {
        SequenceDatabase db = randomDatabase(new SplittableRandom(1), 10, 4);
        SubtreeShare share = new SubtreeShare(new int[] {0, 1, 2, 3}, new int[] {0});
        assertThatThrownBy(() -> SequentialPatternMiner.mineSubtrees(db,
                SequenceMiningParams.of(MinSupport.fraction(0.5)), share, new CollectingSink()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("minSupport");
        assertThatThrownBy(() -> SequentialPatternMiner.mineSubtrees(db,
                SequenceMiningParams.of(MinSupport.count(2)).withOutput(OutputKind.CLOSED), share,
                new CollectingSink())).isInstanceOf(InvalidParameterException.class).hasMessageContaining("output");
    }

    private static Map<String, Long> patterns(SequenceDatabase db, SequenceMiningParams params, SubtreeShare share) {
        CollectingSink sink = new CollectingSink();
        if (share == null) {
            SequentialPatternMiner.mine(db, params, sink);
        } else {
            SequentialPatternMiner.mineSubtrees(db, params, share, sink);
        }
        Map<String, Long> out = new TreeMap<>();
        for (Pattern p : sink.patterns()) {
            out.put(Arrays.toString(p.items()), p.support());
        }
        return out;
    }

    private static SequenceDatabase randomDatabase(SplittableRandom rnd, int sequences, int alphabet) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        List<int[]> elements = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            int sets = 1 + rnd.nextInt(7);
            for (int k = 0; k < sets; k++) {
                java.util.TreeSet<Integer> items = new java.util.TreeSet<>();
                for (int j = 1 + rnd.nextInt(3); j > 0; j--) {
                    items.add((int) Math.sqrt(rnd.nextInt(alphabet * alphabet)));
                }
                for (int item : items) {
                    elements.add(new int[] {item, k});
                }
            }
            starts.add(elements.size());
        }
        return new SequenceDatabase("random", starts.stream().mapToInt(Integer::intValue).toArray(),
                elements.stream().mapToInt(e -> e[0]).toArray(), elements.stream().mapToInt(e -> e[1]).toArray(),
                null, IdMap.sequential(alphabet, 0), new ItemCatalog(Map.of()));
    }
}
