package dev.seqmind.rec.model.rules;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.SingleFileFormat;

import java.io.IOException;

/** Saves {@link RuleBasedRecommender}s as {@code rules.bin}: popularity and the rules in flat arrays. */
public final class RuleFormat extends SingleFileFormat<RuleBasedRecommender> {
    public RuleFormat() {
        super("rules", "rules.bin", RuleBasedRecommender.class);
    }

    @Override
    protected void write(RuleBasedRecommender m, ArrayFile.Writer w) throws IOException {
        RuleSet s = m.ruleSet();
        w.string("name", m.name()).string("matching", m.matching().name()).number("window", m.window())
                .floats("popularity", m.popularity()).ints("antStart", s.antStart).ints("antItems", s.antItems)
                .ints("consequent", s.consequent).longs("support", s.support);
        // Doubles are kept exactly as two float arrays would not be: store their bits.
        long[] confBits = new long[s.size()];
        long[] liftBits = new long[s.size()];
        for (int r = 0; r < s.size(); r++) {
            confBits[r] = Double.doubleToRawLongBits(s.confidence[r]);
            liftBits[r] = Double.doubleToRawLongBits(s.lift[r]);
        }
        w.longs("confidenceBits", confBits).longs("liftBits", liftBits);
    }

    @Override
    protected RuleBasedRecommender read(ArrayFile.Reader r, IdMap items) throws IOException {
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
        return new RuleBasedRecommender(name, items, new RuleSet(antStart, antItems, cons, sup, conf, lift,
                items.size()), pop, matching, window);
    }
}
