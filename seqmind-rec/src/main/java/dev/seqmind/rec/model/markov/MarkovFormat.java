package dev.seqmind.rec.model.markov;

import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelFormat;

import java.io.IOException;
import java.nio.file.Path;

/** Saves {@link MarkovRecommender}s as {@code markov.bin}: popularity, then one transition table per order. */
public final class MarkovFormat implements ModelFormat {
    private static final String FILE = "markov.bin";

    @Override
    public String type() {
        return "markov";
    }

    @Override
    public boolean supports(Recommender model) {
        return model instanceof MarkovRecommender;
    }

    @Override
    public void save(Recommender model, Path dir) throws IOException {
        MarkovRecommender m = (MarkovRecommender) model;
        try (var w = ArrayFile.create(dir.resolve(FILE), type(), formatVersion())) {
            w.string("name", m.name()).number("order", m.order()).number("minContextCount", m.minContextCount())
                    .floats("popularity", m.popularity());
            for (int k = 1; k <= m.order(); k++) {
                TransitionTable t = m.table(k);
                w.longs("keys" + k, t.rowKeys).ints("rowStart" + k, t.rowStart).ints("next" + k, t.next)
                        .ints("counts" + k, t.counts);
            }
        }
    }

    @Override
    public Recommender load(Path dir) throws IOException {
        try (var r = ArrayFile.open(dir.resolve(FILE), type(), formatVersion())) {
            String name = r.string("name");
            int order = (int) r.number("order");
            int minCount = (int) r.number("minContextCount");
            float[] pop = r.floats("popularity");
            TransitionTable[] tables = new TransitionTable[order];
            for (int k = 1; k <= order; k++) {
                tables[k - 1] = new TransitionTable(k, r.longs("keys" + k), r.ints("rowStart" + k),
                        r.ints("next" + k), r.ints("counts" + k));
            }
            return new MarkovRecommender(name, ItemsFile.readIds(dir), tables, pop, minCount);
        }
    }
}
