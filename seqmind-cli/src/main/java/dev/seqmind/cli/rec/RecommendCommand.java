package dev.seqmind.cli.rec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.topk.Recommendation;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind recommend}: top-K for a history of external item ids, with titles and explanations. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Top-K next items for a history, from a saved model directory, with explanations; or for a "
                + "free-text --query, ranked by the cosine of item text to it and blended with the history.")
public final class RecommendCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "A model directory (seqmind evaluate --save-models). Required "
            + "unless --query is given with --items.")
    Path model;

    @Option(names = "--history", split = ",", description = "External item ids, oldest first. Required unless "
            + "--query is given.")
    List<String> history;

    @Option(names = "-k", defaultValue = "10", description = "How many items (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--keep-seen", description = "Also recommend items of the history. Off by default: a shop gains "
            + "nothing by showing the item just viewed, and repeats crowd out discovery (a re-purchase model can "
            + "turn this on).")
    boolean keepSeen;

    @Option(names = "--exclude", split = ",", description = "Further external item ids never to recommend.")
    List<String> exclude = List.of();

    @Option(names = "--diversity-lambda", description = "Re-rank the list by maximal marginal relevance: 1 keeps "
            + "the model's order, lower values trade score for variety (in [0, 1]; default: no re-ranking).")
    Double diversityLambda;

    @CommandLine.Mixin
    DiversityOptions diversity = new DiversityOptions();

    @CommandLine.Mixin
    QueryOptions query = new QueryOptions();

    @Override
    public Integer call() throws IOException {
        if (k < 1) {
            throw new InvalidParameterException("-k", k, ">= 1");
        }
        if (query.query != null) {
            return new QueryRecommendation(query, model, history == null ? List.of() : history, k, keepSeen, exclude)
                    .print(out(), err());
        }
        if (model == null || history == null) {
            throw new InvalidParameterException(model == null ? "--model" : "--history", "(missing)",
                    "given (or use --query)");
        }
        Recommender rec = ModelDirectory.load(model);
        ItemCatalog catalog = ItemsFile.readCatalog(model);
        var reranker = diversityLambda == null ? null : diversity.reranker(rec, catalog, diversityLambda);
        var result = new Recommendations(rec).recommend(history, k,
                keepSeen ? SeenItems.KEEP : SeenItems.EXCLUDE, exclude, reranker);
        if (!result.unknownHistoryItems().isEmpty()) {
            err().println("ignored items the model does not know: " + result.unknownHistoryItems());
        }
        out().println("history: " + String.join(" > ", history.stream().map(catalog::label).toList()));
        int rank = 1;
        for (Recommendation r : result.items()) {
            out().printf(Locale.ROOT, "%2d. %-8s %-50s score %.4f%n      why: %s%n", rank++, r.item(),
                    truncate(catalog.label(r.item()), 50), r.score(), describe(r));
            if (!r.why().evidence().isEmpty()) {
                out().println("      because of: " + String.join(", ", r.why().evidence().stream()
                        .map(d -> catalog.label(rec.items().externalId(d))).toList()));
            }
        }
        return 0;
    }

    private static String describe(Recommendation r) {
        return r.why().text().isEmpty() ? r.why().kind() : r.why().text();
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
