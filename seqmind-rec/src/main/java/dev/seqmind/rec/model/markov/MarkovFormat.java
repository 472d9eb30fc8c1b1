package dev.seqmind.rec.model.markov;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.SingleFileFormat;

import java.io.IOException;

/** Saves {@link MarkovRecommender}s as {@code markov.bin}: popularity, then one transition table per order. */
public final class MarkovFormat extends SingleFileFormat<MarkovRecommender> {
    public MarkovFormat() {
        super("markov", "markov.bin", MarkovRecommender.class);
    }

    @Override
    protected void write(MarkovRecommender m, ArrayFile.Writer w) throws IOException {
        w.string("name", m.name()).number("order", m.order()).number("minContextCount", m.minContextCount())
                .floats("popularity", m.popularity());
        for (int k = 1; k <= m.order(); k++) {
            TransitionTable t = m.table(k);
            w.longs("keys" + k, t.rowKeys).ints("rowStart" + k, t.rowStart).ints("next" + k, t.next)
                    .ints("counts" + k, t.counts);
        }
    }

    @Override
    protected MarkovRecommender read(ArrayFile.Reader r, IdMap items) throws IOException {
        String name = r.string("name");
        int order = (int) r.number("order");
        int minCount = (int) r.number("minContextCount");
        float[] pop = r.floats("popularity");
        TransitionTable[] tables = new TransitionTable[order];
        for (int k = 1; k <= order; k++) {
            tables[k - 1] = new TransitionTable(k, r.longs("keys" + k), r.ints("rowStart" + k),
                    r.ints("next" + k), r.ints("counts" + k));
        }
        return new MarkovRecommender(name, items, tables, pop, minCount);
    }
}
