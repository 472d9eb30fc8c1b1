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
        // Written last so that files of unweighted models stay as they were and keep loading.
        for (int k = 1; k <= m.order(); k++) {
            TransitionTable t = m.table(k);
            if (t.weights != null) {
                w.floats("weights" + k, t.weights);
            }
        }
    }

    @Override
    protected MarkovRecommender read(ArrayFile.Reader r, IdMap items) throws IOException {
        String name = r.string("name");
        int order = (int) r.number("order");
        int minCount = (int) r.number("minContextCount");
        float[] pop = r.floats("popularity");
        long[][] keys = new long[order][];
        int[][] rowStart = new int[order][];
        int[][] next = new int[order][];
        int[][] counts = new int[order][];
        for (int k = 1; k <= order; k++) {
            keys[k - 1] = r.longs("keys" + k);
            rowStart[k - 1] = r.ints("rowStart" + k);
            next[k - 1] = r.ints("next" + k);
            counts[k - 1] = r.ints("counts" + k);
        }
        boolean weighted = !r.atEnd();
        TransitionTable[] tables = new TransitionTable[order];
        for (int k = 1; k <= order; k++) {
            tables[k - 1] = new TransitionTable(k, keys[k - 1], rowStart[k - 1], next[k - 1], counts[k - 1],
                    weighted ? r.floats("weights" + k) : null);
        }
        return new MarkovRecommender(name, items, tables, pop, minCount);
    }
}
