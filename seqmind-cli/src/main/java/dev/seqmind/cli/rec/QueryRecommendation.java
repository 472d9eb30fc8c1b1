package dev.seqmind.cli.rec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.neural.text.QueryRanker;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One {@code recommend --query} request: ranks items by the query's cosine to their text, blended with the model's
 * behaviour scores when a history is given, and prints each item with what it owes to the query and to the history.
 */
final class QueryRecommendation {
    private final QueryOptions options;
    private final Path model;
    private final List<String> history;
    private final int k;
    private final boolean keepSeen;
    private final List<String> exclude;

    QueryRecommendation(QueryOptions options, Path model, List<String> history, int k, boolean keepSeen,
                        List<String> exclude) {
        this.options = options;
        this.model = model;
        this.history = history;
        this.k = k;
        this.keepSeen = keepSeen;
        this.exclude = exclude;
    }

    int print(PrintWriter out, PrintWriter err) throws IOException {
        if (!history.isEmpty() && model == null) {
            throw new InvalidParameterException("--history", String.join(",", history), "given with --model",
                    "--items ranks by text alone; a history needs a model's behaviour scores");
        }
        if (!(options.queryWeight >= 0 && options.queryWeight <= 1)) {
            throw new InvalidParameterException("--query-weight", options.queryWeight, "in [0, 1]");
        }
        QueryOptions.Source source = options.source(model);
        IdMap items = source.ranker().items();
        ItemCatalog catalog = source.catalog();
        String modelId = source.ranker().settings().model().id();
        long t0 = System.nanoTime();
        float[] cosines;
        try (QueryRanker ranker = source.ranker()) {
            cosines = ranker.cosines(options.query);
        }
        double querySeconds = (System.nanoTime() - t0) / 1e9;
        int[] dense = dense(items, history, err);
        Recommender rec = dense.length > 0 ? ModelDirectory.load(model) : null;
        List<QueryRanker.Hit> hits = QueryRanker.blend(cosines, rec, dense, options.queryWeight, k,
                excluded(items, dense));
        out.println("query: \"" + options.query + "\" (" + modelId
                + String.format(Locale.ROOT, ", embedded in %.0f ms)", querySeconds * 1000));
        if (rec != null) {
            out.printf(Locale.ROOT, "history: %s (query weight %.2f)%n",
                    String.join(" > ", history.stream().map(catalog::label).toList()), options.queryWeight);
        }
        int rank = 1;
        for (QueryRanker.Hit h : hits) {
            String id = items.externalId(h.item());
            Explanation e = rec == null ? Explanation.NONE : rec.explain(dense, h.item());
            out.printf(Locale.ROOT, "%2d. %-8s %-50s score %.4f%n      why: %s%n", rank++, id,
                    truncate(catalog.label(id), 50), h.score(), why(h, rec == null ? null : e));
            if (!e.evidence().isEmpty()) {
                out.println("      because of: " + String.join(", ", e.evidence().stream()
                        .map(d -> catalog.label(items.externalId(d))).toList()));
            }
        }
        return 0;
    }

    /** @param e the model's explanation of the item, or null without a history */
    private static String why(QueryRanker.Hit h, Explanation e) {
        String q = String.format(Locale.ROOT, "matches the query: cosine %.2f", h.cosine());
        if (e == null) {
            return q;
        }
        String because = e.text().isEmpty() ? e.kind() : e.text();
        return q + String.format(Locale.ROOT, "; history: %.2f of the best behaviour score (%s)", h.behaviour(),
                because);
    }

    private static int[] dense(IdMap items, List<String> history, PrintWriter err) {
        List<String> unknown = new ArrayList<>();
        int[] d = new int[history.size()];
        int n = 0;
        for (String id : history) {
            int i = items.denseId(id);
            if (i == IdMap.ABSENT) {
                unknown.add(id);
            } else {
                d[n++] = i;
            }
        }
        if (!unknown.isEmpty()) {
            err.println("ignored items the model does not know: " + unknown);
        }
        return Arrays.copyOf(d, n);
    }

    private int[] excluded(IdMap items, int[] dense) {
        int[] e = new int[exclude.size() + (keepSeen ? 0 : dense.length)];
        int n = 0;
        for (String id : exclude) {
            int i = items.denseId(id);
            if (i != IdMap.ABSENT) {
                e[n++] = i;
            }
        }
        if (!keepSeen) {
            for (int i : dense) {
                e[n++] = i;
            }
        }
        return Arrays.copyOf(e, n);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
