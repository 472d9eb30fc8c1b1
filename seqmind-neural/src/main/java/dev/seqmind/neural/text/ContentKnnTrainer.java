package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;

import java.util.Objects;

/**
 * Fits {@link ContentKnnRecommender}: embeds every item's text (catalog + template) once; the log is used only for
 * the popularity fall-back.
 *
 * @param text    model, template and cache
 * @param window  history items that make the profile (>= 1)
 * @param decay   weight ratio between consecutive history items, in (0, 1]
 */
public record ContentKnnTrainer(TextSettings text, int window, double decay) implements RecommenderTrainer {
    public static final String NAME = "content-knn";

    public ContentKnnTrainer {
        Objects.requireNonNull(text, "text");
        InvalidParameterException.requireInRange("window", window, 1, 100_000);
        if (!(decay > 0 && decay <= 1)) {
            throw new InvalidParameterException("decay", decay, "in (0, 1]");
        }
    }

    public static ContentKnnTrainer defaults(TextSettings text) {
        return new ContentKnnTrainer(text, 20, 0.8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        ItemVectors v = embedItems(text, train);
        return new ContentKnnRecommender(NAME, train.items(), ItemPopularity.backOffScores(train), v, window,
                (float) decay, text);
    }

    /** Embeds the items of {@code data} with {@code text}'s settings ({@link ItemVectors#embed(TextSettings,
     * dev.seqmind.data.model.IdMap, dev.seqmind.data.model.ItemCatalog)}). */
    static ItemVectors embedItems(TextSettings text, SequenceDataset data) {
        return ItemVectors.embed(text, data.items(), data.catalog());
    }
}
