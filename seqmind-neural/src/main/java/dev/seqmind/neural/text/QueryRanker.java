package dev.seqmind.neural.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Free-text queries: the query is embedded by the same sentence model as the item vectors, every item is scored by
 * the cosine of its text to the query, and that cosine is optionally blended with a model's behaviour scores for a
 * history: {@code w * cosine + (1 - w) * minmax(behaviour)}, the behaviour scores rescaled to [0, 1] over the items
 * that may be returned so that both parts have comparable ranges. Items without text are never returned.
 *
 * <p>Thread-safe (the embedder is). Holds the sentence model's embedder, opened once for the items and the
 * queries: close it.
 */
public final class QueryRanker implements AutoCloseable {
    /** The default query weight: query and behaviour count equally. */
    public static final float DEFAULT_QUERY_WEIGHT = 0.5f;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdMap items;
    private final ItemVectors vectors;
    private final TextSettings settings;
    private final TextEmbedder embedder;

    /** @param embedder an embedder of {@code settings}' model, owned (closed) by this ranker from now on */
    public QueryRanker(IdMap items, ItemVectors vectors, TextSettings settings, TextEmbedder embedder) {
        if (vectors.numItems() != items.size()) {
            throw new IllegalArgumentException(vectors.numItems() + " item vectors for " + items.size() + " items");
        }
        this.items = items;
        this.vectors = vectors;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /** Embeds every item's text of {@code catalog} (through the vector cache) with {@code settings}. */
    public static QueryRanker of(TextSettings settings, IdMap items, ItemCatalog catalog) {
        TextEmbedder e = settings.openEmbedder();
        try {
            return new QueryRanker(items, ItemVectors.embed(settings, items, catalog, e), settings, e);
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    /**
     * The query side of a saved content-knn, lm-zero-shot or sasrec-text model: its sentence model and template, and
     * the item text kept in {@code items.json}.
     *
     * @throws InvalidParameterException (for {@code --model}) when the directory holds a model without a text side
     */
    public static QueryRanker forModel(Path dir, Path cacheDir) throws IOException {
        TextSettings s = textSettings(dir);
        if (cacheDir != null) {
            s = s.withCacheDir(cacheDir);
        }
        return of(s, ItemsFile.readIds(dir), ItemsFile.readCatalog(dir));
    }

    /**
     * The query side of a loaded model: the item vectors a content-knn or lm-zero-shot model already holds (items
     * added to it after loading included), else {@link #forModel} of its directory.
     *
     * @param model the model as loaded from {@code dir}
     */
    public static QueryRanker forLoaded(Recommender model, Path dir, Path cacheDir) throws IOException {
        return forLoaded(model, dir, null, cacheDir);
    }

    /**
     * As {@link #forLoaded(Recommender, Path, Path)}, but a model without item vectors of its own (a hybrid) gets
     * the vectors of its own items, rendered from {@code catalog} (which holds the items added after loading too),
     * so that they line up with its scores; {@code catalog} {@code null} = the directory's items.
     */
    public static QueryRanker forLoaded(Recommender model, Path dir, ItemCatalog catalog, Path cacheDir)
            throws IOException {
        ItemVectors v = null;
        TextSettings s = null;
        if (model instanceof ContentKnnRecommender c) {
            v = c.vectors();
            s = c.settings();
        } else if (model instanceof LmZeroShotRecommender z) {
            v = z.vectors();
            s = z.settings();
        }
        if (v == null && catalog != null) {
            TextSettings t = textSettings(dir);
            return of(cacheDir == null ? t : t.withCacheDir(cacheDir), model.items(), catalog);
        }
        if (v == null) {
            return forModel(dir, cacheDir);
        }
        TextSettings settings = cacheDir == null ? s : s.withCacheDir(cacheDir);
        return new QueryRanker(model.items(), v, settings, settings.openEmbedder());
    }

    /** Whether {@code dir} holds a model with a text side ({@link #forModel} would succeed on its settings). */
    public static boolean hasTextSide(Path dir) {
        return Files.isRegularFile(dir.resolve(ContentModelFormat.FILE))
                || Files.isRegularFile(dir.resolve("text.json"));
    }

    /** The sentence model and template a model directory's item vectors were made with. */
    static TextSettings textSettings(Path dir) throws IOException {
        Path content = dir.resolve(ContentModelFormat.FILE);
        if (Files.isRegularFile(content)) {
            ContentModelFormat.Saved s = JSON.readValue(content.toFile(), ContentModelFormat.Saved.class);
            return TextSettings.of(s.model()).withTemplate(s.template());
        }
        Path text = dir.resolve("text.json");
        if (Files.isRegularFile(text)) {
            TextItemRepresentation.Saved s = JSON.readValue(text.toFile(), TextItemRepresentation.Saved.class);
            return TextSettings.of(s.model()).withTemplate(s.template());
        }
        String type = Files.isRegularFile(dir.resolve(ModelDirectory.META)) ? ModelDirectory.readMeta(dir).type()
                : "no model";
        throw new InvalidParameterException("--model", dir, "a content-knn, lm-zero-shot or sasrec-text model "
                + "directory (item vectors from a sentence model)", "it holds " + type + " without a text side; "
                + "rank by text alone with --items FILE, or save a text model with evaluate --save-models");
    }

    public IdMap items() {
        return items;
    }

    public TextSettings settings() {
        return settings;
    }

    /** The item vectors the queries are compared with. */
    public ItemVectors vectors() {
        return vectors;
    }

    /** The query's cosine to every item ({@code -inf} for items without text). */
    public float[] cosines(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidParameterException("--query", "'" + query + "'", "non-blank text");
        }
        float[] q = embedder.embed(List.of(query)).vectors()[0];
        float[] out = new float[items.size()];
        vectors.dotAll(q, out);
        return out;
    }

    @Override
    public void close() {
        embedder.close();
    }

    /**
     * One ranked item.
     *
     * @param item      dense id
     * @param score     the blended score (the cosine when there is no behaviour part)
     * @param cosine    the query's cosine to the item's text
     * @param behaviour the behaviour score rescaled to [0, 1], or NaN without one
     */
    public record Hit(int item, float score, float cosine, float behaviour) {
    }

    /**
     * The {@code k} best items for the query.
     *
     * @param cosines   {@link #cosines} of the query
     * @param behaviour a model's scores for a history (dense id order), or null for the query alone
     * @param weight    the query's weight in [0, 1]; ignored without behaviour scores
     * @param exclude   dense ids never to return
     */
    public static List<Hit> rank(float[] cosines, float[] behaviour, float weight, int k, int[] exclude) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new InvalidParameterException("--query-weight", weight, "in [0, 1]");
        }
        int n = cosines.length;
        boolean[] skip = new boolean[n];
        for (int e : exclude) {
            if (e >= 0 && e < n) {
                skip[e] = true;
            }
        }
        float[] norm = behaviour == null ? null : minMax(behaviour, cosines, skip);
        float[] score = new float[n];
        for (int i = 0; i < n; i++) {
            score[i] = norm == null ? cosines[i] : weight * cosines[i] + (1 - weight) * norm[i];
            if (cosines[i] == Float.NEGATIVE_INFINITY) {
                score[i] = Float.NEGATIVE_INFINITY;
            }
        }
        TopKSelector.Result top = new TopKSelector().select(score, n, k, exclude, exclude.length);
        List<Hit> out = new ArrayList<>();
        for (int j = 0; j < top.items().length; j++) {
            int i = top.items()[j];
            if (score[i] == Float.NEGATIVE_INFINITY || skip[i]) {
                continue;
            }
            out.add(new Hit(i, score[i], cosines[i], norm == null ? Float.NaN : norm[i]));
        }
        return out;
    }

    /**
     * The query blended with {@code model}'s behaviour scores for {@code history} ({@link #rank}); the query alone
     * when the history is empty or there is no model.
     *
     * @param cosines {@link #cosines} of the query, over the model's items
     * @param history dense ids of the model
     */
    public static List<Hit> blend(float[] cosines, Recommender model, int[] history, float weight, int k,
                                  int[] exclude) {
        float[] behaviour = null;
        if (model != null && history.length > 0) {
            if (model.numItems() != cosines.length) {
                throw new IllegalArgumentException(cosines.length + " cosines for a model of " + model.numItems()
                        + " items");
            }
            behaviour = new float[model.numItems()];
            model.score(history, behaviour);
        }
        return rank(cosines, behaviour, weight, k, exclude);
    }

    /** Behaviour scores rescaled to [0, 1] over finite scores of returnable items with text; others 0. */
    private static float[] minMax(float[] b, float[] cosines, boolean[] skip) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < b.length; i++) {
            if (!skip[i] && Float.isFinite(b[i]) && cosines[i] != Float.NEGATIVE_INFINITY) {
                lo = Math.min(lo, b[i]);
                hi = Math.max(hi, b[i]);
            }
        }
        float[] out = new float[b.length];
        if (!(hi > lo)) {
            return out;
        }
        for (int i = 0; i < b.length; i++) {
            out[i] = Float.isFinite(b[i]) ? Math.max(0f, Math.min(1f, (b[i] - lo) / (hi - lo))) : 0f;
        }
        return out;
    }
}
