package dev.seqmind.mining.sequence;

import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.PatternSink;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * State shared by the workers of one search: the current support threshold (it rises during a top-k search), the
 * emitted-pattern count, the budget, and the path to the sink. Emission maps ranks back to dense item ids, sorts each
 * itemset by id and hands the pattern to the sink under a lock, so sinks are never called concurrently.
 *
 * <p>Thread-safe. Patterns are passed in rank encoding: ranks with {@link PatternSink#ITEMSET_END} between itemsets.
 */
final class SearchContext {
    private static final int MEMORY_CHECK_INTERVAL = 1 << 12;

    private final RankedDatabase db;
    private final PatternSink sink;
    private final PatternConstraints constraints;
    private final MiningBudget budget;
    private final TopKCollector topK;
    private final int[] requiredRanks;
    private final boolean requiredImpossible;
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong nodes = new AtomicLong();
    private final Object sinkLock = new Object();
    private volatile long threshold;
    private volatile boolean stopped;

    SearchContext(RankedDatabase db, PatternSink sink, PatternConstraints constraints, MiningBudget budget,
                  long minSupport, int topK) {
        this.db = db;
        this.sink = sink;
        this.constraints = constraints;
        this.budget = budget;
        this.threshold = minSupport;
        this.topK = topK > 0 ? new TopKCollector(topK, minSupport) : null;
        int[] req = constraints.requiredItems();
        int[] ranks = new int[req.length];
        boolean impossible = false;
        for (int i = 0; i < req.length; i++) {
            int r = req[i] < db.rankOfItem.length ? db.rankOfItem[req[i]] : -1;
            impossible |= r < 0;
            ranks[i] = r;
        }
        this.requiredRanks = ranks;
        this.requiredImpossible = impossible;
    }

    RankedDatabase db() {
        return db;
    }

    PatternConstraints constraints() {
        return constraints;
    }

    /** The support a pattern needs now (rises during a top-k search; never falls). */
    long threshold() {
        return threshold;
    }

    /** True when no pattern can satisfy the required-items constraint (a required item is infrequent). */
    boolean requiredImpossible() {
        return requiredImpossible;
    }

    long emitted() {
        return emitted.get();
    }

    long nodes() {
        return nodes.get();
    }

    /** True once a worker hit a budget or the thread was interrupted: every worker then unwinds. */
    boolean stopped() {
        return stopped;
    }

    /** Makes every worker unwind (used when the caller cancels). */
    void stop() {
        stopped = true;
    }

    /**
     * Called once per expanded search node: checks the memory budget now and then and the interrupt flag.
     *
     * @throws BudgetExceededException when the heap in use exceeds the budget
     */
    void visitNode() {
        long n = nodes.incrementAndGet();
        if ((n & (MEMORY_CHECK_INTERVAL - 1)) == 0) {
            if (Thread.currentThread().isInterrupted()) {
                stopped = true;
                throw new BudgetExceededException("mining was interrupted after " + emitted.get() + " patterns",
                        emitted.get());
            }
            if (budget.maxHeapBytes() != Long.MAX_VALUE) {
                Runtime rt = Runtime.getRuntime();
                long used = rt.totalMemory() - rt.freeMemory();
                if (used > budget.maxHeapBytes()) {
                    stopped = true;
                    throw new BudgetExceededException("mining stopped: heap in use " + (used >> 20)
                            + " MiB exceeds the memory budget of " + (budget.maxHeapBytes() >> 20)
                            + " MiB after " + emitted.get() + " patterns; raise the minimum support, set a "
                            + "maximum length, or raise the budget", emitted.get());
                }
            }
        }
    }

    /**
     * Offers a frequent pattern (rank encoding, {@code itemCount} items). Applies the min-length and required-items
     * constraints, then forwards it to the sink or the top-k collector.
     *
     * @throws BudgetExceededException when the pattern budget is exhausted
     */
    void emit(int[] ranks, int length, int itemCount, long support) {
        if (itemCount < constraints.minLength() || !containsRequired(ranks, length)) {
            return;
        }
        int[] items = toItems(ranks, length);
        if (topK != null) {
            synchronized (sinkLock) {
                threshold = topK.offer(items, support);
            }
            return;
        }
        long count = emitted.incrementAndGet();
        if (count > budget.maxPatterns()) {
            // exactly maxPatterns reached the sink; with several workers more than one of them can get here
            stopped = true;
            throw new BudgetExceededException("mining stopped at the pattern budget of " + budget.maxPatterns()
                    + " patterns; raise the minimum support, set a maximum length, or raise the budget",
                    budget.maxPatterns());
        }
        synchronized (sinkLock) {
            sink.accept(items, length, support);
        }
    }

    /** Delivers the top-k patterns (if this is a top-k search) to the sink, by support descending. */
    void finish() {
        if (topK != null) {
            for (var p : topK.result()) {
                emitted.incrementAndGet();
                sink.accept(p.items(), p.items().length, p.support());
            }
        }
        sink.finish();
    }

    private boolean containsRequired(int[] ranks, int length) {
        for (int r : requiredRanks) {
            boolean found = false;
            for (int i = 0; i < length && !found; i++) {
                found = ranks[i] == r;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private int[] toItems(int[] ranks, int length) {
        int[] items = new int[length];
        int setStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || ranks[i] == PatternSink.ITEMSET_END) {
                if (i - setStart > 1) {
                    Arrays.sort(items, setStart, i);
                }
                if (i < length) {
                    items[i] = PatternSink.ITEMSET_END;
                }
                setStart = i + 1;
            } else {
                items[i] = db.itemOfRank[ranks[i]];
            }
        }
        return items;
    }
}
