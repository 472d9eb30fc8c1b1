package dev.seqmind.server.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.text.ColdBlendRecommender;
import dev.seqmind.neural.text.ColdBlendWeights;
import dev.seqmind.neural.text.QueryRanker;
import dev.seqmind.rec.Recommender;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a served model with a sentence-model side offers besides its own scores: free-text queries
 * ({@link QueryRanker}, the same blend as {@code seqmind recommend --query}) and the cold-start blend of text
 * similarity, the server's mined rules and recent popularity for users with few events
 * ({@link ColdBlendRecommender}). Opened at first use by {@link ServedModel#text}; the sentence model's session is
 * closed with the served model. Thread-safe.
 */
public final class TextSide implements AutoCloseable {
    /** Users with at most this many events get the cold-start blend. */
    public static final int COLD_USER_EVENTS = 3;

    private final QueryRanker ranker;
    private final RuleConfidences rules;

    private TextSide(QueryRanker ranker, RuleConfidences rules) {
        this.ranker = ranker;
        this.rules = rules;
    }

    /**
     * The text side of {@code model} as loaded from {@code dir}, its items' metadata in {@code catalog} (items added
     * since loading included).
     *
     * @param cacheDir the vector cache, or null for the default
     */
    static TextSide open(Recommender model, Path dir, dev.seqmind.data.model.ItemCatalog catalog, Path cacheDir,
                         RuleIndex rules) throws IOException {
        QueryRanker r = QueryRanker.forLoaded(model, dir, catalog, cacheDir);
        return new TextSide(r, new RuleConfidences(rules, r.items()));
    }

    /** Whether a model loaded from {@code dir} has a text side. */
    static boolean supports(Recommender model, Path dir) {
        return model instanceof dev.seqmind.neural.text.ContentKnnRecommender
                || model instanceof dev.seqmind.neural.text.LmZeroShotRecommender || QueryRanker.hasTextSide(dir);
    }

    public QueryRanker ranker() {
        return ranker;
    }

    /**
     * The cold-start blend with the default weights, {@code popularity} (dense id order, in [0, 1]) as its
     * popularity part.
     */
    public Recommender coldBlend(float[] popularity) {
        IdMap items = ranker.items();
        return new ColdBlendRecommender("cold-blend", items, popularity, ranker.vectors(), rules,
                ColdBlendWeights.DEFAULTS);
    }

    @Override
    public void close() {
        ranker.close();
    }
}
