package dev.seqmind.rec.model.pop;

import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ArrayFile;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelFormat;

import java.io.IOException;
import java.nio.file.Path;

/** Saves {@link PopularityRecommender}s (plain and time-decayed) as {@code popularity.bin}. */
public final class PopularityFormat implements ModelFormat {
    private static final String FILE = "popularity.bin";

    @Override
    public String type() {
        return "popularity";
    }

    @Override
    public boolean supports(Recommender model) {
        return model instanceof PopularityRecommender;
    }

    @Override
    public void save(Recommender model, Path dir) throws IOException {
        PopularityRecommender m = (PopularityRecommender) model;
        try (var w = ArrayFile.create(dir.resolve(FILE), type(), formatVersion())) {
            w.string("name", m.name()).number("halfLife", m.halfLife()).floats("weights", m.weights());
        }
    }

    @Override
    public Recommender load(Path dir) throws IOException {
        try (var r = ArrayFile.open(dir.resolve(FILE), type(), formatVersion())) {
            String name = r.string("name");
            double halfLife = r.number("halfLife");
            return new PopularityRecommender(name, ItemsFile.readIds(dir), r.floats("weights"), halfLife);
        }
    }
}
