package dev.seqmind.neural.text;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.model.BaseScoreRecommender;

import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot recommendation by a language model, without any training on the log: the history is rendered as text
 * ({@link BehaviourText}), embedded by the same sentence model as the items, and items are ranked by the cosine of
 * their text to it. An empty history falls back to training popularity; items without text score {@code -inf}.
 *
 * <p>Thread-safe: the embedder is thread-safe and everything else is immutable. The embedder's native session
 * lives as long as the model (it is released with the JVM).
 */
public final class LmZeroShotRecommender extends BaseScoreRecommender {
    private final ItemVectors vectors;
    private final BehaviourText behaviour;
    private final TextEmbedder embedder;
    private final TextSettings settings;

    /** @param settings the model and template the item vectors were made with (saved with the model) */
    public LmZeroShotRecommender(String name, IdMap items, float[] popularity, ItemVectors vectors,
                                 BehaviourText behaviour, TextEmbedder embedder, TextSettings settings) {
        super(name, items, popularity);
        this.vectors = vectors;
        this.behaviour = behaviour;
        this.embedder = embedder;
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    public TextSettings settings() {
        return settings;
    }

    /** The items' text vectors. */
    public ItemVectors vectors() {
        return vectors;
    }

    public BehaviourText behaviour() {
        return behaviour;
    }

    /** The popularity fall-back scores (a copy). */
    public float[] popularity() {
        return baseScores().clone();
    }

    @Override
    public void score(int[] history, float[] out) {
        scoreBatch(new int[][] {history}, new float[][] {out});
    }

    /** Embeds the batch's behaviour texts together (the encoder spreads them over its workers). */
    @Override
    public void scoreBatch(int[][] histories, float[][] out) {
        List<String> texts = new ArrayList<>();
        int[] row = new int[histories.length];
        for (int i = 0; i < histories.length; i++) {
            String t = behaviour.render(histories[i]);
            row[i] = t.isBlank() ? -1 : texts.size();
            if (!t.isBlank()) {
                texts.add(t);
            }
        }
        float[][] q = embedder.embed(texts).vectors();
        for (int i = 0; i < histories.length; i++) {
            if (row[i] < 0) {
                fillBaseScores(out[i]);
            } else {
                vectors.dotAll(q[row[i]], out[i]);
            }
        }
    }
}
