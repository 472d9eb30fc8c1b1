package dev.seqmind.mining.itemset;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.CountingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.sequence.OutputKind;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FpGrowthMinerTest {
    static final int ITEMS = 6;

    @Provide
    Arbitrary<List<int[]>> transactions() {
        return Arbitraries.integers().between(0, ITEMS - 1).set().ofMaxSize(5)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray()).list().ofMinSize(1).ofMaxSize(12);
    }

    static TransactionDatabase db(List<int[]> txs) {
        int[] starts = new int[txs.size() + 1];
        List<Integer> items = new ArrayList<>();
        for (int t = 0; t < txs.size(); t++) {
            starts[t] = items.size();
            for (int x : txs.get(t)) {
                items.add(x);
            }
        }
        starts[txs.size()] = items.size();
        return new TransactionDatabase(starts, items.stream().mapToInt(Integer::intValue).toArray(),
                IdMap.sequential(ITEMS, 0), ItemCatalog.EMPTY);
    }

    /** Every non-empty subset of the item universe, counted directly. */
    static List<Pattern> bruteForce(List<int[]> txs, long minSup, int maxLength) {
        List<Pattern> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << ITEMS); mask++) {
            if (Integer.bitCount(mask) > maxLength) {
                continue;
            }
            long sup = 0;
            for (int[] t : txs) {
                int tm = 0;
                for (int x : t) {
                    tm |= 1 << x;
                }
                if ((tm & mask) == mask) {
                    sup++;
                }
            }
            if (sup >= minSup) {
                int[] items = new int[Integer.bitCount(mask)];
                for (int i = 0, w = 0; i < ITEMS; i++) {
                    if ((mask >>> i & 1) == 1) {
                        items[w++] = i;
                    }
                }
                out.add(new Pattern(items, sup));
            }
        }
        return out;
    }

    static Set<String> keys(List<Pattern> ps) {
        return ps.stream().map(Pattern::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    @Property(tries = 300)
    void fpGrowthMatchesBruteForce(@ForAll("transactions") List<int[]> txs, @ForAll @IntRange(min = 1, max = 4) int minSup,
                                   @ForAll @IntRange(min = 1, max = 7) int maxLength) {
        List<Pattern> all = bruteForce(txs, minSup, maxLength);
        CollectingSink sink = new CollectingSink();
        FpGrowthMiner.mine(db(txs), ItemsetParams.of(MinSupport.count(minSup)).withMaxLength(maxLength), sink);
        assertThat(keys(sink.patterns())).isEqualTo(keys(all));
        for (OutputKind kind : List.of(OutputKind.CLOSED, OutputKind.MAXIMAL)) {
            List<Pattern> expected = all.stream().filter(p -> all.stream().noneMatch(q -> q.items().length
                    > p.items().length && (kind == OutputKind.MAXIMAL || q.support() == p.support())
                    && Arrays.stream(p.items()).allMatch(x -> Arrays.binarySearch(q.items(), x) >= 0))).toList();
            CollectingSink k = new CollectingSink();
            FpGrowthMiner.mine(db(txs), ItemsetParams.of(MinSupport.count(minSup)).withMaxLength(maxLength)
                    .withOutput(kind), k);
            assertThat(keys(k.patterns())).as(kind.toString()).isEqualTo(keys(expected));
        }
    }

    @Property(tries = 200)
    void rulesHaveTheConfidenceLiftAndLeverageOfTheirCounts(@ForAll("transactions") List<int[]> txs,
                                                           @ForAll @IntRange(min = 1, max = 3) int minSup) {
        List<Pattern> all = bruteForce(txs, minSup, ITEMS);
        double n = txs.size();
        for (AssociationRule r : AssociationRuleMiner.mine(all, txs.size(), 0.5)) {
            long supA = count(txs, r.antecedent());
            long supC = count(txs, r.consequent());
            int[] both = Arrays.stream(new int[][] {r.antecedent(), r.consequent()}).flatMapToInt(Arrays::stream)
                    .sorted().toArray();
            assertThat(r.support()).isEqualTo(count(txs, both));
            assertThat(r.confidence()).isCloseTo(r.support() / (double) supA, org.assertj.core.data.Offset.offset(1e-9))
                    .isGreaterThanOrEqualTo(0.5 - 1e-9);
            assertThat(r.lift()).isCloseTo(r.confidence() / (supC / n), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.leverage()).isCloseTo(r.support() / n - supA / n * supC / n,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    private static long count(List<int[]> txs, int[] items) {
        return txs.stream().filter(t -> Arrays.stream(items).allMatch(x -> Arrays.binarySearch(t, x) >= 0)).count();
    }

    @Test
    void kosarakItemsetsEqualSingleItemsetSequencePatterns() {
        Path file = Path.of(System.getProperty("seqmind.root", ".")).resolve(
                "../shared/datasets/spmf/kosarak10k_transactions.txt");
        Assumptions.assumeTrue(Files.exists(file), "kosarak10k_transactions.txt absent");
        TransactionDatabase db = TransactionDatabase.readSpmf(file);
        CollectingSink fp = new CollectingSink();
        FpGrowthMiner.mine(db, ItemsetParams.of(MinSupport.fraction(0.002)), fp);
        // the same transactions as one-itemset sequences: their sequential patterns are exactly the itemsets
        int n = db.numTransactions();
        int[] starts = new int[n + 1];
        int total = db.end(n - 1);
        int[] items = new int[total];
        for (int e = 0; e < total; e++) {
            items[e] = db.item(e);
        }
        for (int t = 0; t <= n; t++) {
            starts[t] = t == n ? total : db.start(t);
        }
        SequenceDatabase seq = new SequenceDatabase("k", starts, items, new int[total], null, db.itemIds(),
                ItemCatalog.EMPTY);
        CollectingSink sp = new CollectingSink();
        SequentialPatternMiner.mine(seq, SequenceMiningParams.of(MinSupport.fraction(0.002)), sp);
        assertThat(fp.size()).isGreaterThan(1000);
        assertThat(keys(fp.patterns())).isEqualTo(keys(sp.patterns()));
        CountingSink maximal = new CountingSink();
        FpGrowthMiner.mine(db, ItemsetParams.of(MinSupport.fraction(0.002)).withOutput(OutputKind.MAXIMAL), maximal);
        assertThat(maximal.count()).isLessThan(fp.size()).isPositive();
    }
}
