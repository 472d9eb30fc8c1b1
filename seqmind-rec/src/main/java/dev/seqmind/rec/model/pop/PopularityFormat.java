package dev.seqmind.rec.model.pop;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.SingleFileFormat;

import java.io.IOException;

/** Saves {@link PopularityRecommender}s (plain and time-decayed) as {@code popularity.bin}. */
public final class PopularityFormat extends SingleFileFormat<PopularityRecommender> {
    public PopularityFormat() {
        super("popularity", "popularity.bin", PopularityRecommender.class);
    }

    @Override
    protected void write(PopularityRecommender m, ArrayFile.Writer w) throws IOException {
        w.string("name", m.name()).number("halfLife", m.halfLife()).floats("weights", m.weights());
    }

    @Override
    protected PopularityRecommender read(ArrayFile.Reader r, IdMap items) throws IOException {
        String name = r.string("name");
        double halfLife = r.number("halfLife");
        return new PopularityRecommender(name, items, r.floats("weights"), halfLife);
    }
}
