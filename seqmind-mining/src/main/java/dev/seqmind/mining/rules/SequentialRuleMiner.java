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
        ItemOccurrences occ = ItemOccurrences.build(db, minSup);
        RuleEmitter emitter = new RuleEmitter(sink, params.minConfidence(), db.numSequences(), params.budget());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            RuleGrowthSearch search = new RuleGrowthSearch(occ, emitter, minSup, params);
            int item;
            while (!emitter.stopped() && (item = next.getAndIncrement()) < occ.numItems) {
                if (occ.support(item) >= minSup) {
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
