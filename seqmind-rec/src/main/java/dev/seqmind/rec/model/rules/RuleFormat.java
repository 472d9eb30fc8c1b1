package dev.seqmind.rec.model.rules;

import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelFormat;

import java.io.IOException;
import java.nio.file.Path;

/** Saves {@link RuleBasedRecommender}s as {@code rules.bin}: popularity and the rules in flat arrays. */
public final class RuleFormat implements ModelFormat {
    private static final String FILE = "rules.bin";

    @Override
    public String type() {
        return "rules";
    }

    @Override
    public boolean supports(Recommender model) {
        return model instanceof RuleBasedRecommender;
    }

    @Override
    public void save(Recommender model, Path dir) throws IOException {
        RuleBasedRecommender m = (RuleBasedRecommender) model;
        RuleSet s = m.ruleSet();
        long[] sup = s.support;
        try (var w = ArrayFile.create(dir.resolve(FILE), type(), formatVersion())) {
            w.string("name", m.name()).string("matching", m.matching().name()).number("window", m.window())
                    .floats("popularity", m.popularity()).ints("antStart", s.antStart).ints("antItems", s.antItems)
                    .ints("consequent", s.consequent).longs("support", sup);
            // Doubles are kept exactly as two float arrays would not be: store their bits.
            long[] confBits = new long[s.size()];
            long[] liftBits = new long[s.size()];
            for (int r = 0; r < s.size(); r++) {
                confBits[r] = Double.doubleToRawLongBits(s.confidence[r]);
                liftBits[r] = Double.doubleToRawLongBits(s.lift[r]);
            }
            w.longs("confidenceBits", confBits).longs("liftBits", liftBits);
        }
    }

    @Override
    public Recommender load(Path dir) throws IOException {
        try (var r = ArrayFile.open(dir.resolve(FILE), type(), formatVersion())) {
            String name = r.string("name");
            Matching matching = Matching.valueOf(r.string("matching"));
            int window = (int) r.number("window");
            float[] pop = r.floats("popularity");
            int[] antStart = r.ints("antStart");
            int[] antItems = r.ints("antItems");
            int[] cons = r.ints("consequent");
            long[] sup = r.longs("support");
            long[] confBits = r.longs("confidenceBits");
            long[] liftBits = r.longs("liftBits");
            double[] conf = new double[confBits.length];
            double[] lift = new double[liftBits.length];
            for (int i = 0; i < conf.length; i++) {
                conf[i] = Double.longBitsToDouble(confBits[i]);
                lift[i] = Double.longBitsToDouble(liftBits[i]);
            }
            var items = ItemsFile.readIds(dir);
            return new RuleBasedRecommender(name, items, new RuleSet(antStart, antItems, cons, sup, conf, lift,
                    items.size()), pop, matching, window);
        }
    }
}
