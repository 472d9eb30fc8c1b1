package dev.seqmind.cli.rec;

import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.read.InputFiles;
import dev.seqmind.data.read.ItemTableReader;
import dev.seqmind.neural.text.ItemTextTemplate;
import dev.seqmind.neural.text.QueryRanker;
import dev.seqmind.neural.text.TextModelSpec;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.rec.store.ItemsFile;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;

/** The free-text query options of {@code seqmind recommend}, and the item vectors they rank. */
final class QueryOptions {
    @Option(names = "--query", paramLabel = "TEXT", description = "Free text: rank items by the cosine of their text "
            + "to it, embedded by the item vectors' sentence model (--model of a content-knn, lm-zero-shot or "
            + "sasrec-text model, or --items FILE).")
    String query;

    @Option(names = "--query-weight", paramLabel = "W", defaultValue = "0.5",
            description = "With --query and --history: score = W * cosine + (1 - W) * the model's behaviour score "
                    + "rescaled to [0, 1]; 1 = the query alone, 0 = the history alone (default ${DEFAULT-VALUE}).")
    float queryWeight = QueryRanker.DEFAULT_QUERY_WEIGHT;

    @Option(names = "--items", paramLabel = "FILE", description = "With --query and no --model: an item table to "
            + "rank by text alone: MovieLens movies.dat (id::title::genres) or a table with a header (id first; "
            + "title, genres/categories).")
    Path items;

    @Option(names = "--text-model", paramLabel = "NAME", defaultValue = "minilm",
            description = "With --items: minilm, bge-small-zh or a local .onnx path (default ${DEFAULT-VALUE}).")
    String textModel = "minilm";

    @Option(names = "--template", defaultValue = ItemTextTemplate.DEFAULT,
            description = "With --items: item text template (default ${DEFAULT-VALUE}).")
    String template = ItemTextTemplate.DEFAULT;

    @Option(names = "--vector-cache", paramLabel = "DIR", description = "With --query: the item vector cache "
            + "(default: $SEQMIND_CACHE/embeddings, else ~/.cache/seqmind/embeddings).")
    Path vectorCache;

    /** The ranker and the item titles it ranks. */
    record Source(QueryRanker ranker, ItemCatalog catalog) {
    }

    /** The ranker of {@code --model} (its own sentence model) or of {@code --items}. */
    Source source(Path model) throws IOException {
        if (model != null && items != null) {
            throw new InvalidParameterException("--items", items, "absent with --model",
                    "a model directory brings its own items and sentence model");
        }
        if (model != null) {
            return new Source(QueryRanker.forModel(model, vectorCache), ItemsFile.readCatalog(model));
        }
        if (items == null) {
            throw new InvalidParameterException("--query", query, "given with --model DIR or --items FILE");
        }
        ItemCatalog catalog = readItems(items);
        IdMap ids = IdMap.of(new ArrayList<>(catalog.asMap().keySet()));
        TextSettings text = TextSettings.of(TextModelSpec.byName(textModel)).withTemplate(template);
        return new Source(QueryRanker.of(vectorCache == null ? text : text.withCacheDir(vectorCache), ids, catalog),
                catalog);
    }

    /** movies.dat when the first line has {@code ::}, else a table with a header. */
    static ItemCatalog readItems(Path file) throws IOException {
        InputFiles.requireExists(file);
        String first;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                InputFiles.open(file), StandardCharsets.ISO_8859_1))) {
            first = r.readLine();
        }
        ItemTableReader reader = first != null && first.contains("::") ? ItemTableReader.movieLensMovies()
                : DatasetOptions.itemTable(file);
        return reader.read(file);
    }
}
