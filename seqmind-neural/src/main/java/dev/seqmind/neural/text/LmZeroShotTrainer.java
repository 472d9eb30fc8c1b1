package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;

import java.util.Objects;

/**
 * Builds {@link LmZeroShotRecommender}: item vectors from their text, and an embedder kept open for histories. No
 * parameter is learned from the log (popularity is only the empty-history fall-back).
 *
 * @param text          model, template and cache
 * @param historyItems  most recent history items put into the behaviour sentence (>= 1)
 * @param verb          the sentence's verb, e.g. "Watched"
 */
public record LmZeroShotTrainer(TextSettings text, int historyItems, String verb) implements RecommenderTrainer {
    public static final String NAME = "lm-zero-shot";

    public LmZeroShotTrainer {
        Objects.requireNonNull(text, "text");
        InvalidParameterException.requireInRange("historyItems", historyItems, 1, 1000);
        if (verb == null || verb.isBlank()) {
            throw new InvalidParameterException("verb", "'" + verb + "'", "a non-blank word");
        }
    }

    public static LmZeroShotTrainer defaults(TextSettings text) {
        return new LmZeroShotTrainer(text, 10, "Watched");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        ItemVectors v = ContentKnnTrainer.embedItems(text, train);
        TextEmbedder embedder = text.openEmbedder();
        return new LmZeroShotRecommender(NAME, train.items(), ItemPopularity.backOffScores(train), v,
                new BehaviourText(train.items(), train.catalog(), historyItems, verb), embedder, text);
    }
}
