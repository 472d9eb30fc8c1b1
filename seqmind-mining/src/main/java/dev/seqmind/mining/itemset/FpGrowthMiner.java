package dev.seqmind.mining.itemset;

import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.PatternSink;
import dev.seqmind.mining.sequence.OutputKind;

import java.util.Arrays;

/**
 * Frequent itemsets by FP-Growth: items are ranked by support (infrequent ones dropped), every transaction becomes a
 * path of ranks in an {@link FpTree}, and each item's conditional tree (the prefix paths of its nodes, restricted to
 * items still frequent there) is mined recursively, least frequent item first. Closed and maximal itemsets are taken
 * from the complete frequent set by {@link ItemsetClosureFilter}. Patterns reach the sink as ascending dense item ids.
 *
 * <p>Stateless and thread-safe; each call owns its trees. Single-threaded.
 */
public final class FpGrowthMiner {
    private static final int MEMORY_CHECK_INTERVAL = 1 << 10;

    private final ItemsetParams params;
    private final PatternSink sink;
    private final long minSupport;
    private final int[] itemOfRank;
    private long emitted;
    private long trees;
    private int[] suffix = new int[32];

    private FpGrowthMiner(TransactionDatabase db, ItemsetParams params, PatternSink sink, long minSupport,
                          int[] itemOfRank) {
        this.params = params;
        this.sink = sink;
        this.minSupport = minSupport;
        this.itemOfRank = itemOfRank;
    }

    /**
     * Mines {@code db} and streams the itemsets to {@code sink} (then calls {@code finish}); returns how many.
     *
     * @throws BudgetExceededException when the pattern or memory budget runs out
     */
    public static long mine(TransactionDatabase db, ItemsetParams params, PatternSink sink) {
        long minSup = params.minSupport().absolute(db.numTransactions());
        int[] counts = db.itemCounts();
        Integer[] order = new Integer[db.numItems()];
        int kept = 0;
        for (int it = 0; it < counts.length; it++) {
            if (counts[it] >= minSup) {
                order[kept++] = it;
            }
        }
        Integer[] frequent = Arrays.copyOf(order, kept);
        Arrays.sort(frequent, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        int[] itemOfRank = new int[kept];
        int[] rankOfItem = new int[db.numItems()];
        Arrays.fill(rankOfItem, -1);
        for (int r = 0; r < kept; r++) {
            itemOfRank[r] = frequent[r];
            rankOfItem[frequent[r]] = r;
        }
        FpTree tree = new FpTree(kept, db.numTransactions());
        int[] path = new int[Math.max(1, kept)];
        for (int t = 0; t < db.numTransactions(); t++) {
            int len = 0;
            for (int e = db.start(t); e < db.end(t); e++) {
                int r = rankOfItem[db.item(e)];
                if (r >= 0) {
                    path[len++] = r;
                }
            }
            Arrays.sort(path, 0, len);
            tree.insert(path, len, 1);
        }
        PatternSink target = params.output() == OutputKind.ALL ? sink : new CollectingSink();
        FpGrowthMiner miner = new FpGrowthMiner(db, params, target, minSup, itemOfRank);
        int[] identity = new int[kept];
        for (int r = 0; r < kept; r++) {
            identity[r] = r;
        }
        miner.grow(tree, identity, 0);
        if (params.output() == OutputKind.ALL) {
            sink.finish();
            return miner.emitted;
        }
        return ItemsetClosureFilter.filter(((CollectingSink) target).patterns(), params.output(), sink);
    }

    /** Mines {@code tree}, whose rank {@code q} is global rank {@code globalOf[q]}, under the current suffix. */
    private void grow(FpTree tree, int[] globalOf, int suffixLength) {
        if ((++trees & (MEMORY_CHECK_INTERVAL - 1)) == 0) {
            checkMemory();
        }
        int ranks = tree.head.length;
        int[] base = new int[ranks];
        long[] baseCount = new long[ranks];
        for (int r = ranks - 1; r >= 0; r--) {
            long support = tree.headSupport[r];
            if (support < minSupport || tree.head[r] < 0) {
                continue;
            }
            if (suffix.length <= suffixLength) {
                suffix = Arrays.copyOf(suffix, suffix.length * 2);
            }
            suffix[suffixLength] = globalOf[r];
            emit(suffixLength + 1, support);
            if (suffixLength + 1 >= params.maxLength()) {
                continue;
            }
            // support of every rank in r's conditional pattern base
            Arrays.fill(baseCount, 0, r, 0);
            for (int n = tree.head[r]; n >= 0; n = tree.link[n]) {
                int c = tree.count[n];
                for (int p = tree.parent[n]; p > 0; p = tree.parent[p]) {
                    baseCount[tree.item[p]] += c;
                }
            }
            int kept = 0;
            int[] newRank = new int[r];
            for (int q = 0; q < r; q++) {
                newRank[q] = baseCount[q] >= minSupport ? kept++ : -1;
            }
            if (kept == 0) {
                continue;
            }
            int[] condGlobal = new int[kept];
            for (int q = 0; q < r; q++) {
                if (newRank[q] >= 0) {
                    condGlobal[newRank[q]] = globalOf[q];
                }
            }
            FpTree cond = new FpTree(kept, 16);
            for (int n = tree.head[r]; n >= 0; n = tree.link[n]) {
                int len = 0;
                for (int p = tree.parent[n]; p > 0; p = tree.parent[p]) {
                    int nr = newRank[tree.item[p]];
                    if (nr >= 0) {
                        base[len++] = nr;
                    }
                }
                // parents come out from deep to shallow, i.e. descending rank: reverse to ascending
                for (int i = 0, j = len - 1; i < j; i++, j--) {
                    int tmp = base[i];
                    base[i] = base[j];
                    base[j] = tmp;
                }
                cond.insert(base, len, tree.count[n]);
            }
            grow(cond, condGlobal, suffixLength + 1);
        }
    }

    private void emit(int length, long support) {
        if (++emitted > params.budget().maxPatterns()) {
            throw new BudgetExceededException("itemset mining stopped at the pattern budget of "
                    + params.budget().maxPatterns() + " itemsets; raise the minimum support, set a maximum length, "
                    + "or raise the budget", emitted - 1);
        }
        int[] items = new int[length];
        for (int d = 0; d < length; d++) {
            items[d] = itemOfRank[suffix[d]];
        }
        Arrays.sort(items);
        sink.accept(items, length, support);
    }

    private void checkMemory() {
        if (Thread.currentThread().isInterrupted()) {
            throw new BudgetExceededException("itemset mining was interrupted after " + emitted + " itemsets",
                    emitted);
        }
        long max = params.budget().maxHeapBytes();
        if (max != Long.MAX_VALUE) {
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            if (used > max) {
                throw new BudgetExceededException("itemset mining stopped: heap in use " + (used >> 20)
                        + " MiB exceeds the memory budget of " + (max >> 20) + " MiB after " + emitted
                        + " itemsets; raise the minimum support or the budget", emitted);
            }
        }
    }
}
