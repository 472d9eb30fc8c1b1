package dev.seqmind.rec.topk;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.rerank.MmrReranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Top-K for a history: of external item ids ({@link #recommend}: unknown items are dropped and reported) or of the
 * model's dense ids ({@link #top}), optionally restricted to candidates and optionally explained.
 *
 * <p>Thread-safe. The score array (catalogue-sized) and the selector are scratch buffers taken from a pool owned by
 * this instance and returned after each call, so concurrent callers (virtual threads included, which thread-locals
 * would not serve) reuse them instead of allocating per request; the pool holds at most as many as ran at once.
 */
public final class Recommendations {
    private final Recommender model;
    private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

    public Recommendations(Recommender model) {
        this.model = model;
    }

    public Recommender model() {
        return model;
    }

    /** The outcome of one request: the recommendations and the history items the model did not know. */
    public record Result(List<Recommendation> items, List<String> unknownHistoryItems) {
        public Result {
            items = List.copyOf(items);
            unknownHistoryItems = List.copyOf(unknownHistoryItems);
        }
    }

    /**
     * One dense top-K request.
     *
     * @param history     dense ids, oldest first (ids outside the catalogue are the caller's to drop)
     * @param k           items wanted
     * @param seen        whether items of the history may be returned
     * @param exclude     further dense ids never to return; may be empty
     * @param candidates  the only dense ids that may be returned, or {@code null} for the whole catalogue
     * @param explain     whether to explain each item
     */
    public record Query(int[] history, int k, SeenItems seen, int[] exclude, int[] candidates, Explain explain) {
        public Query {
            if (k < 0) {
                throw new IllegalArgumentException("k must be >= 0, but got " + k);
            }
        }
    }

    /**
     * The dense answer: {@code items[i]} scored {@code scores[i]}, best first, with {@code explanations[i]} (all
     * {@link Explanation#NONE} unless asked).
     */
    public record DenseResult(int[] items, float[] scores, List<Explanation> explanations) {
        public int size() {
            return items.length;
        }
    }

    /** {@link #recommend(List, int, SeenItems, Collection, Explain)} with explanations. */
    public Result recommend(List<String> history, int k, SeenItems seen, Collection<String> exclude) {
        return recommend(history, k, seen, exclude, Explain.EACH);
    }

    /**
     * The {@code k} best items after {@code history} (external ids, oldest first).
     *
     * @param seen     whether items of the history may be returned
     * @param exclude  further external ids never to return (unknown ones are ignored); may be empty
     */
    public Result recommend(List<String> history, int k, SeenItems seen, Collection<String> exclude, Explain explain) {
        return recommend(history, k, seen, exclude, explain, null);
    }

    /** With explanations, the list re-ranked for diversity by {@code reranker}; scores stay the model's own. */
    public Result recommend(List<String> history, int k, SeenItems seen, Collection<String> exclude,
                            MmrReranker reranker) {
        return recommend(history, k, seen, exclude, Explain.EACH, reranker);
    }

    /**
     * As {@link #recommend(List, int, SeenItems, Collection, Explain)}, re-ranked by {@code reranker} when it is not
     * null.
     */
    public Result recommend(List<String> history, int k, SeenItems seen, Collection<String> exclude, Explain explain,
                            MmrReranker reranker) {
        IdMap items = model.items();
        int[] dense = new int[history.size()];
        int n = 0;
        List<String> unknown = new ArrayList<>();
        for (String id : history) {
            int d = items.denseId(id);
            if (d == IdMap.ABSENT) {
                unknown.add(id);
            } else {
                dense[n++] = d;
            }
        }
        int[] excl = new int[exclude.size()];
        int e = 0;
        for (String id : exclude) {
            int d = items.denseId(id);
            if (d != IdMap.ABSENT) {
                excl[e++] = d;
            }
        }
        DenseResult top = top(new Query(Arrays.copyOf(dense, n), k, seen, Arrays.copyOf(excl, e), null, explain),
                reranker);
        List<Recommendation> out = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            out.add(new Recommendation(items.externalId(top.items()[i]), top.scores()[i], top.explanations().get(i)));
        }
        return new Result(out, unknown);
    }

    /** Answers a dense query. */
    public DenseResult top(Query q) {
        return top(q, null, model);
    }

    /** Answers a dense query, re-ranked for diversity by {@code reranker} unless it is null. */
    public DenseResult top(Query q, MmrReranker reranker) {
        return top(q, reranker, model);
    }

    /**
     * Answers a dense query with {@code scorer} in place of the model: a view of the same model over the same items
     * (for example one that keeps a user's encoded history between requests), which must score exactly as the model
     * does.
     */
    public DenseResult top(Query q, Recommender scorer) {
        if (scorer.numItems() != model.numItems()) {
            throw new IllegalArgumentException("scorer has " + scorer.numItems() + " items, the model "
                    + model.numItems());
        }
        return top(q, null, scorer);
    }

    private DenseResult top(Query q, MmrReranker reranker, Recommender scorer) {
        int[] h = q.history();
        int[] exclude = q.exclude();
        int excludeLength = exclude.length;
        if (q.seen() == SeenItems.EXCLUDE && h.length > 0) {
            exclude = Arrays.copyOf(exclude, exclude.length + h.length);
            System.arraycopy(h, 0, exclude, excludeLength, h.length);
            excludeLength = exclude.length;
        }
        Scratch s = take();
        TopKSelector.Result top;
        try {
            if (q.candidates() == null) {
                scorer.score(h, s.scores);
                top = reranker == null ? s.selector.select(s.scores, scorer.numItems(), q.k(), exclude, excludeLength)
                        : reranker.rerank(s.scores, scorer.numItems(), q.k(), exclude, excludeLength);
            } else {
                top = among(q, h, exclude, excludeLength, s, scorer);
                if (reranker != null) {
                    top = reranker.rerank(top, q.k());
                }
            }
        } finally {
            pool.offer(s);
        }
        int[] chosen = Arrays.copyOf(top.items(), top.size());
        List<Explanation> why = q.explain() == Explain.EACH ? scorer.explainAll(h, chosen)
                : Collections.nCopies(chosen.length, Explanation.NONE);
        return new DenseResult(chosen, Arrays.copyOf(top.scores(), top.size()), why);
    }

    private TopKSelector.Result among(Query q, int[] h, int[] exclude, int excludeLength, Scratch s,
                                      Recommender scorer) {
        int n = scorer.numItems();
        int[] c = q.candidates();
        int[] kept = new int[c.length];
        int m = 0;
        outer:
        for (int item : c) {
            if (item < 0 || item >= n) {
                continue;
            }
            for (int j = 0; j < excludeLength; j++) {
                if (exclude[j] == item) {
                    continue outer;
                }
            }
            kept[m++] = item;
        }
        int[] cand = Arrays.copyOf(kept, m);
        float[] candScores = new float[m];
        scorer.scoreCandidates(h, cand, candScores);
        for (int i = 0; i < m; i++) {
            s.scores[cand[i]] = candScores[i];
        }
        return s.selector.selectAmong(s.scores, cand, m, q.k());
    }

    private Scratch take() {
        Scratch s = pool.poll();
        return s != null ? s : new Scratch(new float[model.numItems()], new TopKSelector());
    }

    private record Scratch(float[] scores, TopKSelector selector) {
    }
}
