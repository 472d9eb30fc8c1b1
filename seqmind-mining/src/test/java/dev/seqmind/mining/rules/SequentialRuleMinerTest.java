package dev.seqmind.mining.rules;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sequential rules and next-item rules against brute-force enumeration on random small databases. */
class SequentialRuleMinerTest {
    static final int ITEMS = 5;

    @Provide
    Arbitrary<List<List<int[]>>> databases() {
        Arbitrary<int[]> itemset = Arbitraries.integers().between(0, ITEMS - 1).set().ofMinSize(1).ofMaxSize(2)
                .map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray());
        return itemset.list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(8);
    }

    static SequenceDatabase toDb(List<List<int[]>> seqs) {
        List<Integer> items = new ArrayList<>();
        List<Integer> sets = new ArrayList<>();
        int[] starts = new int[seqs.size() + 1];
        for (int s = 0; s < seqs.size(); s++) {
            starts[s] = items.size();
            for (int k = 0; k < seqs.get(s).size(); k++) {
                for (int x : seqs.get(s).get(k)) {
                    items.add(x);
                    sets.add(k);
                }
            }
        }
        starts[seqs.size()] = items.size();
        return new SequenceDatabase("r", starts, items.stream().mapToInt(Integer::intValue).toArray(),
                sets.stream().mapToInt(Integer::intValue).toArray(), null, IdMap.sequential(ITEMS, 0),
                ItemCatalog.EMPTY);
    }

    /** Rule X => Y holds in a sequence iff some cut puts all of X before it and all of Y after it. */
    static boolean holds(List<int[]> seq, int xMask, int yMask) {
        for (int cut = 0; cut < seq.size(); cut++) {
            int before = 0;
            int after = 0;
            for (int k = 0; k < seq.size(); k++) {
                for (int x : seq.get(k)) {
                    if (k <= cut) {
                        before |= 1 << x;
                    } else {
                        after |= 1 << x;
                    }
                }
            }
            if ((before & xMask) == xMask && (after & yMask) == yMask) {
                return true;
            }
        }
        return false;
    }

    static int contains(List<List<int[]>> seqs, int mask) {
        int c = 0;
        for (List<int[]> seq : seqs) {
            int all = 0;
            for (int[] set : seq) {
                for (int x : set) {
                    all |= 1 << x;
                }
            }
            c += (all & mask) == mask ? 1 : 0;
        }
        return c;
    }

    static int[] items(int mask) {
        return IntStream.range(0, ITEMS).filter(i -> (mask >>> i & 1) == 1).toArray();
    }

    @Property(tries = 300)
    void sequentialRulesMatchBruteForce(@ForAll("databases") List<List<int[]>> seqs,
                                        @ForAll @IntRange(min = 1, max = 3) int minSup,
                                        @ForAll @IntRange(min = 0, max = 4) int confTenths,
                                        @ForAll @IntRange(min = 1, max = 3) int maxX,
                                        @ForAll @IntRange(min = 1, max = 3) int maxY,
                                        @ForAll @IntRange(min = 1, max = 2) int threads) {
        double minConf = confTenths / 4.0;
        Set<String> expected = new TreeSet<>();
        for (int x = 1; x < 1 << ITEMS; x++) {
            for (int y = 1; y < 1 << ITEMS; y++) {
                if ((x & y) != 0 || Integer.bitCount(x) > maxX || Integer.bitCount(y) > maxY) {
                    continue;
                }
                int sup = 0;
                for (List<int[]> seq : seqs) {
                    sup += holds(seq, x, y) ? 1 : 0;
                }
                double conf = sup / (double) contains(seqs, x);
                if (sup >= minSup && conf + 1e-12 >= minConf) {
                    double lift = conf / (contains(seqs, y) / (double) seqs.size());
                    expected.add(new SequentialRule(items(x), items(y), sup, conf, lift).toString());
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        List<SequentialRule> got = new ArrayList<>();
        SequentialRuleMiner.mine(toDb(seqs), RuleParams.of(MinSupport.count(minSup), minConf).withSizes(maxX, maxY)
                .withThreads(threads), got::add);
        got.forEach(r -> actual.add(r.toString()));
        assertThat(actual).hasSize(got.size()).isEqualTo(expected);
    }

    @Property(tries = 300)
    void nextItemRulesMatchBruteForce(@ForAll("databases") List<List<int[]>> seqs,
                                      @ForAll @IntRange(min = 1, max = 3) int minSup,
                                      @ForAll @IntRange(min = 1, max = 3) int maxPrefix,
                                      @ForAll NextItemRuleMiner.Counting counting) {
        // element order: itemsets in order, items ascending inside
        List<int[]> flat = new ArrayList<>();
        for (List<int[]> seq : seqs) {
            flat.add(seq.stream().flatMapToInt(Arrays::stream).toArray());
        }
        boolean perSequence = counting == NextItemRuleMiner.Counting.SEQUENCES;
        Map<String, Integer> ruleSup = new TreeMap<>();
        Map<String, Integer> prefixSup = new HashMap<>();
        Map<Integer, Integer> itemSup = new HashMap<>();
        int population = 0;
        for (int[] f : flat) {
            Collection<String> rules = perSequence ? new TreeSet<>() : new ArrayList<>();
            Collection<String> prefixes = perSequence ? new TreeSet<>() : new ArrayList<>();
            Collection<Integer> items = perSequence ? new TreeSet<>() : new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                items.add(f[i]);
                for (int m = 1; m <= maxPrefix && i - m >= 0; m++) {
                    String p = Arrays.toString(Arrays.copyOfRange(f, i - m, i));
                    prefixes.add(p);
                    rules.add(p + " -> " + f[i]);
                }
            }
            rules.forEach(r -> ruleSup.merge(r, 1, Integer::sum));
            prefixes.forEach(p -> prefixSup.merge(p, 1, Integer::sum));
            items.forEach(it -> itemSup.merge(it, 1, Integer::sum));
            population += perSequence ? 1 : f.length;
        }
        Map<String, Double> expected = new TreeMap<>();
        int all = population;
        ruleSup.forEach((r, s) -> {
            if (s >= minSup) {
                String p = r.substring(0, r.indexOf(" -> "));
                int next = Integer.parseInt(r.substring(r.indexOf(" -> ") + 4));
                double conf = s / (double) prefixSup.get(p);
                expected.put(r + " #SUP: " + s + " #CONF: " + conf, conf / (itemSup.get(next) / (double) all));
            }
        });
        Map<String, Double> actual = new TreeMap<>();
        NextItemRuleMiner.mine(toDb(seqs), counting, MinSupport.count(minSup), 0, maxPrefix,
                r -> actual.put(r.toString(), r.lift()));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((k, lift) -> assertThat(lift).isCloseTo(expected.get(k), within(1e-9)));
    }

    @Test
    void ruleWithOverlappingSidesIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SequentialRule(new int[] {1}, new int[] {1}, 1,
                1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
