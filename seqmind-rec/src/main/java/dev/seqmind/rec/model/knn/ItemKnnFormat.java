package dev.seqmind.rec.model.knn;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.SingleFileFormat;

import java.io.IOException;

/** Saves {@link ItemKnnRecommender}s as {@code item-knn.bin}: popularity and the neighbour table. */
public final class ItemKnnFormat extends SingleFileFormat<ItemKnnRecommender> {
    public ItemKnnFormat() {
        super("item-knn", "item-knn.bin", ItemKnnRecommender.class);
    }

    @Override
    protected void write(ItemKnnRecommender m, ArrayFile.Writer w) throws IOException {
        w.string("name", m.name()).number("historyItems", m.historyItems())
                .number("historyDecay", m.historyDecay()).floats("popularity", m.popularity())
                .ints("start", m.table().start()).ints("ids", m.table().ids()).floats("sims", m.table().sims());
    }

    @Override
    protected ItemKnnRecommender read(ArrayFile.Reader r, IdMap items) throws IOException {
        String name = r.string("name");
        int historyItems = (int) r.number("historyItems");
        float historyDecay = (float) r.number("historyDecay");
        float[] pop = r.floats("popularity");
        NeighbourTable t = new NeighbourTable(r.ints("start"), r.ints("ids"), r.floats("sims"));
        return new ItemKnnRecommender(name, items, t, pop, historyItems, historyDecay);
    }
}
