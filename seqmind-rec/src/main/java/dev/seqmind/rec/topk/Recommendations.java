package dev.seqmind.rec.topk;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rerank.MmrReranker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Top-K for a history of external item ids: maps the history to dense ids (unknown items are dropped and counted),
 * scores, selects and maps back. Stateless apart from the model; thread-safe (each call uses its own buffers).
 */
public final class Recommendations {
    private final Recommender model;

    public Recommendations(Recommender model) {
        this.model = model;
    }

    /** The outcome of one request: the recommendations and the history items the model did not know. */
    public record Result(List<Recommendation> items, List<String> unknownHistoryItems) {
        public Result {
            items = List.copyOf(items);
            unknownHistoryItems = List.copyOf(unknownHistoryItems);
        }
    }

    /**
     * The {@code k} best items after {@code history} (oldest first), with explanations.
     *
     * @param seen     whether items of the history may be returned
     * @param exclude  further external ids never to return (unknown ones are ignored); may be empty
     */
    public Result recommend(List<String> history, int k, SeenItems seen, Collection<String> exclude) {
        return recommend(history, k, seen, exclude, null);
    }

    /**
     * Like {@link #recommend(List, int, SeenItems, Collection)}, with the list re-ranked for diversity by
     * {@code reranker} (null: the model's order); scores stay the model's own.
     */
    public Result recommend(List<String> history, int k, SeenItems seen, Collection<String> exclude,
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
        int[] h = java.util.Arrays.copyOf(dense, n);
        int[] excl = new int[(seen == SeenItems.EXCLUDE ? n : 0) + exclude.size()];
        int e = 0;
        if (seen == SeenItems.EXCLUDE) {
            System.arraycopy(h, 0, excl, 0, n);
            e = n;
        }
        for (String id : exclude) {
            int d = items.denseId(id);
            if (d != IdMap.ABSENT) {
                excl[e++] = d;
            }
        }
        float[] scores = new float[model.numItems()];
        model.score(h, scores);
        TopKSelector.Result top = reranker == null
                ? new TopKSelector().select(scores, model.numItems(), k, excl, e)
                : reranker.rerank(scores, model.numItems(), k, excl, e);
        List<Explanation> why = model.explainAll(h, java.util.Arrays.copyOf(top.items(), top.size()));
        List<Recommendation> out = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            out.add(new Recommendation(items.externalId(top.items()[i]), top.scores()[i], why.get(i)));
        }
        return new Result(out, unknown);
    }
}
