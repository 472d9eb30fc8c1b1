package dev.seqmind.mining.privacy;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.itemset.FpGrowthMiner;
import dev.seqmind.mining.itemset.ItemsetParams;
import dev.seqmind.mining.itemset.TransactionDatabase;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PrivatePatternMinerTest {
    /** 300 users, 12 items with skewed popularity, 3 to 15 events each, one item per itemset. */
    static SequenceDatabase randomDb(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int users = 300;
        int[] starts = new int[users + 1];
        int[] items = new int[users * 15];
        int[] sets = new int[users * 15];
        int n = 0;
        for (int u = 0; u < users; u++) {
            int len = 3 + r.nextInt(13);
            for (int k = 0; k < len; k++) {
                items[n] = (int) Math.min(11, Math.floor(-Math.log(1 - r.nextDouble()) * 3));
                sets[n++] = k;
            }
            starts[u + 1] = n;
        }
        return new SequenceDatabase("random", starts, java.util.Arrays.copyOf(items, n),
                java.util.Arrays.copyOf(sets, n), null, IdMap.sequential(12, 0), ItemCatalog.EMPTY);
    }

    static PrivateMiningParams nearlyExact(int beam) {
        // epsilon so large that the noise is far below 0.5: every rounded release equals the exact support.
        return new PrivateMiningParams(new PrivacyCost(1e9, 1e-6), NoiseKind.LAPLACE, 2, 1 << 20, beam, 0, 0, 1);
    }

    static Map<String, Long> exactSequences(SequenceDatabase db, int maxLength) {
        CollectingSink sink = new CollectingSink();
        SequentialPatternMiner.mine(db, SequenceMiningParams.of(MinSupport.count(1)).withConstraints(
                new PatternConstraints(1, maxLength, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, new int[0],
                        new int[0])), sink);
        Map<String, Long> out = new HashMap<>();
        for (Pattern p : sink.patterns()) {
            out.put(p.key(), p.support());
        }
        return out;
    }

    @Test
    void withNegligibleNoiseSequenceSupportsEqualTheExactMiner() {
        SequenceDatabase db = randomDb(3);
        Map<String, Long> exact = exactSequences(db, 2);
        PrivateRelease r = PrivatePatternMiner.mine(UserRows.of(db), PatternShape.SEQUENCE, nearlyExact(100));
        // every exact pattern with support >= 2 (the threshold is just above 1) is released, with its support
        long expected = exact.values().stream().filter(s -> s >= 2).count();
        assertThat(r.patterns()).hasSize((int) expected);
        for (Pattern p : r.patterns()) {
            assertThat(p.support()).as(p.key()).isEqualTo(exact.get(p.key()));
        }
        assertThat(r.levels()).extracting(PrivateRelease.Level::length).containsExactly(1, 2);
    }

    @Test
    void withNegligibleNoiseSetSupportsEqualFpGrowth() {
        SequenceDatabase seqs = randomDb(4);
        TransactionDatabase db = TransactionDatabase.of(seqs);
        CollectingSink sink = new CollectingSink();
        FpGrowthMiner.mine(db, new ItemsetParams(MinSupport.count(2), dev.seqmind.mining.sequence.OutputKind.ALL, 2,
                dev.seqmind.mining.MiningBudget.UNLIMITED), sink);
        Map<String, Long> exact = new HashMap<>();
        for (Pattern p : sink.patterns()) {
            exact.put(p.key(), p.support());
        }
        PrivateRelease r = PrivatePatternMiner.mine(UserRows.of(db), PatternShape.SET, nearlyExact(100));
        assertThat(r.patterns()).hasSize(exact.size());
        for (Pattern p : r.patterns()) {
            assertThat(p.support()).as(p.key()).isEqualTo(exact.get(p.key()));
        }
    }

    @Test
    void heavyUsersAreDownWeightedToTheContributionBound() {
        // one user holds 4 items; with m = 2 (Laplace, L1) each of their items gets weight 1/2
        SequenceDatabase db = new SequenceDatabase("x", new int[] {0, 4, 5}, new int[] {0, 1, 2, 3, 0},
                new int[] {0, 1, 2, 3, 0}, null, IdMap.sequential(4, 0), ItemCatalog.EMPTY);
        Counter c = new Counter(UserRows.of(db), PatternShape.SEQUENCE, NoiseKind.LAPLACE, 2);
        assertThat(c.countItems(8, new SplittableRandom(1))).containsExactly(1.5, 0.5, 0.5, 0.5);
        // keys beyond the cap are dropped at random: 2 of the first user's 4 items remain, with weight 1 each
        double[] capped = c.countItems(2, new SplittableRandom(1));
        assertThat(java.util.Arrays.stream(capped).sum()).isEqualTo(3.0);
        Counter g = new Counter(UserRows.of(db), PatternShape.SEQUENCE, NoiseKind.GAUSSIAN, 2);
        assertThat(g.countItems(8, new SplittableRandom(1))[1]).isEqualTo(Math.sqrt(0.5));
        // pairs of the first user: (0,1) (0,2) (0,3) among extensions {1,2,3} -> 3 keys, weight 2/3 each
        double[] pairs = c.countExtensions(List.of(new int[] {0}), new int[] {1, 2, 3});
        assertThat(pairs).containsExactly(2 / 3.0, 2 / 3.0, 2 / 3.0);
    }

    @Test
    void itemsHeldByFewUsersStayHiddenAndTheSameSeedGivesTheSameRelease() {
        SequenceDatabase db = randomDb(5);
        PrivateMiningParams p = new PrivateMiningParams(new PrivacyCost(1, 1e-6), NoiseKind.GAUSSIAN, 2, 8, 10, 20,
                0, 42);
        PrivateRelease a = PrivatePatternMiner.mine(UserRows.of(db), PatternShape.SEQUENCE, p);
        PrivateRelease b = PrivatePatternMiner.mine(UserRows.of(db), PatternShape.SEQUENCE, p);
        assertThat(a.patterns()).isEqualTo(b.patterns());
        assertThat(a.cost()).isEqualTo(new PrivacyCost(1, 1e-6));
        Map<String, Long> exact = exactSequences(db, 2);
        for (Pattern pat : a.patterns()) {
            assertThat(pat.support()).isGreaterThan((long) a.levels().get(0).threshold() - 1);
            assertThat(exact.get(pat.key())).as("released %s exists in the data", pat.key())
                    .isGreaterThan((long) Math.floor(a.levels().get(0).threshold() / 4));
        }
        PrivateRelease suppressed = PrivatePatternMiner.mine(UserRows.of(db), PatternShape.SEQUENCE,
                new PrivateMiningParams(p.budget(), p.noise(), 2, 8, 10, 0, 1_000_000, 42));
        assertThat(suppressed.patterns()).isEmpty();
    }
}
