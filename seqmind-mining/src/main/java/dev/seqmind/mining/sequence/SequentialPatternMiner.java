package dev.seqmind.mining.sequence;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.ItemsetGrouping;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.PatternSink;
import dev.seqmind.mining.SequenceDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mines frequent sequential patterns under SPMF semantics: a pattern is a sequence of itemsets; a sequence contains it
 * when the pattern's itemsets are subsets of strictly increasing itemsets of the sequence; support is the number of
 * sequences containing it; every pattern with support {@code >= minSupport} is reported, single items included, the
 * empty pattern excluded. Absolute support for a fraction is {@code ceil(fraction * sequences)}.
 *
 * <p>Steps: rank frequent items and drop the rest ({@link RankedDatabase}), build every single item's projection
 * ({@link FirstLevel}), then grow each single item's subtree depth-first, with the subtrees shared out to
 * {@code params.threads()} workers on a {@link ForkJoinPool} (largest support first). Gap and window constraints run
 * the occurrence-tracking search; otherwise {@link SequenceAlgorithm#PREFIXSPAN} or {@link SequenceAlgorithm#SPAM}.
 * Closed and maximal patterns are found by a pass over the frequent patterns (memory grows with their number).
 *
 * <p>Stateless and thread-safe: every call builds its own search state. The sink is called from one thread at a time.
 */
public final class SequentialPatternMiner {
    private SequentialPatternMiner() {
    }

    /** Mines a dataset with events of equal time grouped into itemsets. */
    public static MiningStats mine(SequenceDataset data, SequenceMiningParams params, PatternSink sink) {
        return mine(SequenceDatabase.of(data, ItemsetGrouping.SAME_TIME), params, sink);
    }

    /**
     * Mines {@code db}, streaming patterns to {@code sink} and calling {@link PatternSink#finish()} at the end.
     *
     * @throws dev.seqmind.mining.BudgetExceededException when a budget stops the search (patterns found until then
     *                                                     were delivered)
     */
    public static MiningStats mine(SequenceDatabase db, SequenceMiningParams params, PatternSink sink) {
        return mine(db, params, sink, Progress.NONE);
    }

    /**
     * As {@link #mine(SequenceDatabase, SequenceMiningParams, PatternSink)}, reporting one unit per finished
     * single-item subtree to {@code progress} and stopping (with a {@link dev.seqmind.mining.BudgetExceededException})
     * when it is cancelled.
     */
    public static MiningStats mine(SequenceDatabase db, SequenceMiningParams params, PatternSink sink,
                                   Progress progress) {
        long t0 = System.nanoTime();
        if (params.topK() > 0 && params.output() != OutputKind.ALL) {
            throw new InvalidParameterException("output", params.output(), "ALL when topK > 0",
                    "mine closed or maximal patterns with a minimum support instead");
        }
        long minSup = params.minSupport().absolute(db.numSequences());
        PatternConstraints c = params.constraints();
        boolean occurrences = c.needsOccurrences();
        RankedDatabase ranked = RankedDatabase.build(db, minSup, c.excludedItems(), occurrences);
        SequenceAlgorithm algorithm = AlgorithmChooser.choose(ranked, params);
        if (algorithm == SequenceAlgorithm.SPAM && occurrences) {
            throw new InvalidParameterException("algorithm", algorithm, "PREFIXSPAN or AUTO with gap/window constraints",
                    "the bitmap search supports length and item constraints only");
        }
        PatternSink target = params.output() == OutputKind.ALL ? sink : new CollectingSink();
        SearchContext ctx = new SearchContext(ranked, target, c, params.budget(), minSup, params.topK());
        if (!ctx.requiredImpossible() && ranked.numRanks() > 0) {
            try (Progress.Task task = progress.start("mine " + db.name(), ranked.numRanks(), "items")) {
                run(ranked, ctx, algorithm, occurrences, params.threads(), progress, task);
            }
        }
        long delivered;
        if (params.output() == OutputKind.ALL) {
            ctx.finish();
            delivered = ctx.emitted();
        } else {
            ctx.finish();
            delivered = ClosedMaximalFilter.filter(((CollectingSink) target).patterns(), params.output(), c, sink);
        }
        return new MiningStats(algorithm, ctx.threshold(), db.numSequences(), ranked.numRanks(), delivered,
                ctx.nodes(), System.nanoTime() - t0);
    }

    /**
     * Grows only the first-level subtrees that {@code share} owns, the seam a distributed search partitions on: a
     * pattern belongs to the subtree of the first item of its first itemset in {@code share}'s global order, so the
     * shares of a partition of the items find every pattern exactly once. {@code db} must hold every sequence (or
     * the suffix from the first itemset holding an owned item) that contains an owned item; its other sequences only
     * cost time. The support threshold must be absolute ({@link MinSupport#count}), since {@code db} is not the
     * whole database, and only {@link OutputKind#ALL} without top-k is supported (closed, maximal and top-k need
     * every subtree).
     *
     * @throws InvalidParameterException if the threshold is a fraction, or the output is not ALL, or top-k is set
     */
    public static MiningStats mineSubtrees(SequenceDatabase db, SequenceMiningParams params, SubtreeShare share,
                                           PatternSink sink) {
        long t0 = System.nanoTime();
        if (params.minSupport().count() <= 0) {
            throw new InvalidParameterException("minSupport", params.minSupport(), "an absolute count",
                    "convert the fraction with MinSupport.absolute(total sequences) before sharing out the search");
        }
        if (params.topK() > 0 || params.output() != OutputKind.ALL) {
            throw new InvalidParameterException("output", params.output() + " top-k " + params.topK(),
                    "ALL without top-k", "closed, maximal and top-k searches need every subtree in one place");
        }
        long minSup = params.minSupport().count();
        PatternConstraints c = params.constraints();
        boolean occurrences = c.needsOccurrences();
        RankedDatabase ranked = RankedDatabase.build(db, minSup, c.excludedItems(), occurrences, share.orderOfItem());
        SequenceAlgorithm algorithm = AlgorithmChooser.choose(ranked, params);
        if (algorithm == SequenceAlgorithm.SPAM && occurrences) {
            algorithm = SequenceAlgorithm.PREFIXSPAN;
        }
        boolean[] owned = new boolean[ranked.numRanks()];
        for (int item : share.roots()) {
            if (item < ranked.rankOfItem.length && ranked.rankOfItem[item] >= 0) {
                owned[ranked.rankOfItem[item]] = true;
            }
        }
        SearchContext ctx = new SearchContext(ranked, sink, c, params.budget(), minSup, 0);
        if (!ctx.requiredImpossible() && ranked.numRanks() > 0) {
            try (Progress.Task task = Progress.NONE.start("mine " + db.name(), ranked.numRanks(), "items")) {
                run(ranked, ctx, algorithm, occurrences, params.threads(), Progress.NONE, task, owned);
            }
        }
        ctx.finish();
        return new MiningStats(algorithm, ctx.threshold(), db.numSequences(), ranked.numRanks(), ctx.emitted(),
                ctx.nodes(), System.nanoTime() - t0);
    }

    private static void run(RankedDatabase db, SearchContext ctx, SequenceAlgorithm algorithm, boolean occurrences,
                            int threads, Progress progress, Progress.Task task) {
        run(db, ctx, algorithm, occurrences, threads, progress, task, null);
    }

    private static void run(RankedDatabase db, SearchContext ctx, SequenceAlgorithm algorithm, boolean occurrences,
                            int threads, Progress progress, Progress.Task task, boolean[] ownedRanks) {
        FirstLevel level = algorithm == SequenceAlgorithm.SPAM ? null : FirstLevel.build(db, occurrences);
        SpamBitmaps bitmaps = algorithm == SequenceAlgorithm.SPAM ? SpamBitmaps.build(db) : null;
        AtomicInteger nextRank = new AtomicInteger();
        Runnable worker = () -> {
            RootWorker w = occurrences ? new OccurrenceSearch(ctx, level)::mineFrom
                    : algorithm == SequenceAlgorithm.SPAM ? new SpamSearch(ctx, bitmaps)::mineFrom
                    : prefixSpan(new PrefixSpanSearch(ctx), level);
            int r;
            while (!ctx.stopped() && (r = nextRank.getAndIncrement()) < db.numRanks()) {
                if (progress.isCancelled()) {
                    ctx.stop();
                    throw new BudgetExceededException("mining was cancelled after "
                            + ctx.emitted() + " patterns", ctx.emitted());
                }
                if (db.supportOfRank[r] >= ctx.threshold() && (ownedRanks == null || ownedRanks[r])) {
                    w.mineFrom(r);
                }
                task.advance(1);
            }
        };
        if (threads == 1) {
            worker.run();
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            RuntimeException failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new BudgetExceededException("mining was interrupted", ctx.emitted());
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }

    private static RootWorker prefixSpan(PrefixSpanSearch search, FirstLevel level) {
        return r -> search.mineFrom(r, level.seqs, level.ends, level.from(r), level.to(r));
    }

    /** Grows the subtree of one single item. */
    @FunctionalInterface
    interface RootWorker {
        void mineFrom(int rank);
    }
}
