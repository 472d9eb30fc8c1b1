package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Locale;

/**
 * How {@link ColdBlendRecommender} weighs its three parts, each in [0, 1] before weighting: the history's text
 * similarity, the confidence of mined next-item rules, and popularity.
 *
 * @param text       weight of the mean cosine of the item's text to the history items' texts (negative cosines
 *                   count 0)
 * @param rules      weight of the highest confidence of a fired rule predicting the item
 * @param popularity weight of the item's popularity, {@code count / (max + 1)}
 */
public record ColdBlendWeights(double text, double rules, double popularity) {
    /**
     * The defaults, chosen on a validation slice of Amazon Beauty (S3-Rec) with simulated new users (the users with at
     * most 3 training events; the grid and figures are in docs/language-models.md), never on its test events.
     */
    public static final ColdBlendWeights DEFAULTS = new ColdBlendWeights(0.05, 0.9, 0.05);

    public ColdBlendWeights {
        check("text", text);
        check("rules", rules);
        check("popularity", popularity);
        if (!(text + rules + popularity > 0)) {
            throw new InvalidParameterException("cold-blend weights", describe(text, rules, popularity),
                    "at least one weight above 0");
        }
    }

    private static void check(String name, double w) {
        if (!(w >= 0 && w <= 1)) {
            throw new InvalidParameterException("cold-blend weight " + name, w, "in [0, 1]");
        }
    }

    /**
     * {@code "T:R:P"} (text, rules, popularity), e.g. {@code "0.6:0.3:0.1"}, as in the model name
     * {@code cold-blend:0.6:0.3:0.1}.
     */
    public static ColdBlendWeights parse(String s) {
        String[] p = s.split(":", -1);
        if (p.length != 3) {
            throw new InvalidParameterException("cold-blend weights", s, "three weights T:R:P (text, rules, "
                    + "popularity), e.g. 0.6:0.3:0.1");
        }
        try {
            return new ColdBlendWeights(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("cold-blend weights", s, "three numbers T:R:P, e.g. 0.6:0.3:0.1");
        }
    }

    @Override
    public String toString() {
        return describe(text, rules, popularity);
    }

    private static String describe(double t, double r, double p) {
        return String.format(Locale.ROOT, "%s:%s:%s", t, r, p);
    }
}
