package dev.seqmind.rec.store;

import dev.seqmind.rec.Recommender;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads one model family's own files inside a model directory. Implementations are stateless, have a
 * public no-argument constructor and are listed in {@code META-INF/services/dev.seqmind.rec.store.ModelFormat}.
 * {@link ModelDirectory} writes {@code model.json} and {@code items.json}; a format reads the item map back with
 * {@link ItemsFile#readIds(Path)}.
 */
public interface ModelFormat {
    /** The type recorded in {@code model.json}, unique across formats, e.g. "markov". */
    String type();

    /** The version of the files this format writes; loaders refuse any other. */
    default int formatVersion() {
        return 1;
    }

    /** True when this format can save {@code model}. */
    boolean supports(Recommender model);

    /** Writes the model's own files into the existing directory {@code dir}. */
    void save(Recommender model, Path dir) throws IOException;

    /** Reads a model saved by {@link #save} from {@code dir}. */
    Recommender load(Path dir) throws IOException;
}
