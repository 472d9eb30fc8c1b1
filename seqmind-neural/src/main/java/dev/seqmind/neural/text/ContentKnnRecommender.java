package dev.seqmind.neural.text;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.model.BaseScoreRecommender;
import dev.seqmind.rec.rank.TopKSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * "More like this" by item text: the history's last {@code window} items, each weighted by {@code decay^age}
 * (the latest has weight 1), are summed into one profile vector, and every item is scored by its cosine to the
 * profile (a sum of per-item cosines: the content k-NN score with every neighbour kept). Items never interacted with
 * are scored like any other, which is what cold items need; items added after the model was fitted are embedded
 * and scored the same way ({@link #withItems}), their popularity fall-back 0. Items without text score {@code -inf}; a history with
 * no item that has text falls back to training popularity.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContentKnnRecommender extends BaseScoreRecommender implements ItemExtensible {
    private final ItemVectors vectors;
    private final int window;
    private final float decay;
    private final TextSettings settings;

    /** @param settings the model and template {@code vectors} were made with (saved with the model) */
    public ContentKnnRecommender(String name, IdMap items, float[] popularity, ItemVectors vectors, int window,
                                 float decay, TextSettings settings) {
        super(name, items, popularity);
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        if (vectors.numItems() != items.size()) {
            throw new IllegalArgumentException(vectors.numItems() + " item vectors for " + items.size() + " items");
        }
        this.vectors = vectors;
        this.window = window;
        this.decay = decay;
    }

    public ItemVectors vectors() {
        return vectors;
    }

    public TextSettings settings() {
        return settings;
    }

    public int window() {
        return window;
    }

    public float decay() {
        return decay;
    }

    /** The popularity fall-back scores (a copy). */
    public float[] popularity() {
        return baseScores().clone();
    }

    @Override
    public void score(int[] history, float[] out) {
        float[] profile = new float[vectors.dimension()];
        float w = 1f;
        boolean any = false;
        for (int t = history.length - 1; t >= Math.max(0, history.length - window); t--) {
            any |= vectors.addTo(history[t], w, profile);
            w *= decay;
        }
        if (!any) {
            fillBaseScores(out);
            return;
        }
        vectors.dotAll(profile, out);
    }

    /**
     * This model with the new items of {@code ids} appended, their text rendered from {@code catalog} with the
     * model's template and embedded (through the vector cache) by its sentence model.
     *
     * @throws InvalidParameterException naming the first new item without any text for the template
     */
    @Override
    public Recommender withItems(List<String> ids, ItemCatalog catalog) {
        List<String> fresh = new ArrayList<>();
        for (String id : ids) {
            if (!items().contains(id) && !fresh.contains(id)) {
                fresh.add(id);
            }
        }
        if (fresh.isEmpty()) {
            return this;
        }
        IdMap added = IdMap.of(fresh);
        ItemTextTemplate.ItemTexts texts = ItemTextTemplate.parse(settings.template()).renderAll(added, catalog);
        for (int i = 0; i < fresh.size(); i++) {
            if (texts.texts()[i].isEmpty()) {
                throw new InvalidParameterException("item " + fresh.get(i), "no text",
                        "a title, categories, text or attribute for the template " + settings.template());
            }
        }
        ItemVectors more;
        try (TextEmbedder e = settings.openEmbedder()) {
            more = ItemVectors.embed(e, texts);
        }
        List<String> all = new ArrayList<>(items().externalIds());
        all.addAll(fresh);
        float[] pop = java.util.Arrays.copyOf(baseScores(), all.size());
        return new ContentKnnRecommender(name(), IdMap.of(all), pop, vectors.append(more), window, decay, settings);
    }

    @Override
    public int truncatedTexts() {
        return vectors.stats().truncated();
    }

    /** The {@code k} items whose text is nearest to {@code item}'s, the item itself excluded (empty if no text). */
    public TopKSelector.Result similarItems(int item, int k) {
        float[] q = new float[vectors.dimension()];
        float[] scores = new float[numItems()];
        if (!vectors.addTo(item, 1f, q)) {
            return new TopKSelector().select(scores, 0, k);
        }
        vectors.dotAll(q, scores);
        return new TopKSelector().select(scores, scores.length, k, new int[] {item}, 1);
    }

    /** The history item (within the window) whose text is nearest to {@code item}'s, with that cosine. */
    @Override
    public Explanation explain(int[] history, int item) {
        if (item < 0 || item >= numItems() || !vectors.has()[item]) {
            return Explanation.NONE;
        }
        float[] q = new float[vectors.dimension()];
        vectors.addTo(item, 1f, q);
        int best = -1;
        float bestCos = Float.NEGATIVE_INFINITY;
        for (int t = history.length - 1; t >= Math.max(0, history.length - window); t--) {
            int h = history[t];
            if (h >= 0 && h < numItems() && vectors.has()[h]) {
                float c = vectors.dot(h, q);
                if (c > bestCos) {
                    bestCos = c;
                    best = h;
                }
            }
        }
        if (best < 0) {
            return Explanation.NONE;
        }
        return new Explanation("content", String.format(java.util.Locale.ROOT, "text like %d (cosine %.2f)", best,
                bestCos), java.util.List.of(best), Math.max(0f, bestCos));
    }
}
