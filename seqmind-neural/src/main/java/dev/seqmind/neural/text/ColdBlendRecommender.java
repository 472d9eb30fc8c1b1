package dev.seqmind.neural.text;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.model.BaseScoreRecommender;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Recommendations for users with one to three events, where sequence models have too little to go on: a weighted
 * sum of three parts, each in [0, 1] ({@link ColdBlendWeights}):
 * <ul>
 *   <li>text: the item's mean cosine to the texts of the history's last {@value #WINDOW} items (negative counted 0;
 *   history items without text are skipped, items without text get 0);</li>
 *   <li>rules: the highest confidence of a mined rule the history fires that predicts the item;</li>
 *   <li>popularity: the item's training popularity, {@code count / (max + 1)}, or a live popularity given per
 *   call ({@link #blend}).</li>
 * </ul>
 * Works for any history length (the window keeps the most recent items); an empty history gets popularity alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColdBlendRecommender extends BaseScoreRecommender {
    /** History items whose texts are compared with each item's. */
    public static final int WINDOW = 3;

    private final ItemVectors vectors;
    private final NextItemRules rules;
    private final ColdBlendWeights weights;

    /**
     * @param popularity training popularity in [0, 1), dense id order; adopted
     * @param vectors    the items' text vectors
     * @param rules      mined rules over the same item ids
     */
    public ColdBlendRecommender(String name, IdMap items, float[] popularity, ItemVectors vectors,
                                NextItemRules rules, ColdBlendWeights weights) {
        super(name, items, popularity);
        if (vectors.numItems() != items.size()) {
            throw new IllegalArgumentException(vectors.numItems() + " item vectors for " + items.size() + " items");
        }
        this.vectors = vectors;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public ColdBlendWeights weights() {
        return weights;
    }

    @Override
    public void score(int[] history, float[] out) {
        blend(history, baseScores(), out);
    }

    /**
     * The blend with {@code popularity} (in [0, 1], dense id order) as the popularity part, e.g. a server's recent
     * popularity instead of the training counts.
     */
    public void blend(int[] history, float[] popularity, float[] out) {
        int n = numItems();
        if (out.length < n || popularity.length < n) {
            throw new IllegalArgumentException("arrays shorter than the " + n + " items");
        }
        float[] text = text(history);
        float[] conf = new float[n];
        rules.confidences(history, conf);
        float wt = (float) weights.text();
        float wr = (float) weights.rules();
        float wp = (float) weights.popularity();
        for (int i = 0; i < n; i++) {
            out[i] = wt * text[i] + wr * conf[i] + wp * popularity[i];
        }
    }

    /** Each item's mean cosine (negatives as 0) to the history window's items that have text; 0 without any. */
    private float[] text(int[] history) {
        int n = numItems();
        float[] profile = new float[vectors.dimension()];
        int used = 0;
        for (int t = history.length - 1; t >= Math.max(0, history.length - WINDOW); t--) {
            int h = history[t];
            if (h >= 0 && h < n && vectors.addTo(h, 1f, profile)) {
                used++;
            }
        }
        float[] out = new float[n];
        if (used == 0) {
            return out;
        }
        vectors.dotAll(profile, out);
        for (int i = 0; i < n; i++) {
            out[i] = out[i] == Float.NEGATIVE_INFINITY ? 0f : Math.max(0f, out[i] / used);
        }
        return out;
    }

    /** The part that contributed most to the item's score, with the three parts' values. */
    @Override
    public Explanation explain(int[] history, int item) {
        if (item < 0 || item >= numItems()) {
            return Explanation.NONE;
        }
        float t = text(history)[item];
        float[] conf = new float[numItems()];
        rules.confidences(history, conf);
        float r = conf[item];
        float p = baseScores()[item];
        double ct = weights.text() * t;
        double cr = weights.rules() * r;
        double cp = weights.popularity() * p;
        String kind = ct >= cr && ct >= cp ? "content" : cr >= cp ? "rule" : "popularity";
        return new Explanation(kind, String.format(Locale.ROOT, "few events yet: text %.2f, rules %.2f, "
                + "popularity %.2f (weights %s)", t, r, p, weights), List.of(), ct + cr + cp);
    }
}
