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
                (float) decay);
    }

    /**
     * Embeds the items of {@code data} with {@code text}'s settings.
     *
     * @throws InvalidParameterException when no item has any text for the template
     */
    static ItemVectors embedItems(TextSettings text, SequenceDataset data) {
        ItemTextTemplate.ItemTexts texts = ItemTextTemplate.parse(text.template()).renderAll(data.items(),
                data.catalog());
        if (texts.missing() == data.numItems() && data.numItems() > 0) {
            throw new InvalidParameterException("item text template", text.template(),
                    "a template that some item has values for", "no item of " + data.numItems()
                    + " has any of its fields: load item metadata (titles, genres) with the log, e.g. --items");
        }
        try (TextEmbedder e = text.openEmbedder()) {
            return ItemVectors.embed(e, texts);
        }
    }
}
