package dev.seqmind.rec.model.knn;

import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelFormat;

import java.io.IOException;
import java.nio.file.Path;

/** Saves {@link ItemKnnRecommender}s as {@code item-knn.bin}: popularity and the neighbour table. */
public final class ItemKnnFormat implements ModelFormat {
    private static final String FILE = "item-knn.bin";

    @Override
    public String type() {
        return "item-knn";
    }

    @Override
    public boolean supports(Recommender model) {
        return model instanceof ItemKnnRecommender;
    }

    @Override
    public void save(Recommender model, Path dir) throws IOException {
        ItemKnnRecommender m = (ItemKnnRecommender) model;
        try (var w = ArrayFile.create(dir.resolve(FILE), type(), formatVersion())) {
            w.string("name", m.name()).number("historyItems", m.historyItems())
                    .number("historyDecay", m.historyDecay()).floats("popularity", m.popularity())
                    .ints("start", m.table().start()).ints("ids", m.table().ids()).floats("sims", m.table().sims());
        }
    }

    @Override
    public Recommender load(Path dir) throws IOException {
        try (var r = ArrayFile.open(dir.resolve(FILE), type(), formatVersion())) {
            String name = r.string("name");
            int historyItems = (int) r.number("historyItems");
            float historyDecay = (float) r.number("historyDecay");
            float[] pop = r.floats("popularity");
            NeighbourTable t = new NeighbourTable(r.ints("start"), r.ints("ids"), r.floats("sims"));
            return new ItemKnnRecommender(name, ItemsFile.readIds(dir), t, pop, historyItems, historyDecay);
        }
    }
}
