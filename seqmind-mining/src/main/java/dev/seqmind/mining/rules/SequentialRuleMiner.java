package dev.seqmind.mining.rules;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.ItemsetGrouping;
import dev.seqmind.mining.SequenceDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mines sequential rules {@code X => Y} (RuleGrowth/ERMiner semantics; see {@link SequentialRule}) with
 * {@code support >= minSupport} and {@code confidence >= minConfidence}. Items below the minimum support cannot be
 * in a frequent rule and are dropped first. Work is split by the rule's smallest antecedent item across
 * {@code params.threads()} workers. Stateless and thread-safe; the sink is never called concurrently.
 */
public final class SequentialRuleMiner {
    private SequentialRuleMiner() {
    }

    /** Mines a dataset as sequences of single events (each event its own itemset); returns the number of rules. */
    public static long mine(SequenceDataset data, RuleParams params, RuleSink sink) {
        return mine(SequenceDatabase.of(data, ItemsetGrouping.EACH_EVENT), params, sink);
    }

    /**
     * Mines {@code db}; returns the number of rules delivered (then calls {@link RuleSink#finish()}).
     *
     * @throws BudgetExceededException when the rule or memory budget runs out
     */
    public static long mine(SequenceDatabase db, RuleParams params, RuleSink sink) {
        long minSup = params.minSupport().absolute(db.numSequences());
        return run(db, minSup, params, java.util.stream.IntStream.range(0, db.numItems()).toArray(), sink);
    }

    /**
     * The share of the search a partition of a distributed run grows: every rule whose smallest antecedent item is one
     * of {@code firstItems} (the split {@link #mine} hands its threads), so shares over disjoint item sets find every
     * rule exactly once. {@code db} may hold only part of the log, as long as it holds every sequence that contains one
     * of {@code firstItems}: a rule's sequences and its antecedent's all contain its first item, so supports and
     * confidences are those of the whole log, with {@code minSupport} the whole log's absolute count. Only the lift
     * sees {@code db} alone: recompute it with {@link SequentialRule#lift(double, long, long)} from the consequent's
     * support in the whole log. Returns the number of rules delivered (then calls {@link RuleSink#finish()}).
     *
     * @throws BudgetExceededException when the rule or memory budget runs out
     */
    public static long mineShare(SequenceDatabase db, long minSupport, RuleParams params, int[] firstItems,
                                 RuleSink sink) {
        return run(db, minSupport, params, firstItems.clone(), sink);
    }

    private static long run(SequenceDatabase db, long minSup, RuleParams params, int[] roots, RuleSink sink) {
        ItemOccurrences occ = ItemOccurrences.build(db, minSup);
        RuleEmitter emitter = new RuleEmitter(sink, params.minConfidence(), db.numSequences(), params.budget());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            RuleGrowthSearch search = new RuleGrowthSearch(occ, emitter, minSup, params);
            int k;
            while (!emitter.stopped() && (k = next.getAndIncrement()) < roots.length) {
                int item = roots[k];
                if (item >= 0 && item < occ.numItems && occ.support(item) >= minSup) {
                    search.mineFrom(item);
                }
            }
        };
        if (params.threads() == 1) {
            worker.run();
        } else {
            ForkJoinPool pool = new ForkJoinPool(params.threads());
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < params.threads(); t++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new BudgetExceededException("rule mining was interrupted", emitter.emitted());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        sink.finish();
        return emitter.emitted();
    }
}
