package dev.seqmind.mining.rules;

import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.MiningBudget;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared by the workers of one rule search: applies the confidence threshold, computes confidence and lift, enforces
 * the budget and hands rules to the sink under a lock. Thread-safe.
 */
final class RuleEmitter {
    private final RuleSink sink;
    private final double minConfidence;
    private final long numSequences;
    private final MiningBudget budget;
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong nodes = new AtomicLong();
    private volatile boolean stopped;

    RuleEmitter(RuleSink sink, double minConfidence, long numSequences, MiningBudget budget) {
        this.sink = sink;
        this.minConfidence = minConfidence;
        this.numSequences = numSequences;
        this.budget = budget;
    }

    boolean stopped() {
        return stopped;
    }

    long emitted() {
        return emitted.get();
    }

    void visitNode() {
        if ((nodes.incrementAndGet() & 4095) == 0 && budget.maxHeapBytes() != Long.MAX_VALUE) {
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            if (used > budget.maxHeapBytes()) {
                stopped = true;
                throw new BudgetExceededException("rule mining stopped: heap in use " + (used >> 20)
                        + " MiB exceeds the memory budget of " + (budget.maxHeapBytes() >> 20)
                        + " MiB; raise the minimum support, limit the rule sizes, or raise the budget", emitted.get());
            }
        }
    }

    void emit(int[] x, int[] y, long support, long supportX, long supportY) {
        double confidence = support / (double) supportX;
        if (confidence + 1e-12 < minConfidence) {
            return;
        }
        long n = emitted.incrementAndGet();
        if (n > budget.maxPatterns()) {
            stopped = true;
            throw new BudgetExceededException("rule mining stopped at the budget of " + budget.maxPatterns()
                    + " rules; raise the minimum support or confidence, or raise the budget", n - 1);
        }
        double lift = SequentialRule.lift(confidence, supportY, numSequences);
        int[] a = x.clone();
        int[] c = y.clone();
        Arrays.sort(a);
        Arrays.sort(c);
        SequentialRule rule = new SequentialRule(a, c, support, confidence, lift);
        synchronized (this) {
            sink.accept(rule);
        }
    }
}
