package dev.seqmind.mining.sequence;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.SequenceDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every search, with and without constraints, finds exactly the patterns and supports of {@link BruteForceMiner} on
 * random small databases of itemset sequences (with random times, equal times allowed, and position gaps).
 */
class SequentialPatternMinerPropertiesTest {
    static final int ITEMS = 5;

    /** A random database and its oracle view. */
    record Db(List<List<int[]>> seqs, List<long[]> times, List<int[]> positions) {
        SequenceDatabase toDatabase() {
            int total = 0;
            for (List<int[]> s : seqs) {
                for (int[] set : s) {
                    total += set.length;
                }
            }
            int[] starts = new int[seqs.size() + 1];
            int[] items = new int[total];
            int[] itemsets = new int[total];
            long[] tm = new long[total];
            int w = 0;
            for (int s = 0; s < seqs.size(); s++) {
                starts[s] = w;
                for (int k = 0; k < seqs.get(s).size(); k++) {
                    for (int x : seqs.get(s).get(k)) {
                        items[w] = x;
                        itemsets[w] = positions.get(s)[k];
                        tm[w] = times.get(s)[k];
                        w++;
                    }
                }
            }
            starts[seqs.size()] = w;
            return new SequenceDatabase("random", starts, items, itemsets, tm, IdMap.sequential(ITEMS, 0),
                    ItemCatalog.EMPTY);
        }

        BruteForceMiner oracle() {
            return new BruteForceMiner(seqs, times, positions, ITEMS);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < seqs.size(); s++) {
                sb.append('\n');
                for (int k = 0; k < seqs.get(s).size(); k++) {
                    sb.append(Arrays.toString(seqs.get(s).get(k))).append("@p").append(positions.get(s)[k])
                            .append("t").append(times.get(s)[k]).append(' ');
                }
            }
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<Db> databases() {
        return databasesOf(3);
    }

    /** Plain item sequences (one item per itemset): the projection search's mask mode. */
    @Provide
    Arbitrary<Db> itemSequences() {
        return databasesOf(1);
    }

    private Arbitrary<Db> databasesOf(int maxItemsetSize) {
        Arbitrary<int[]> itemset = Arbitraries.integers().between(0, ITEMS - 1).set().ofMinSize(1)
                .ofMaxSize(maxItemsetSize).map(set -> set.stream().mapToInt(Integer::intValue).sorted().toArray());
        Arbitrary<List<int[]>> seq = itemset.list().ofMinSize(0).ofMaxSize(5);
        Arbitrary<int[]> steps = Arbitraries.integers().between(0, 3).array(int[].class).ofSize(5);
        Arbitrary<int[]> posSteps = Arbitraries.integers().between(1, 2).array(int[].class).ofSize(5);
        Arbitrary<Object[]> one = Combinators.combine(seq, steps, posSteps).as((s, t, p) -> new Object[] {s, t, p});
        return one.list().ofMinSize(1).ofMaxSize(7).map(rows -> {
            List<List<int[]>> seqs = new ArrayList<>();
            List<long[]> times = new ArrayList<>();
            List<int[]> positions = new ArrayList<>();
            for (Object[] r : rows) {
                @SuppressWarnings("unchecked")
                List<int[]> s = (List<int[]>) r[0];
                int[] t = (int[]) r[1];
                int[] p = (int[]) r[2];
                long[] tm = new long[s.size()];
                int[] ps = new int[s.size()];
                for (int k = 0; k < s.size(); k++) {
                    tm[k] = (k == 0 ? 0 : tm[k - 1]) + t[k];
                    ps[k] = k == 0 ? p[0] - 1 : ps[k - 1] + p[k];
                }
                seqs.add(s);
                times.add(tm);
                positions.add(ps);
            }
            return new Db(seqs, times, positions);
        });
    }

    @Provide
    Arbitrary<PatternConstraints> constraints() {
        Arbitrary<Integer> minLen = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> extraLen = Arbitraries.integers().between(0, 4).injectDuplicates(0.1)
                .map(x -> x == 4 ? Integer.MAX_VALUE - 2 : x);
        Arbitrary<Integer> gap = Arbitraries.of(1, 2, 3, Integer.MAX_VALUE);
        Arbitrary<Long> gapTime = Arbitraries.of(0L, 1L, 3L, Long.MAX_VALUE);
        Arbitrary<Long> window = Arbitraries.of(0L, 2L, 5L, Long.MAX_VALUE);
        Arbitrary<int[]> required = Arbitraries.integers().between(0, ITEMS - 1).set().ofMaxSize(1)
                .map(s -> s.stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<int[]> excluded = Arbitraries.integers().between(0, ITEMS - 1).set().ofMaxSize(2)
                .map(s -> s.stream().mapToInt(Integer::intValue).toArray());
        return Combinators.combine(minLen, extraLen, gap, gapTime, window, required, excluded)
                .as((mn, ex, g, gt, w, r, e) -> {
                    int[] excl = Arrays.stream(e).filter(x -> r.length == 0 || x != r[0]).toArray();
                    int max = ex >= Integer.MAX_VALUE - 2 ? Integer.MAX_VALUE : mn + ex;
                    return new PatternConstraints(mn, max, g, gt, w, r, excl);
                });
    }

    @Property(tries = 300)
    void everySearchMatchesTheOracle(@ForAll("databases") Db db, @ForAll @IntRange(min = 1, max = 4) int minSup) {
        Set<String> expected = keys(db.oracle().mine(minSup, PatternConstraints.NONE));
        for (SequenceAlgorithm a : SequenceAlgorithm.values()) {
            for (int threads = 1; threads <= 2; threads++) {
                assertThat(mine(db, minSup, a, PatternConstraints.NONE, OutputKind.ALL, 0, threads))
                        .as("%s threads %d on %s", a, threads, db).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 200)
    void plainItemSequencesMatchTheOracle(@ForAll("itemSequences") Db db,
                                          @ForAll @IntRange(min = 1, max = 3) int minSup,
                                          @ForAll @IntRange(min = 1, max = 5) int maxLength) {
        PatternConstraints c = PatternConstraints.NONE.withLength(1, maxLength);
        Set<String> expected = keys(db.oracle().mine(minSup, c));
        for (SequenceAlgorithm a : List.of(SequenceAlgorithm.PREFIXSPAN, SequenceAlgorithm.SPAM)) {
            assertThat(mine(db, minSup, a, c, OutputKind.ALL, 0, 2)).as("%s on %s", a, db).isEqualTo(expected);
        }
    }

    @Property(tries = 400)
    void constrainedSearchMatchesTheOracle(@ForAll("databases") Db db, @ForAll("constraints") PatternConstraints c,
                                           @ForAll @IntRange(min = 1, max = 3) int minSup) {
        Set<String> expected = keys(db.oracle().mine(minSup, c));
        assertThat(mine(db, minSup, SequenceAlgorithm.AUTO, c, OutputKind.ALL, 0, 1)).as("%s on %s", c, db)
                .isEqualTo(expected);
        assertThat(mine(db, minSup, SequenceAlgorithm.PREFIXSPAN, c, OutputKind.ALL, 0, 2)).as("%s on %s", c, db)
                .isEqualTo(expected);
        if (!c.needsOccurrences()) {
            assertThat(mine(db, minSup, SequenceAlgorithm.SPAM, c, OutputKind.ALL, 0, 1)).as("%s on %s", c, db)
                    .isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void closedAndMaximalMatchTheOracle(@ForAll("databases") Db db, @ForAll("constraints") PatternConstraints c,
                                        @ForAll @IntRange(min = 1, max = 3) int minSup) {
        BruteForceMiner oracle = db.oracle();
        List<Pattern> all = oracle.mine(minSup, c);
        for (SequenceAlgorithm a : List.of(SequenceAlgorithm.PREFIXSPAN, SequenceAlgorithm.SPAM)) {
            if (a == SequenceAlgorithm.SPAM && c.needsOccurrences()) {
                continue;
            }
            assertThat(mine(db, minSup, a, c, OutputKind.CLOSED, 0, 1)).as("closed %s %s on %s", a, c, db)
                    .isEqualTo(keys(oracle.closed(all, false)));
            assertThat(mine(db, minSup, a, c, OutputKind.MAXIMAL, 0, 1)).as("maximal %s %s on %s", a, c, db)
                    .isEqualTo(keys(oracle.closed(all, true)));
        }
    }

    @Property(tries = 200)
    void topKMatchesTheOracle(@ForAll("databases") Db db, @ForAll @IntRange(min = 1, max = 12) int k) {
        List<Pattern> all = db.oracle().mine(1, PatternConstraints.NONE);
        Set<String> expected = keys(BruteForceMiner.topK(all, k));
        for (SequenceAlgorithm a : List.of(SequenceAlgorithm.PREFIXSPAN, SequenceAlgorithm.SPAM)) {
            for (int threads = 1; threads <= 2; threads++) {
                assertThat(mine(db, 1, a, PatternConstraints.NONE, OutputKind.ALL, k, threads))
                        .as("top-%d %s on %s", k, a, db).isEqualTo(expected);
            }
        }
    }

    private static Set<String> mine(Db db, int minSup, SequenceAlgorithm a, PatternConstraints c, OutputKind out,
                                    int topK, int threads) {
        CollectingSink sink = new CollectingSink();
        SequentialPatternMiner.mine(db.toDatabase(), SequenceMiningParams.of(MinSupport.count(minSup))
                .withAlgorithm(a).withConstraints(c).withOutput(out).withTopK(topK).withThreads(threads), sink);
        Set<String> keys = keys(sink.patterns());
        assertThat(keys).hasSize(sink.size());
        return keys;
    }

    private static Set<String> keys(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::toString).collect(Collectors.toCollection(TreeSet::new));
    }
}
