package dev.seqmind.mining.rules;

import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shares of a disjoint split of the first items, each mined on only the sequences holding one of its items, find every
 * rule of {@link SequentialRuleMiner#mine} exactly once, with the same support and confidence; the lift recomputed
 * from the whole log's consequent support is the miner's, bit for bit.
 */
class MineShareTest {

    @Property(tries = 200)
    void sharesOnProjectedSequencesFindEveryRuleOnce(
            @ForAll("databases") List<List<int[]>> seqs, @ForAll @IntRange(min = 1, max = 3) int parts,
            @ForAll @IntRange(min = 1, max = 3) int minSup, @ForAll @IntRange(min = 1, max = 3) int maxA,
            @ForAll @IntRange(min = 1, max = 3) int maxC, @ForAll @IntRange(min = 0, max = 2) int conf) {
        SequenceDatabase whole = SequentialRuleMinerTest.toDb(seqs);
        RuleParams params = RuleParams.of(MinSupport.count(minSup), conf * 0.4).withSizes(maxA, maxC);
        Map<String, SequentialRule> expected = new HashMap<>();
        SequentialRuleMiner.mine(whole, params, r -> expected.put(key(r), r));

        Map<String, SequentialRule> found = new HashMap<>();
        for (int p = 0; p < parts; p++) {
            int part = p;
            int[] roots = java.util.stream.IntStream.range(0, SequentialRuleMinerTest.ITEMS)
                    .filter(i -> i % parts == part).toArray();
            List<List<int[]>> projected = new ArrayList<>();
            for (List<int[]> s : seqs) {
                if (s.stream().flatMapToInt(Arrays::stream).anyMatch(i -> i % parts == part)) {
                    projected.add(s);
                }
            }
            if (projected.isEmpty()) {
                continue;
            }
            SequentialRuleMiner.mineShare(SequentialRuleMinerTest.toDb(projected), minSup, params, roots, r -> {
                SequentialRule whole2 = new SequentialRule(r.antecedent(), r.consequent(), r.support(),
                        r.confidence(), SequentialRule.lift(r.confidence(), consequentSupport(seqs, r.consequent()),
                        seqs.size()));
                assertThat(found.put(key(whole2), whole2)).as("found twice: %s", whole2).isNull();
            });
        }
        assertThat(found.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, SequentialRule> e : expected.entrySet()) {
            SequentialRule f = found.get(e.getKey());
            assertThat(f).isEqualTo(e.getValue());
            assertThat(Double.doubleToLongBits(f.lift())).isEqualTo(Double.doubleToLongBits(e.getValue().lift()));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<List<int[]>>> databases() {
        return new SequentialRuleMinerTest().databases();
    }

    private static long consequentSupport(List<List<int[]>> seqs, int[] consequent) {
        return seqs.stream().filter(s -> Arrays.stream(consequent).allMatch(c -> s.stream()
                .anyMatch(set -> Arrays.stream(set).anyMatch(x -> x == c)))).count();
    }

    private static String key(SequentialRule r) {
        return Arrays.toString(r.antecedent()) + "=>" + Arrays.toString(r.consequent());
    }
}
